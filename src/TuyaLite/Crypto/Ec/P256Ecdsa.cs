using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// ECDSA over P-256 with SHA-256-sized hashes (bits2int of a 256-bit hash is the hash itself as an integer).
    /// Signing is constant time (fixed-base comb, Montgomery scalar arithmetic, RFC 6979 nonces); verification
    /// works on public data only and is variable time (wNAF, Shamir's trick).
    /// </summary>
    internal static class P256Ecdsa
    {
        // scalar workspace (mod n)
        private const int D = 0, E = 8, K = 16, R = 24, S = 32, Tmp = 40, Inv = 48, InvScratch = 56;
        public const int ScalarWords = InvScratch + P256Scalar.InvertScratchWords;   // 184 words

        /// <summary>
        /// Writes r || s (64 bytes) for the 32-byte hash. The private key is range-checked (CryptoException). Only the
        /// RFC 6979 retry conditions branch on secret-derived values: k outside [1, n-1] (about 2^-32 per candidate,
        /// then the next candidate is used, as the RFC says), r = 0 or s = 0 (about 2^-256).
        /// Workspace: 168 + 184 words (1,408 bytes), plus the RFC 6979 state and its HMAC.
        /// </summary>
        public static void Sign(byte[] privateKey, int privateOffset, byte[] hash, int hashOffset, byte[] rs, int rsOffset)
        {
            int acc = P256Point.ReservedWords, t = acc + P256Point.JacobianWords, x = t + P256Point.AffineWords;
            uint[] w = new uint[x + 2 * P256Field.Words];
            uint[] s = new uint[ScalarWords];
            byte[] buffer = new byte[32];
            Rfc6979 nonces = null;
            try
            {
                P256Ecdh.ReadPrivateKey(s, D, privateKey, privateOffset);
                nonces = new Rfc6979();
                P256Scalar.FromBytes(s, E, hash, hashOffset);
                P256Scalar.ReduceOnce(s, E);                                    // e = bits2int(hash) mod n
                P256Scalar.ToBytes(s, E, buffer, 0);                            // bits2octets(hash)
                nonces.Start(privateKey, privateOffset, buffer, 0);
                while (true)
                {
                    nonces.Next(buffer, 0);
                    P256Scalar.FromBytes(s, K, buffer, 0);
                    if (P256Scalar.IsValid(s, K) == 0) continue;
                    P256BaseTable.MulBase(w, acc, t, s, K, Tmp);                // k G
                    P256Point.ToAffine(w, x, -1, acc);
                    Array.Copy(w, x, s, R, P256Scalar.Words);
                    P256Scalar.ReduceOnce(s, R);                                // r = x mod n (x < p < 2n)
                    if (P256Scalar.IsZero(s, R) != 0) continue;
                    P256Scalar.Mul(s, Tmp, R, D);
                    P256Scalar.Add(s, Tmp, Tmp, E);                             // e + r d
                    P256Scalar.InvertToMontgomery(s, Inv, K, InvScratch);       // 2^256 / k
                    P256Scalar.MontMul(s, S, Inv, s, Tmp);                      // (e + r d) / k
                    if (P256Scalar.IsZero(s, S) != 0) continue;
                    P256Scalar.ToBytes(s, R, rs, rsOffset);
                    P256Scalar.ToBytes(s, S, rs, rsOffset + 32);
                    return;
                }
            }
            finally
            {
                if (nonces != null) nonces.Clear();
                Array.Clear(w, 0, w.Length);
                Array.Clear(s, 0, s.Length);
                Array.Clear(buffer, 0, buffer.Length);
            }
        }

        // verification workspace (field), after the formula scratch
        private const int Q = P256Point.ReservedWords;                          // affine public key
        private const int QTableEntries = 8;                                    // Q, 3Q, ..., 15Q (wNAF width 5)
        private const int QTable = Q + P256Point.AffineWords;
        private const int Twice = QTable + QTableEntries * P256Point.JacobianWords;
        private const int Acc = Twice + P256Point.JacobianWords;
        private const int Entry = Acc + P256Point.JacobianWords;
        private const int GEntry = Entry + P256Point.JacobianWords;
        public const int VerifyWords = GEntry + P256Point.AffineWords;         // 408 words
        private const int GWidth = 6, QWidth = 5, NafLength = 257;

        /// <summary>
        /// Checks r || s (64 bytes at rs) against the 32-byte hash and a 65-byte public key. False on anything invalid
        /// (public key off the curve, r or s outside [1, n-1], wrong signature). VARIABLE TIME: public data only.
        /// Workspace: 408 + 184 words and two 257-byte digit arrays (2,882 bytes).
        /// </summary>
        public static bool Verify(byte[] publicKey, int publicOffset, byte[] hash, int hashOffset, byte[] rs, int rsOffset)
        {
            uint[] w = new uint[VerifyWords];
            uint[] s = new uint[ScalarWords];
            if (!P256Ecdh.ReadPublicKey(w, Q, publicKey, publicOffset)) return false;
            P256Scalar.FromBytes(s, R, rs, rsOffset);
            P256Scalar.FromBytes(s, S, rs, rsOffset + 32);
            if (P256Scalar.IsValid(s, R) == 0 || P256Scalar.IsValid(s, S) == 0) return false;
            P256Scalar.FromBytes(s, E, hash, hashOffset);
            P256Scalar.ReduceOnce(s, E);
            P256Scalar.InvertToMontgomery(s, Inv, S, InvScratch);               // 2^256 / s
            P256Scalar.MontMul(s, D, Inv, s, E);                                // u1 = e / s
            P256Scalar.MontMul(s, K, Inv, s, R);                                // u2 = r / s

            sbyte[] nafG = new sbyte[NafLength], nafQ = new sbyte[NafLength];
            int top = Wnaf(nafG, s, D, GWidth);
            int topQ = Wnaf(nafQ, s, K, QWidth);
            if (topQ > top) top = topQ;
            uint[] oddG = P256BaseTable.OddMultiplesOfG;
            P256Point.OddMultiples(w, QTable, QTableEntries, Q, Twice);

            // Shamir's trick: one doubling chain for u1 G + u2 Q; the accumulator starts at infinity (Z = 0)
            Array.Clear(w, Acc, P256Point.JacobianWords);
            bool started = false;
            for (int i = top; i >= 0; i--)
            {
                if (started) P256Point.Double(w, Acc, Acc);
                int d = nafG[i];
                if (d != 0)
                {
                    Array.Copy(oddG, ((d < 0 ? -d : d) >> 1) * P256Point.AffineWords, w, GEntry, P256Point.AffineWords);
                    if (d < 0) P256Field.Neg(w, GEntry + 8, GEntry + 8);
                    P256Point.AddMixedVartime(w, Acc, Acc, GEntry);
                    started = true;
                }
                d = nafQ[i];
                if (d != 0)
                {
                    Array.Copy(w, QTable + ((d < 0 ? -d : d) >> 1) * P256Point.JacobianWords, w, Entry, P256Point.JacobianWords);
                    if (d < 0) P256Field.Neg(w, Entry + 8, Entry + 8);
                    P256Point.AddVartime(w, Acc, Acc, Entry);
                    started = true;
                }
            }
            if (P256Point.IsInfinity(w, Acc)) return false;
            return XCoordinateMatches(w, s);
        }

        /// <summary>
        /// x(Acc) mod n == r without an inversion: x = X / Z^2 is below p, so x mod n == r iff X == r Z^2, or
        /// r + n &lt; p and X == (r + n) Z^2.
        /// </summary>
        private static bool XCoordinateMatches(uint[] w, uint[] s)
        {
            int z2 = Entry, candidate = Entry + 8, product = Entry + 16;
            P256Field.Sqr(w, z2, Acc + 16);
            Array.Copy(s, R, w, candidate, P256Field.Words);
            P256Field.Mul(w, product, candidate, z2);
            if (P256Field.IsEqual(w, product, Acc) != 0) return true;
            // candidate = r + n, if that stays below p
            ulong carry = 0;
            for (int i = 0; i < P256Field.Words; i++)
            {
                carry += (ulong)w[candidate + i] + P256Scalar.N[i];
                w[candidate + i] = (uint)carry;
                carry >>= 32;
            }
            if (carry != 0) return false;
            long borrow = 0;
            for (int i = 0; i < P256Field.Words; i++)
            {
                borrow += (long)w[candidate + i] - P256Field.P[i];
                borrow >>= 32;
            }
            if (borrow == 0) return false;                                      // r + n >= p
            P256Field.Mul(w, product, candidate, z2);
            return P256Field.IsEqual(w, product, Acc) != 0;
        }

        /// <summary>
        /// Width-w NAF of the 256-bit scalar at s[k]: digits odd in (-2^(w-1), 2^(w-1)) or 0, any two non-zero digits
        /// at least w positions apart. Returns the index of the highest non-zero digit (-1 for 0). VARIABLE TIME.
        /// </summary>
        private static int Wnaf(sbyte[] naf, uint[] s, int k, int width)
        {
            int carry = 0, bit = 0, last = -1;
            while (bit < NafLength)
            {
                if ((int)Bits(s, k, bit, 1) == carry) { bit++; continue; }
                int now = width;
                if (now > NafLength - bit) now = NafLength - bit;
                int digit = (int)Bits(s, k, bit, now) + carry;
                carry = (digit >> (width - 1)) & 1;
                digit -= carry << width;
                naf[bit] = (sbyte)digit;
                last = bit;
                bit += now;
            }
            return last;
        }

        private static uint Bits(uint[] s, int k, int position, int count)
        {
            int word = position >> 5, bit = position & 31;
            if (word > 7) return 0;
            ulong v = s[k + word];
            if (word < 7) v |= (ulong)s[k + word + 1] << 32;
            return (uint)(v >> bit) & ((1u << count) - 1);
        }
    }
}

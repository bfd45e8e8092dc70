using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// Constant-time k*P for a secret k and a variable point P (ECDH), and the ECDH/key operations built on it and on
    /// the fixed-base comb. Workspace: WorkspaceWords uint (2,336 bytes) plus 16 scalar words (64 bytes), allocated
    /// once per call and wiped before returning.
    /// </summary>
    internal static class P256Ecdh
    {
        public const int WindowBits = 5;
        public const int TableEntries = 16;                                  // P, 3P, ..., 31P
        private const int Digits = 51;                                       // below the top digit, which is always 1

        public const int Peer = P256Point.ReservedWords;                     // affine input point
        private const int Table = Peer + P256Point.AffineWords;
        private const int Twice = Table + TableEntries * P256Point.JacobianWords;
        public const int Acc = Twice + P256Point.JacobianWords;
        private const int Entry = Acc + P256Point.JacobianWords;
        public const int WorkspaceWords = Entry + P256Point.JacobianWords;
        public const int ScalarWords = 2 * P256Scalar.Words;

        /// <summary>
        /// w[Acc] = k P (Jacobian) for the affine P at w[Peer] (on the curve, not infinity) and k = s[k..k+8) in
        /// [1, n-1]; tmp is 8 scalar words. Constant time.
        ///
        /// Regular signed window: k' = k if k is odd, else n - k (odd; the result is negated back at the end). For odd
        /// k', k'_(j+1) = (k'_j &gt;&gt; 5) | 1 with digit d_j = (k'_j mod 64) - 32 gives k' = 2^255 + sum_(j&lt;51) d_j 32^j
        /// where d_j = ((k' &gt;&gt; 5j) mod 64 | 1) - 32 is odd in [-31, 31]: every digit is non-zero, so the loop is
        /// always 51 x (5 doublings + 1 addition of a table entry read in full and negated by mask).
        ///
        /// Exceptional additions: before adding d_j P the accumulator is (k'_j - d_j) P with k'_j - d_j in
        /// [32, k'_j + 31]. For j &gt;= 1, k'_j &lt; 2^252, so neither it nor its sum/difference with d_j can be 0 mod n
        /// (|d_j| &lt; 32): the plain Jacobian addition is exact. Only the last addition (j = 0, k'_0 = k') can meet
        /// infinity (k' = n + d_0) or doubling (k' = n + 2 d_0), both for k' within 62 of n: it uses the complete,
        /// masked addition. Doublings are exact for every point (no point of order 2 on P-256).
        /// </summary>
        public static void MulSecret(uint[] w, uint[] s, int k, int tmp)
        {
            uint even = (s[k] & 1) - 1;
            P256Scalar.NegateNonZero(s, tmp, k);
            P256Scalar.Select(s, tmp, k, ~even);

            P256Point.OddMultiples(w, Table, TableEntries, Peer, Twice);
            Array.Copy(w, Table, w, Acc, P256Point.JacobianWords);           // the top digit, 1
            for (int j = Digits - 1; j >= 0; j--)
            {
                for (int i = 0; i < WindowBits; i++) P256Point.Double(w, Acc, Acc);
                uint u = Window6(s, tmp, WindowBits * j) | 1;                 // digit u - 32
                uint negative = ((u >> 5) & 1) - 1;                          // all ones when u < 32
                int index = (int)(((u >> 1) ^ negative) & 15);               // (|u - 32| - 1) / 2
                P256Point.LookupJacobian(w, Entry, Table, TableEntries, index);
                P256Point.NegateIf(w, Entry, negative);
                if (j == 0) P256Point.AddComplete(w, Acc, Acc, Entry);
                else P256Point.Add(w, Acc, Acc, Entry);
            }
            P256Point.NegateIf(w, Acc, even);
            Array.Clear(s, tmp, P256Scalar.Words);
        }

        /// <summary>Bits [position, position + 6) of the 256-bit scalar at s[k] (positions are public).</summary>
        private static uint Window6(uint[] s, int k, int position)
        {
            int word = position >> 5, bit = position & 31;
            ulong v = s[k + word];
            if (word < 7) v |= (ulong)s[k + word + 1] << 32;
            return (uint)(v >> bit) & 63;
        }

        /// <summary>Shared secret x(d Q) into secret[offset]. Inputs already range-checked by the caller.</summary>
        public static void Agree(byte[] privateKey, int privateOffset, byte[] peer, int peerOffset, byte[] secret, int secretOffset)
        {
            uint[] w = new uint[WorkspaceWords];
            uint[] s = new uint[ScalarWords];
            try
            {
                string problem = ParsePublicKey(w, Peer, peer, peerOffset);
                if (problem != null) throw new CryptoException(problem);
                ReadPrivateKey(s, 0, privateKey, privateOffset);
                MulSecret(w, s, 0, P256Scalar.Words);
                if (P256Point.IsInfinity(w, Acc)) throw new CryptoException("P-256 ECDH result is the point at infinity");
                P256Point.ToAffine(w, Peer, -1, Acc);
                P256Field.ToBytes(w, Peer, secret, secretOffset);
            }
            finally
            {
                Array.Clear(w, 0, w.Length);
                Array.Clear(s, 0, s.Length);
            }
        }

        /// <summary>publicKey = 0x04 || X || Y of d G (constant time, fixed-base comb).</summary>
        public static void PublicKey(byte[] privateKey, int privateOffset, byte[] publicKey, int publicOffset)
        {
            int acc = P256Point.ReservedWords, t = acc + P256Point.JacobianWords;
            uint[] w = new uint[t + P256Point.AffineWords];
            uint[] s = new uint[ScalarWords];
            try
            {
                ReadPrivateKey(s, 0, privateKey, privateOffset);
                P256BaseTable.MulBase(w, acc, t, s, 0, P256Scalar.Words);
                P256Point.ToAffine(w, t, t + 8, acc);
                publicKey[publicOffset] = 0x04;
                P256Field.ToBytes(w, t, publicKey, publicOffset + 1);
                P256Field.ToBytes(w, t + 8, publicKey, publicOffset + 33);
            }
            finally
            {
                Array.Clear(w, 0, w.Length);
                Array.Clear(s, 0, s.Length);
            }
        }

        /// <summary>Reads a private scalar into s[r]; throws unless it is in [1, n-1] (the check is constant time).</summary>
        public static void ReadPrivateKey(uint[] s, int r, byte[] key, int offset)
        {
            P256Scalar.FromBytes(s, r, key, offset);
            if (P256Scalar.IsValid(s, r) == 0)
                throw new CryptoException("P-256 private key must be in [1, n-1]");
        }

        /// <summary>
        /// Reads a 65-byte uncompressed point 0x04 || X || Y into the affine slot a; returns null when the prefix is 4,
        /// X and Y are below p and y^2 = x^3 - 3x + b, else what is wrong (ECDH's exception message). P-256 has
        /// cofactor 1, so every such point has order n (and the point at infinity has no such encoding).
        /// </summary>
        public static string ParsePublicKey(uint[] w, int a, byte[] key, int offset)
        {
            if (key[offset] != 0x04) return "P-256 public key must be uncompressed (prefix 0x04)";
            if (!P256Field.FromBytes(w, a, key, offset + 1) || !P256Field.FromBytes(w, a + 8, key, offset + 33))
                return "P-256 public key coordinate is not below p";
            if (!P256Point.IsOnCurve(w, a)) return "P-256 public key is not on the curve";
            return null;
        }

        /// <summary>ParsePublicKey as a yes/no (ECDSA verification returns false for any bad key).</summary>
        public static bool ReadPublicKey(uint[] w, int a, byte[] key, int offset)
        {
            return ParsePublicKey(w, a, key, offset) == null;
        }
    }
}

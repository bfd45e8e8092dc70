using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// Arithmetic modulo the P-256 group order n (ECDSA: nonce inverse, s = k^-1 (e + r d), u1 and u2), on 8 x 32-bit
    /// little-endian limbs at offsets of a uint[] workspace, like P256Field. Multiplication is Montgomery's
    /// (R = 2^256), unrolled over locals; everything here is constant time (the inversion exponent n - 2 is public).
    /// A handful of these run per signature, so they are counted apart from the field multiplications.
    /// </summary>
    internal static class P256Scalar
    {
        public const int Words = 8;

        /// <summary>Montgomery multiplications mod n; per thread on .NET, global on the device.</summary>
#if !NANOFRAMEWORK_1_0
        [ThreadStatic]
#endif
        public static long Multiplications;

        /// <summary>n = ffffffff 00000000 ffffffff ffffffff bce6faad a7179e84 f3b9cac2 fc632551.</summary>
        public static readonly uint[] N = { 0xFC632551, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF };
        /// <summary>R^2 mod n: MontMul(a, RR) = a R, the Montgomery form of a.</summary>
        public static readonly uint[] RR = { 0xBE79EEA2, 0x83244C95, 0x49BD6FA6, 0x4699799C, 0x2B6BEC59, 0x2845B239, 0xF3D95620, 0x66E12D94 };
        /// <summary>-n^-1 mod 2^32.</summary>
        private const uint N0Inv = 0xEE00BC4F;

        /// <summary>
        /// r = a * b * 2^-256 mod n for a, b below n (a from w, b from v; r may alias either). Word-by-word Montgomery
        /// (CIOS): each round adds a_i * b and one multiple of n that clears the low word, then shifts by a word. The
        /// rounds loop (these run a few hundred times per signature, not thousands), the words within a round are
        /// unrolled over locals.
        /// </summary>
        public static void MontMul(uint[] w, int r, int a, uint[] v, int b)
        {
            Multiplications++;
            ulong b0 = v[b], b1 = v[b + 1], b2 = v[b + 2], b3 = v[b + 3], b4 = v[b + 4], b5 = v[b + 5], b6 = v[b + 6], b7 = v[b + 7];
            uint t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6 = 0, t7 = 0, t8 = 0;
            for (int i = 0; i < Words; i++)
            {
                // t += a_i * b
                ulong ai = w[a + i];
                ulong c = ai * b0 + t0; t0 = (uint)c;
                c = ai * b1 + t1 + (c >> 32); t1 = (uint)c;
                c = ai * b2 + t2 + (c >> 32); t2 = (uint)c;
                c = ai * b3 + t3 + (c >> 32); t3 = (uint)c;
                c = ai * b4 + t4 + (c >> 32); t4 = (uint)c;
                c = ai * b5 + t5 + (c >> 32); t5 = (uint)c;
                c = ai * b6 + t6 + (c >> 32); t6 = (uint)c;
                c = ai * b7 + t7 + (c >> 32); t7 = (uint)c;
                c = (ulong)t8 + (c >> 32); t8 = (uint)c;
                uint top = (uint)(c >> 32);
                // t = (t + m n) / 2^32 with m chosen so the low word cancels
                ulong m = t0 * N0Inv;
                c = m * 0xFC632551u + t0;
                c = m * 0xF3B9CAC2u + t1 + (c >> 32); t0 = (uint)c;
                c = m * 0xA7179E84u + t2 + (c >> 32); t1 = (uint)c;
                c = m * 0xBCE6FAADu + t3 + (c >> 32); t2 = (uint)c;
                c = m * 0xFFFFFFFFu + t4 + (c >> 32); t3 = (uint)c;
                c = m * 0xFFFFFFFFu + t5 + (c >> 32); t4 = (uint)c;
                c = t6 + (c >> 32); t5 = (uint)c;
                c = m * 0xFFFFFFFFu + t7 + (c >> 32); t6 = (uint)c;
                c = (ulong)t8 + (c >> 32); t7 = (uint)c;
                t8 = top + (uint)(c >> 32);
            }
            // the result (t8, t7..t0) is below 2n: subtract n once unless that borrows
            long acc = (long)t0 - 0xFC632551; uint d0 = (uint)acc; acc >>= 32;
            acc += (long)t1 - 0xF3B9CAC2; uint d1 = (uint)acc; acc >>= 32;
            acc += (long)t2 - 0xA7179E84; uint d2 = (uint)acc; acc >>= 32;
            acc += (long)t3 - 0xBCE6FAAD; uint d3 = (uint)acc; acc >>= 32;
            acc += (long)t4 - 0xFFFFFFFF; uint d4 = (uint)acc; acc >>= 32;
            acc += (long)t5 - 0xFFFFFFFF; uint d5 = (uint)acc; acc >>= 32;
            acc += t6; uint d6 = (uint)acc; acc >>= 32;
            acc += (long)t7 - 0xFFFFFFFF; uint d7 = (uint)acc; acc >>= 32;
            acc += t8;
            uint keep = (uint)acc, take = ~keep;
            w[r] = (t0 & keep) | (d0 & take); w[r + 1] = (t1 & keep) | (d1 & take);
            w[r + 2] = (t2 & keep) | (d2 & take); w[r + 3] = (t3 & keep) | (d3 & take);
            w[r + 4] = (t4 & keep) | (d4 & take); w[r + 5] = (t5 & keep) | (d5 & take);
            w[r + 6] = (t6 & keep) | (d6 & take); w[r + 7] = (t7 & keep) | (d7 & take);
        }

        /// <summary>r = a * b mod n (two Montgomery multiplications).</summary>
        public static void Mul(uint[] w, int r, int a, int b)
        {
            MontMul(w, r, a, w, b);
            MontMul(w, r, r, RR, 0);
        }

        /// <summary>r = a + b mod n for a, b below n.</summary>
        public static void Add(uint[] w, int r, int a, int b)
        {
            ulong t = 0;
            for (int i = 0; i < Words; i++)
            {
                t += (ulong)w[a + i] + w[b + i];
                w[r + i] = (uint)t;
                t >>= 32;
            }
            SubtractNUnlessBorrow(w, r, (uint)t);
        }

        /// <summary>a = a mod n for any 256-bit a (2^256 is below 2n, so one conditional subtraction).</summary>
        public static void ReduceOnce(uint[] w, int a)
        {
            SubtractNUnlessBorrow(w, a, 0);
        }

        private static void SubtractNUnlessBorrow(uint[] w, int a, uint carry)
        {
            // first pass: does (carry, a) - n borrow? second pass: subtract n masked by the answer
            long acc = 0;
            for (int i = 0; i < Words; i++)
            {
                acc += (long)w[a + i] - N[i];
                acc >>= 32;
            }
            acc += carry;
            uint take = ~(uint)acc;
            acc = 0;
            for (int i = 0; i < Words; i++)
            {
                acc += (long)w[a + i] - (N[i] & take);
                w[a + i] = (uint)acc;
                acc >>= 32;
            }
        }

        /// <summary>r = n - a (a in [1, n-1], so the result is too).</summary>
        public static void NegateNonZero(uint[] w, int r, int a)
        {
            long acc = 0;
            for (int i = 0; i < Words; i++)
            {
                acc += (long)N[i] - w[a + i];
                w[r + i] = (uint)acc;
                acc >>= 32;
            }
        }

        /// <summary>All ones when 1 &lt;= a &lt; n, else 0 (constant time).</summary>
        public static uint IsValid(uint[] w, int a)
        {
            long acc = 0;
            uint or = 0;
            for (int i = 0; i < Words; i++)
            {
                acc += (long)w[a + i] - N[i];
                acc >>= 32;
                or |= w[a + i];
            }
            return (uint)acc & ~P256Field.ZeroMask(or);
        }

        /// <summary>All ones when a == 0.</summary>
        public static uint IsZero(uint[] w, int a)
        {
            uint or = 0;
            for (int i = 0; i < Words; i++) or |= w[a + i];
            return P256Field.ZeroMask(or);
        }

        /// <summary>r = a where mask is all ones (constant time).</summary>
        public static void Select(uint[] w, int r, int a, uint mask)
        {
            for (int i = 0; i < Words; i++) w[r + i] ^= (w[r + i] ^ w[a + i]) & mask;
        }

        /// <summary>Scratch words InvertToMontgomery needs: 15 powers and an accumulator.</summary>
        public const int InvertScratchWords = 16 * Words;

        /// <summary>
        /// r = a^-1 * R mod n (a in [1, n-1]) by Fermat, a^(n-2), with a fixed 4-bit window: 15 table
        /// multiplications, 252 squarings, one multiplication per non-zero nibble of the public exponent n - 2.
        /// MontMul(r, x) then gives x / a directly. Uses InvertScratchWords at s; r may alias a.
        /// </summary>
        public static void InvertToMontgomery(uint[] w, int r, int a, int s)
        {
            int acc = s + 15 * Words;
            MontMul(w, s, a, RR, 0);                                      // a R
            for (int i = 1; i < 15; i++) MontMul(w, s + i * Words, s + (i - 1) * Words, w, s); // a^(i+1) R
            Array.Copy(w, s + 14 * Words, w, acc, Words);                 // top nibble of n - 2 is f
            for (int nibble = 62; nibble >= 0; nibble--)
            {
                for (int k = 0; k < 4; k++) MontMul(w, acc, acc, w, acc);
                uint digit = (NMinus2[nibble >> 3] >> ((nibble & 7) * 4)) & 15;
                if (digit != 0) MontMul(w, acc, acc, w, s + ((int)digit - 1) * Words); // public exponent digit
            }
            Array.Copy(w, acc, w, r, Words);
        }

        private static readonly uint[] NMinus2 = { 0xFC63254F, 0xF3B9CAC2, 0xA7179E84, 0xBCE6FAAD, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF };

        /// <summary>Reads 32 big-endian bytes (any 256-bit value).</summary>
        public static void FromBytes(uint[] w, int r, byte[] src, int offset)
        {
            P256Field.Load(w, r, src, offset);
        }

        /// <summary>Writes 32 big-endian bytes.</summary>
        public static void ToBytes(uint[] w, int a, byte[] dst, int offset)
        {
            P256Field.ToBytes(w, a, dst, offset);
        }
    }
}

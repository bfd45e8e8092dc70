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

        /// <summary>r = a * b * 2^-256 mod n for a, b below n (a from w, b from v; r may alias either).</summary>
        public static void MontMul(uint[] w, int r, int a, uint[] v, int b)
        {
            Multiplications++;
            ulong a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], a4 = w[a + 4], a5 = w[a + 5], a6 = w[a + 6], a7 = w[a + 7];
            ulong b0 = v[b], b1 = v[b + 1], b2 = v[b + 2], b3 = v[b + 3], b4 = v[b + 4], b5 = v[b + 5], b6 = v[b + 6], b7 = v[b + 7];
            ulong t;
            uint c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15;
            // row 0: c[0..8] += a0 * b
            t = a0 * b0; c0 = (uint)t;
            t = a0 * b1 + (t >> 32); c1 = (uint)t;
            t = a0 * b2 + (t >> 32); c2 = (uint)t;
            t = a0 * b3 + (t >> 32); c3 = (uint)t;
            t = a0 * b4 + (t >> 32); c4 = (uint)t;
            t = a0 * b5 + (t >> 32); c5 = (uint)t;
            t = a0 * b6 + (t >> 32); c6 = (uint)t;
            t = a0 * b7 + (t >> 32); c7 = (uint)t; c8 = (uint)(t >> 32);
            // row 1: c[1..9] += a1 * b
            t = a1 * b0 + c1; c1 = (uint)t;
            t = a1 * b1 + c2 + (t >> 32); c2 = (uint)t;
            t = a1 * b2 + c3 + (t >> 32); c3 = (uint)t;
            t = a1 * b3 + c4 + (t >> 32); c4 = (uint)t;
            t = a1 * b4 + c5 + (t >> 32); c5 = (uint)t;
            t = a1 * b5 + c6 + (t >> 32); c6 = (uint)t;
            t = a1 * b6 + c7 + (t >> 32); c7 = (uint)t;
            t = a1 * b7 + c8 + (t >> 32); c8 = (uint)t; c9 = (uint)(t >> 32);
            // row 2: c[2..10] += a2 * b
            t = a2 * b0 + c2; c2 = (uint)t;
            t = a2 * b1 + c3 + (t >> 32); c3 = (uint)t;
            t = a2 * b2 + c4 + (t >> 32); c4 = (uint)t;
            t = a2 * b3 + c5 + (t >> 32); c5 = (uint)t;
            t = a2 * b4 + c6 + (t >> 32); c6 = (uint)t;
            t = a2 * b5 + c7 + (t >> 32); c7 = (uint)t;
            t = a2 * b6 + c8 + (t >> 32); c8 = (uint)t;
            t = a2 * b7 + c9 + (t >> 32); c9 = (uint)t; c10 = (uint)(t >> 32);
            // row 3: c[3..11] += a3 * b
            t = a3 * b0 + c3; c3 = (uint)t;
            t = a3 * b1 + c4 + (t >> 32); c4 = (uint)t;
            t = a3 * b2 + c5 + (t >> 32); c5 = (uint)t;
            t = a3 * b3 + c6 + (t >> 32); c6 = (uint)t;
            t = a3 * b4 + c7 + (t >> 32); c7 = (uint)t;
            t = a3 * b5 + c8 + (t >> 32); c8 = (uint)t;
            t = a3 * b6 + c9 + (t >> 32); c9 = (uint)t;
            t = a3 * b7 + c10 + (t >> 32); c10 = (uint)t; c11 = (uint)(t >> 32);
            // row 4: c[4..12] += a4 * b
            t = a4 * b0 + c4; c4 = (uint)t;
            t = a4 * b1 + c5 + (t >> 32); c5 = (uint)t;
            t = a4 * b2 + c6 + (t >> 32); c6 = (uint)t;
            t = a4 * b3 + c7 + (t >> 32); c7 = (uint)t;
            t = a4 * b4 + c8 + (t >> 32); c8 = (uint)t;
            t = a4 * b5 + c9 + (t >> 32); c9 = (uint)t;
            t = a4 * b6 + c10 + (t >> 32); c10 = (uint)t;
            t = a4 * b7 + c11 + (t >> 32); c11 = (uint)t; c12 = (uint)(t >> 32);
            // row 5: c[5..13] += a5 * b
            t = a5 * b0 + c5; c5 = (uint)t;
            t = a5 * b1 + c6 + (t >> 32); c6 = (uint)t;
            t = a5 * b2 + c7 + (t >> 32); c7 = (uint)t;
            t = a5 * b3 + c8 + (t >> 32); c8 = (uint)t;
            t = a5 * b4 + c9 + (t >> 32); c9 = (uint)t;
            t = a5 * b5 + c10 + (t >> 32); c10 = (uint)t;
            t = a5 * b6 + c11 + (t >> 32); c11 = (uint)t;
            t = a5 * b7 + c12 + (t >> 32); c12 = (uint)t; c13 = (uint)(t >> 32);
            // row 6: c[6..14] += a6 * b
            t = a6 * b0 + c6; c6 = (uint)t;
            t = a6 * b1 + c7 + (t >> 32); c7 = (uint)t;
            t = a6 * b2 + c8 + (t >> 32); c8 = (uint)t;
            t = a6 * b3 + c9 + (t >> 32); c9 = (uint)t;
            t = a6 * b4 + c10 + (t >> 32); c10 = (uint)t;
            t = a6 * b5 + c11 + (t >> 32); c11 = (uint)t;
            t = a6 * b6 + c12 + (t >> 32); c12 = (uint)t;
            t = a6 * b7 + c13 + (t >> 32); c13 = (uint)t; c14 = (uint)(t >> 32);
            // row 7: c[7..15] += a7 * b
            t = a7 * b0 + c7; c7 = (uint)t;
            t = a7 * b1 + c8 + (t >> 32); c8 = (uint)t;
            t = a7 * b2 + c9 + (t >> 32); c9 = (uint)t;
            t = a7 * b3 + c10 + (t >> 32); c10 = (uint)t;
            t = a7 * b4 + c11 + (t >> 32); c11 = (uint)t;
            t = a7 * b5 + c12 + (t >> 32); c12 = (uint)t;
            t = a7 * b6 + c13 + (t >> 32); c13 = (uint)t;
            t = a7 * b7 + c14 + (t >> 32); c14 = (uint)t; c15 = (uint)(t >> 32);
            // Montgomery reduction, one 32-bit word per round: add m * n so the low word cancels, carry upwards.
            uint m, ex = 0;
            m = c0 * N0Inv;
            t = (ulong)m * 0xFC632551u + c0;
            t = (ulong)m * 0xF3B9CAC2u + c1 + (t >> 32); c1 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c2 + (t >> 32); c2 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c3 + (t >> 32); c3 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c4 + (t >> 32); c4 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c5 + (t >> 32); c5 = (uint)t;
            t = c6 + (t >> 32); c6 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c7 + (t >> 32); c7 = (uint)t;
            t = (ulong)c8 + ex + (t >> 32); c8 = (uint)t; ex = (uint)(t >> 32);
            m = c1 * N0Inv;
            t = (ulong)m * 0xFC632551u + c1;
            t = (ulong)m * 0xF3B9CAC2u + c2 + (t >> 32); c2 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c3 + (t >> 32); c3 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c4 + (t >> 32); c4 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c5 + (t >> 32); c5 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c6 + (t >> 32); c6 = (uint)t;
            t = c7 + (t >> 32); c7 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c8 + (t >> 32); c8 = (uint)t;
            t = (ulong)c9 + ex + (t >> 32); c9 = (uint)t; ex = (uint)(t >> 32);
            m = c2 * N0Inv;
            t = (ulong)m * 0xFC632551u + c2;
            t = (ulong)m * 0xF3B9CAC2u + c3 + (t >> 32); c3 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c4 + (t >> 32); c4 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c5 + (t >> 32); c5 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c6 + (t >> 32); c6 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c7 + (t >> 32); c7 = (uint)t;
            t = c8 + (t >> 32); c8 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c9 + (t >> 32); c9 = (uint)t;
            t = (ulong)c10 + ex + (t >> 32); c10 = (uint)t; ex = (uint)(t >> 32);
            m = c3 * N0Inv;
            t = (ulong)m * 0xFC632551u + c3;
            t = (ulong)m * 0xF3B9CAC2u + c4 + (t >> 32); c4 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c5 + (t >> 32); c5 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c6 + (t >> 32); c6 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c7 + (t >> 32); c7 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c8 + (t >> 32); c8 = (uint)t;
            t = c9 + (t >> 32); c9 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c10 + (t >> 32); c10 = (uint)t;
            t = (ulong)c11 + ex + (t >> 32); c11 = (uint)t; ex = (uint)(t >> 32);
            m = c4 * N0Inv;
            t = (ulong)m * 0xFC632551u + c4;
            t = (ulong)m * 0xF3B9CAC2u + c5 + (t >> 32); c5 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c6 + (t >> 32); c6 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c7 + (t >> 32); c7 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c8 + (t >> 32); c8 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c9 + (t >> 32); c9 = (uint)t;
            t = c10 + (t >> 32); c10 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c11 + (t >> 32); c11 = (uint)t;
            t = (ulong)c12 + ex + (t >> 32); c12 = (uint)t; ex = (uint)(t >> 32);
            m = c5 * N0Inv;
            t = (ulong)m * 0xFC632551u + c5;
            t = (ulong)m * 0xF3B9CAC2u + c6 + (t >> 32); c6 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c7 + (t >> 32); c7 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c8 + (t >> 32); c8 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c9 + (t >> 32); c9 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c10 + (t >> 32); c10 = (uint)t;
            t = c11 + (t >> 32); c11 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c12 + (t >> 32); c12 = (uint)t;
            t = (ulong)c13 + ex + (t >> 32); c13 = (uint)t; ex = (uint)(t >> 32);
            m = c6 * N0Inv;
            t = (ulong)m * 0xFC632551u + c6;
            t = (ulong)m * 0xF3B9CAC2u + c7 + (t >> 32); c7 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c8 + (t >> 32); c8 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c9 + (t >> 32); c9 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c10 + (t >> 32); c10 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c11 + (t >> 32); c11 = (uint)t;
            t = c12 + (t >> 32); c12 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c13 + (t >> 32); c13 = (uint)t;
            t = (ulong)c14 + ex + (t >> 32); c14 = (uint)t; ex = (uint)(t >> 32);
            m = c7 * N0Inv;
            t = (ulong)m * 0xFC632551u + c7;
            t = (ulong)m * 0xF3B9CAC2u + c8 + (t >> 32); c8 = (uint)t;
            t = (ulong)m * 0xA7179E84u + c9 + (t >> 32); c9 = (uint)t;
            t = (ulong)m * 0xBCE6FAADu + c10 + (t >> 32); c10 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c11 + (t >> 32); c11 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c12 + (t >> 32); c12 = (uint)t;
            t = c13 + (t >> 32); c13 = (uint)t;
            t = (ulong)m * 0xFFFFFFFFu + c14 + (t >> 32); c14 = (uint)t;
            t = (ulong)c15 + ex + (t >> 32); c15 = (uint)t; ex = (uint)(t >> 32);
            // the result (ex, c8..c15) is below 2n: subtract n once unless that borrows
            long acc = (long)c8 - 0xFC632551; uint d0 = (uint)acc; acc >>= 32;
            acc += (long)c9 - 0xF3B9CAC2; uint d1 = (uint)acc; acc >>= 32;
            acc += (long)c10 - 0xA7179E84; uint d2 = (uint)acc; acc >>= 32;
            acc += (long)c11 - 0xBCE6FAAD; uint d3 = (uint)acc; acc >>= 32;
            acc += (long)c12 - 0xFFFFFFFF; uint d4 = (uint)acc; acc >>= 32;
            acc += (long)c13 - 0xFFFFFFFF; uint d5 = (uint)acc; acc >>= 32;
            acc += c14; uint d6 = (uint)acc; acc >>= 32;
            acc += (long)c15 - 0xFFFFFFFF; uint d7 = (uint)acc; acc >>= 32;
            acc += ex;
            uint keep = (uint)acc, take = ~keep;
            w[r] = (c8 & keep) | (d0 & take); w[r + 1] = (c9 & keep) | (d1 & take);
            w[r + 2] = (c10 & keep) | (d2 & take); w[r + 3] = (c11 & keep) | (d3 & take);
            w[r + 4] = (c12 & keep) | (d4 & take); w[r + 5] = (c13 & keep) | (d5 & take);
            w[r + 6] = (c14 & keep) | (d6 & take); w[r + 7] = (c15 & keep) | (d7 & take);
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
            for (int i = 0; i < Words; i++)
            {
                int o = offset + 28 - 4 * i;
                w[r + i] = ((uint)src[o] << 24) | ((uint)src[o + 1] << 16) | ((uint)src[o + 2] << 8) | src[o + 3];
            }
        }

        /// <summary>Writes 32 big-endian bytes.</summary>
        public static void ToBytes(uint[] w, int a, byte[] dst, int offset)
        {
            P256Field.ToBytes(w, a, dst, offset);
        }
    }
}

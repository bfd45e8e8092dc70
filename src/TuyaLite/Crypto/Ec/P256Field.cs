using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// Arithmetic modulo the P-256 prime p = 2^256 - 2^224 + 2^192 + 2^96 - 1, written for an interpreter.
    /// An element is 8 little-endian 32-bit limbs stored at an offset of a uint[] workspace; every routine takes the
    /// workspace and offsets, so one array holds all temporaries of an operation and nothing is allocated here.
    /// Hot routines load their limbs into locals once, compute on locals (64-bit products, no loops) and store once:
    /// on the nanoFramework interpreter an array access costs ~18 ns against ~5 ns for a plain instruction.
    /// Inputs must be fully reduced (in [0, p)) except for Mul/Sqr, which accept any 256-bit values; every output is
    /// fully reduced. Nothing branches on element values: conditional subtractions use masks.
    /// Outputs may alias inputs (all limbs are read before any is written).
    /// </summary>
    internal static class P256Field
    {
        public const int Words = 8;

        /// <summary>Field multiplications and squarings; per thread on .NET (parallel tests), global on the device.</summary>
#if !NANOFRAMEWORK_1_0
        [ThreadStatic]
#endif
        public static long Multiplications;

        /// <summary>p, b of y^2 = x^3 - 3x + b, and the generator G, as little-endian limbs.</summary>
        public static readonly uint[] P = { 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0, 0, 1, 0xFFFFFFFF };
        public static readonly uint[] B = { 0x27D2604B, 0x3BCE3C3E, 0xCC53B0F6, 0x651D06B0, 0x769886BC, 0xB3EBBD55, 0xAA3A93E7, 0x5AC635D8 };
        public static readonly uint[] Gx = { 0xD898C296, 0xF4A13945, 0x2DEB33A0, 0x77037D81, 0x63A440F2, 0xF8BCE6E5, 0xE12C4247, 0x6B17D1F2 };
        public static readonly uint[] Gy = { 0x37BF51F5, 0xCBB64068, 0x6B315ECE, 0x2BCE3357, 0x7C0F9E16, 0x8EE7EB4A, 0xFE1A7F9B, 0x4FE342E2 };

        /// <summary>r = a * b mod p: 64 word products (schoolbook, rows with carries) and the NIST fast reduction.</summary>
        public static void Mul(uint[] w, int r, int a, int b)
        {
            Multiplications++;
            ulong a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], a4 = w[a + 4], a5 = w[a + 5], a6 = w[a + 6], a7 = w[a + 7];
            ulong b0 = w[b], b1 = w[b + 1], b2 = w[b + 2], b3 = w[b + 3], b4 = w[b + 4], b5 = w[b + 5], b6 = w[b + 6], b7 = w[b + 7];
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
            // NIST reduction: c = s1 + 2 s2 + 2 s3 + s4 + s5 - s6 - s7 - s8 - s9 (FIPS 186-4 D.2.3), word by word.
            long acc = (long)c0 + c8 + c9 - c11 - c12 - c13 - c14; uint z0 = (uint)acc; acc >>= 32;
            acc += (long)c1 + c9 + c10 - c12 - c13 - c14 - c15; uint z1 = (uint)acc; acc >>= 32;
            acc += (long)c2 + c10 + c11 - c13 - c14 - c15; uint z2 = (uint)acc; acc >>= 32;
            acc += (long)c3 + 2 * ((long)c11 + c12) + c13 - c15 - c8 - c9; uint z3 = (uint)acc; acc >>= 32;
            acc += (long)c4 + 2 * ((long)c12 + c13) + c14 - c9 - c10; uint z4 = (uint)acc; acc >>= 32;
            acc += (long)c5 + 2 * ((long)c13 + c14) + c15 - c10 - c11; uint z5 = (uint)acc; acc >>= 32;
            acc += (long)c6 + c13 + 3 * (long)c14 + 2 * (long)c15 - c8 - c9; uint z6 = (uint)acc; acc >>= 32;
            acc += (long)c7 + c8 + 3 * (long)c15 - c10 - c11 - c12 - c13; uint z7 = (uint)acc; acc >>= 32;
            // value = z + acc * 2^256 with acc in [-4, 6]; 2^256 = 2^224 - 2^192 - 2^96 + 1 (mod p): fold twice (the
            // second fold sees a carry of -1, 0 or 1 and leaves none), then subtract p once if z >= p.
            long top = acc;
            acc = (long)z0 + top; z0 = (uint)acc; acc >>= 32;
            acc += z1; z1 = (uint)acc; acc >>= 32;
            acc += z2; z2 = (uint)acc; acc >>= 32;
            acc += (long)z3 - top; z3 = (uint)acc; acc >>= 32;
            acc += z4; z4 = (uint)acc; acc >>= 32;
            acc += z5; z5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - top; z6 = (uint)acc; acc >>= 32;
            acc += (long)z7 + top; z7 = (uint)acc; acc >>= 32;
            top = acc;
            acc = (long)z0 + top; z0 = (uint)acc; acc >>= 32;
            acc += z1; z1 = (uint)acc; acc >>= 32;
            acc += z2; z2 = (uint)acc; acc >>= 32;
            acc += (long)z3 - top; z3 = (uint)acc; acc >>= 32;
            acc += z4; z4 = (uint)acc; acc >>= 32;
            acc += z5; z5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - top; z6 = (uint)acc; acc >>= 32;
            acc += (long)z7 + top; z7 = (uint)acc; acc >>= 32;
            acc = (long)z0 - 0xFFFFFFFF; uint d0 = (uint)acc; acc >>= 32;
            acc += (long)z1 - 0xFFFFFFFF; uint d1 = (uint)acc; acc >>= 32;
            acc += (long)z2 - 0xFFFFFFFF; uint d2 = (uint)acc; acc >>= 32;
            acc += z3; uint d3 = (uint)acc; acc >>= 32;
            acc += z4; uint d4 = (uint)acc; acc >>= 32;
            acc += z5; uint d5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - 1; uint d6 = (uint)acc; acc >>= 32;
            acc += (long)z7 - 0xFFFFFFFF; uint d7 = (uint)acc; acc >>= 32;
            uint keep = (uint)acc; // all ones when z < p (the subtraction borrowed)
            uint take = ~keep;
            w[r] = (z0 & keep) | (d0 & take); w[r + 1] = (z1 & keep) | (d1 & take);
            w[r + 2] = (z2 & keep) | (d2 & take); w[r + 3] = (z3 & keep) | (d3 & take);
            w[r + 4] = (z4 & keep) | (d4 & take); w[r + 5] = (z5 & keep) | (d5 & take);
            w[r + 6] = (z6 & keep) | (d6 & take); w[r + 7] = (z7 & keep) | (d7 & take);
        }

        /// <summary>r = a^2 mod p: 28 cross products doubled plus 8 squares (36 word products instead of 64).</summary>
        public static void Sqr(uint[] w, int r, int a)
        {
            Multiplications++;
            ulong a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], a4 = w[a + 4], a5 = w[a + 5], a6 = w[a + 6], a7 = w[a + 7];
            ulong t;
            uint c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15;
            // off-diagonal products a_i * a_j (i < j), once
            t = a0 * a1; c1 = (uint)t;
            t = a0 * a2 + (t >> 32); c2 = (uint)t;
            t = a0 * a3 + (t >> 32); c3 = (uint)t;
            t = a0 * a4 + (t >> 32); c4 = (uint)t;
            t = a0 * a5 + (t >> 32); c5 = (uint)t;
            t = a0 * a6 + (t >> 32); c6 = (uint)t;
            t = a0 * a7 + (t >> 32); c7 = (uint)t; c8 = (uint)(t >> 32);
            t = a1 * a2 + c3; c3 = (uint)t;
            t = a1 * a3 + c4 + (t >> 32); c4 = (uint)t;
            t = a1 * a4 + c5 + (t >> 32); c5 = (uint)t;
            t = a1 * a5 + c6 + (t >> 32); c6 = (uint)t;
            t = a1 * a6 + c7 + (t >> 32); c7 = (uint)t;
            t = a1 * a7 + c8 + (t >> 32); c8 = (uint)t; c9 = (uint)(t >> 32);
            t = a2 * a3 + c5; c5 = (uint)t;
            t = a2 * a4 + c6 + (t >> 32); c6 = (uint)t;
            t = a2 * a5 + c7 + (t >> 32); c7 = (uint)t;
            t = a2 * a6 + c8 + (t >> 32); c8 = (uint)t;
            t = a2 * a7 + c9 + (t >> 32); c9 = (uint)t; c10 = (uint)(t >> 32);
            t = a3 * a4 + c7; c7 = (uint)t;
            t = a3 * a5 + c8 + (t >> 32); c8 = (uint)t;
            t = a3 * a6 + c9 + (t >> 32); c9 = (uint)t;
            t = a3 * a7 + c10 + (t >> 32); c10 = (uint)t; c11 = (uint)(t >> 32);
            t = a4 * a5 + c9; c9 = (uint)t;
            t = a4 * a6 + c10 + (t >> 32); c10 = (uint)t;
            t = a4 * a7 + c11 + (t >> 32); c11 = (uint)t; c12 = (uint)(t >> 32);
            t = a5 * a6 + c11; c11 = (uint)t;
            t = a5 * a7 + c12 + (t >> 32); c12 = (uint)t; c13 = (uint)(t >> 32);
            t = a6 * a7 + c13; c13 = (uint)t; c14 = (uint)(t >> 32);
            // double them (c0 = 0, c15 takes the top bit)
            c15 = c14 >> 31;
            c14 = (c14 << 1) | (c13 >> 31);
            c13 = (c13 << 1) | (c12 >> 31);
            c12 = (c12 << 1) | (c11 >> 31);
            c11 = (c11 << 1) | (c10 >> 31);
            c10 = (c10 << 1) | (c9 >> 31);
            c9 = (c9 << 1) | (c8 >> 31);
            c8 = (c8 << 1) | (c7 >> 31);
            c7 = (c7 << 1) | (c6 >> 31);
            c6 = (c6 << 1) | (c5 >> 31);
            c5 = (c5 << 1) | (c4 >> 31);
            c4 = (c4 << 1) | (c3 >> 31);
            c3 = (c3 << 1) | (c2 >> 31);
            c2 = (c2 << 1) | (c1 >> 31);
            c1 <<= 1;
            // add the squares a_i^2 at c[2i], c[2i+1]
            t = a0 * a0; c0 = (uint)t;
            t = c1 + (t >> 32); c1 = (uint)t;
            t = a1 * a1 + c2 + (t >> 32); c2 = (uint)t;
            t = c3 + (t >> 32); c3 = (uint)t;
            t = a2 * a2 + c4 + (t >> 32); c4 = (uint)t;
            t = c5 + (t >> 32); c5 = (uint)t;
            t = a3 * a3 + c6 + (t >> 32); c6 = (uint)t;
            t = c7 + (t >> 32); c7 = (uint)t;
            t = a4 * a4 + c8 + (t >> 32); c8 = (uint)t;
            t = c9 + (t >> 32); c9 = (uint)t;
            t = a5 * a5 + c10 + (t >> 32); c10 = (uint)t;
            t = c11 + (t >> 32); c11 = (uint)t;
            t = a6 * a6 + c12 + (t >> 32); c12 = (uint)t;
            t = c13 + (t >> 32); c13 = (uint)t;
            t = a7 * a7 + c14 + (t >> 32); c14 = (uint)t;
            t = c15 + (t >> 32); c15 = (uint)t;
            // NIST reduction: c = s1 + 2 s2 + 2 s3 + s4 + s5 - s6 - s7 - s8 - s9 (FIPS 186-4 D.2.3), word by word.
            long acc = (long)c0 + c8 + c9 - c11 - c12 - c13 - c14; uint z0 = (uint)acc; acc >>= 32;
            acc += (long)c1 + c9 + c10 - c12 - c13 - c14 - c15; uint z1 = (uint)acc; acc >>= 32;
            acc += (long)c2 + c10 + c11 - c13 - c14 - c15; uint z2 = (uint)acc; acc >>= 32;
            acc += (long)c3 + 2 * ((long)c11 + c12) + c13 - c15 - c8 - c9; uint z3 = (uint)acc; acc >>= 32;
            acc += (long)c4 + 2 * ((long)c12 + c13) + c14 - c9 - c10; uint z4 = (uint)acc; acc >>= 32;
            acc += (long)c5 + 2 * ((long)c13 + c14) + c15 - c10 - c11; uint z5 = (uint)acc; acc >>= 32;
            acc += (long)c6 + c13 + 3 * (long)c14 + 2 * (long)c15 - c8 - c9; uint z6 = (uint)acc; acc >>= 32;
            acc += (long)c7 + c8 + 3 * (long)c15 - c10 - c11 - c12 - c13; uint z7 = (uint)acc; acc >>= 32;
            // value = z + acc * 2^256 with acc in [-4, 6]; 2^256 = 2^224 - 2^192 - 2^96 + 1 (mod p): fold twice (the
            // second fold sees a carry of -1, 0 or 1 and leaves none), then subtract p once if z >= p.
            long top = acc;
            acc = (long)z0 + top; z0 = (uint)acc; acc >>= 32;
            acc += z1; z1 = (uint)acc; acc >>= 32;
            acc += z2; z2 = (uint)acc; acc >>= 32;
            acc += (long)z3 - top; z3 = (uint)acc; acc >>= 32;
            acc += z4; z4 = (uint)acc; acc >>= 32;
            acc += z5; z5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - top; z6 = (uint)acc; acc >>= 32;
            acc += (long)z7 + top; z7 = (uint)acc; acc >>= 32;
            top = acc;
            acc = (long)z0 + top; z0 = (uint)acc; acc >>= 32;
            acc += z1; z1 = (uint)acc; acc >>= 32;
            acc += z2; z2 = (uint)acc; acc >>= 32;
            acc += (long)z3 - top; z3 = (uint)acc; acc >>= 32;
            acc += z4; z4 = (uint)acc; acc >>= 32;
            acc += z5; z5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - top; z6 = (uint)acc; acc >>= 32;
            acc += (long)z7 + top; z7 = (uint)acc; acc >>= 32;
            acc = (long)z0 - 0xFFFFFFFF; uint d0 = (uint)acc; acc >>= 32;
            acc += (long)z1 - 0xFFFFFFFF; uint d1 = (uint)acc; acc >>= 32;
            acc += (long)z2 - 0xFFFFFFFF; uint d2 = (uint)acc; acc >>= 32;
            acc += z3; uint d3 = (uint)acc; acc >>= 32;
            acc += z4; uint d4 = (uint)acc; acc >>= 32;
            acc += z5; uint d5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - 1; uint d6 = (uint)acc; acc >>= 32;
            acc += (long)z7 - 0xFFFFFFFF; uint d7 = (uint)acc; acc >>= 32;
            uint keep = (uint)acc; // all ones when z < p (the subtraction borrowed)
            uint take = ~keep;
            w[r] = (z0 & keep) | (d0 & take); w[r + 1] = (z1 & keep) | (d1 & take);
            w[r + 2] = (z2 & keep) | (d2 & take); w[r + 3] = (z3 & keep) | (d3 & take);
            w[r + 4] = (z4 & keep) | (d4 & take); w[r + 5] = (z5 & keep) | (d5 & take);
            w[r + 6] = (z6 & keep) | (d6 & take); w[r + 7] = (z7 & keep) | (d7 & take);
        }

        /// <summary>r = a^(2^n): n successive squarings.</summary>
        public static void SqrTimes(uint[] w, int r, int a, int n)
        {
            Sqr(w, r, a);
            for (int i = 1; i < n; i++) Sqr(w, r, r);
        }

        /// <summary>r = a * k mod p for a small public constant k in [0, 8] (doubling formulas); not counted.</summary>
        public static void MulSmall(uint[] w, int r, int a, uint k)
        {
            ulong t = (ulong)w[a] * k; uint z0 = (uint)t;
            t = (ulong)w[a + 1] * k + (t >> 32); uint z1 = (uint)t;
            t = (ulong)w[a + 2] * k + (t >> 32); uint z2 = (uint)t;
            t = (ulong)w[a + 3] * k + (t >> 32); uint z3 = (uint)t;
            t = (ulong)w[a + 4] * k + (t >> 32); uint z4 = (uint)t;
            t = (ulong)w[a + 5] * k + (t >> 32); uint z5 = (uint)t;
            t = (ulong)w[a + 6] * k + (t >> 32); uint z6 = (uint)t;
            t = (ulong)w[a + 7] * k + (t >> 32); uint z7 = (uint)t;
            // value = z + top * 2^256 with top in [0, 7]: the same two folds and final subtraction as Mul.
            long top = (long)(t >> 32);
            long acc;
            acc = (long)z0 + top; z0 = (uint)acc; acc >>= 32;
            acc += z1; z1 = (uint)acc; acc >>= 32;
            acc += z2; z2 = (uint)acc; acc >>= 32;
            acc += (long)z3 - top; z3 = (uint)acc; acc >>= 32;
            acc += z4; z4 = (uint)acc; acc >>= 32;
            acc += z5; z5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - top; z6 = (uint)acc; acc >>= 32;
            acc += (long)z7 + top; z7 = (uint)acc; acc >>= 32;
            top = acc;
            acc = (long)z0 + top; z0 = (uint)acc; acc >>= 32;
            acc += z1; z1 = (uint)acc; acc >>= 32;
            acc += z2; z2 = (uint)acc; acc >>= 32;
            acc += (long)z3 - top; z3 = (uint)acc; acc >>= 32;
            acc += z4; z4 = (uint)acc; acc >>= 32;
            acc += z5; z5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - top; z6 = (uint)acc; acc >>= 32;
            acc += (long)z7 + top; z7 = (uint)acc; acc >>= 32;
            acc = (long)z0 - 0xFFFFFFFF; uint d0 = (uint)acc; acc >>= 32;
            acc += (long)z1 - 0xFFFFFFFF; uint d1 = (uint)acc; acc >>= 32;
            acc += (long)z2 - 0xFFFFFFFF; uint d2 = (uint)acc; acc >>= 32;
            acc += z3; uint d3 = (uint)acc; acc >>= 32;
            acc += z4; uint d4 = (uint)acc; acc >>= 32;
            acc += z5; uint d5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - 1; uint d6 = (uint)acc; acc >>= 32;
            acc += (long)z7 - 0xFFFFFFFF; uint d7 = (uint)acc; acc >>= 32;
            uint keep = (uint)acc; // all ones when z < p (the subtraction borrowed)
            uint take = ~keep;
            w[r] = (z0 & keep) | (d0 & take); w[r + 1] = (z1 & keep) | (d1 & take);
            w[r + 2] = (z2 & keep) | (d2 & take); w[r + 3] = (z3 & keep) | (d3 & take);
            w[r + 4] = (z4 & keep) | (d4 & take); w[r + 5] = (z5 & keep) | (d5 & take);
            w[r + 6] = (z6 & keep) | (d6 & take); w[r + 7] = (z7 & keep) | (d7 & take);
        }

        /// <summary>r = a + b mod p.</summary>
        public static void Add(uint[] w, int r, int a, int b)
        {
            ulong t = (ulong)w[a] + w[b]; uint z0 = (uint)t;
            t = (ulong)w[a + 1] + w[b + 1] + (t >> 32); uint z1 = (uint)t;
            t = (ulong)w[a + 2] + w[b + 2] + (t >> 32); uint z2 = (uint)t;
            t = (ulong)w[a + 3] + w[b + 3] + (t >> 32); uint z3 = (uint)t;
            t = (ulong)w[a + 4] + w[b + 4] + (t >> 32); uint z4 = (uint)t;
            t = (ulong)w[a + 5] + w[b + 5] + (t >> 32); uint z5 = (uint)t;
            t = (ulong)w[a + 6] + w[b + 6] + (t >> 32); uint z6 = (uint)t;
            t = (ulong)w[a + 7] + w[b + 7] + (t >> 32); uint z7 = (uint)t;
            // subtract p; keep the sum only when the 257-bit sum (carry, z) is below p
            uint carry = (uint)(t >> 32);
            long acc;
            acc = (long)z0 - 0xFFFFFFFF; uint d0 = (uint)acc; acc >>= 32;
            acc += (long)z1 - 0xFFFFFFFF; uint d1 = (uint)acc; acc >>= 32;
            acc += (long)z2 - 0xFFFFFFFF; uint d2 = (uint)acc; acc >>= 32;
            acc += z3; uint d3 = (uint)acc; acc >>= 32;
            acc += z4; uint d4 = (uint)acc; acc >>= 32;
            acc += z5; uint d5 = (uint)acc; acc >>= 32;
            acc += (long)z6 - 1; uint d6 = (uint)acc; acc >>= 32;
            acc += (long)z7 - 0xFFFFFFFF; uint d7 = (uint)acc; acc >>= 32;
            acc += carry;
            uint keep = (uint)acc; // all ones when z < p (the subtraction borrowed)
            uint take = ~keep;
            w[r] = (z0 & keep) | (d0 & take); w[r + 1] = (z1 & keep) | (d1 & take);
            w[r + 2] = (z2 & keep) | (d2 & take); w[r + 3] = (z3 & keep) | (d3 & take);
            w[r + 4] = (z4 & keep) | (d4 & take); w[r + 5] = (z5 & keep) | (d5 & take);
            w[r + 6] = (z6 & keep) | (d6 & take); w[r + 7] = (z7 & keep) | (d7 & take);
        }

        /// <summary>r = a - b mod p.</summary>
        public static void Sub(uint[] w, int r, int a, int b)
        {
            long acc = (long)w[a] - w[b]; uint z0 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 1] - w[b + 1]; uint z1 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 2] - w[b + 2]; uint z2 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 3] - w[b + 3]; uint z3 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 4] - w[b + 4]; uint z4 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 5] - w[b + 5]; uint z5 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 6] - w[b + 6]; uint z6 = (uint)acc; acc >>= 32;
            acc += (long)w[a + 7] - w[b + 7]; uint z7 = (uint)acc; acc >>= 32;
            // on a borrow (a < b) add p back, selected by mask
            uint m = (uint)acc;
            ulong t = (ulong)z0 + m; w[r] = (uint)t;
            t = (ulong)z1 + m + (t >> 32); w[r + 1] = (uint)t;
            t = (ulong)z2 + m + (t >> 32); w[r + 2] = (uint)t;
            t = (ulong)z3 + (t >> 32); w[r + 3] = (uint)t;
            t = (ulong)z4 + (t >> 32); w[r + 4] = (uint)t;
            t = (ulong)z5 + (t >> 32); w[r + 5] = (uint)t;
            t = (ulong)z6 + (m & 1) + (t >> 32); w[r + 6] = (uint)t;
            t = (ulong)z7 + m + (t >> 32); w[r + 7] = (uint)t;
        }

        /// <summary>r = -a mod p (0 stays 0).</summary>
        public static void Neg(uint[] w, int r, int a)
        {
            uint a0 = w[a], a1 = w[a + 1], a2 = w[a + 2], a3 = w[a + 3], a4 = w[a + 4], a5 = w[a + 5], a6 = w[a + 6], a7 = w[a + 7];
            uint nonZero = ~ZeroMask(a0 | a1 | a2 | a3 | a4 | a5 | a6 | a7);
            long acc = 0xFFFFFFFFL - a0; w[r] = (uint)acc & nonZero; acc >>= 32;
            acc += 0xFFFFFFFFL - a1; w[r + 1] = (uint)acc & nonZero; acc >>= 32;
            acc += 0xFFFFFFFFL - a2; w[r + 2] = (uint)acc & nonZero; acc >>= 32;
            acc -= a3; w[r + 3] = (uint)acc & nonZero; acc >>= 32;
            acc -= a4; w[r + 4] = (uint)acc & nonZero; acc >>= 32;
            acc -= a5; w[r + 5] = (uint)acc & nonZero; acc >>= 32;
            acc += 1L - a6; w[r + 6] = (uint)acc & nonZero; acc >>= 32;
            acc += 0xFFFFFFFFL - a7; w[r + 7] = (uint)acc & nonZero;
        }

        /// <summary>All ones when v == 0, else 0, without a branch.</summary>
        public static uint ZeroMask(uint v)
        {
            // Unsigned operations only: the nanoFramework interpreter shifts a value that came from (long)uint on the
            // evaluation stack logically even under the signed 'shr' opcode, so ((long)v - 1) >> 63 yields 1, not -1.
            uint nonZeroBit = (v | (0u - v)) >> 31;   // 1 when v != 0
            return nonZeroBit - 1;                    // 0 when v != 0, all ones when v == 0
        }

        /// <summary>All ones when the element at a is zero, else 0 (elements are fully reduced, so 0 has one form).</summary>
        public static uint IsZero(uint[] w, int a)
        {
            return ZeroMask(w[a] | w[a + 1] | w[a + 2] | w[a + 3] | w[a + 4] | w[a + 5] | w[a + 6] | w[a + 7]);
        }

        /// <summary>All ones when the elements at a and b are equal, else 0.</summary>
        public static uint IsEqual(uint[] w, int a, int b)
        {
            return ZeroMask((w[a] ^ w[b]) | (w[a + 1] ^ w[b + 1]) | (w[a + 2] ^ w[b + 2]) | (w[a + 3] ^ w[b + 3])
                | (w[a + 4] ^ w[b + 4]) | (w[a + 5] ^ w[b + 5]) | (w[a + 6] ^ w[b + 6]) | (w[a + 7] ^ w[b + 7]));
        }

        /// <summary>r = a where mask is all ones; r unchanged where mask is 0 (constant time).</summary>
        public static void Select(uint[] w, int r, int a, uint mask)
        {
            w[r] ^= (w[r] ^ w[a]) & mask; w[r + 1] ^= (w[r + 1] ^ w[a + 1]) & mask;
            w[r + 2] ^= (w[r + 2] ^ w[a + 2]) & mask; w[r + 3] ^= (w[r + 3] ^ w[a + 3]) & mask;
            w[r + 4] ^= (w[r + 4] ^ w[a + 4]) & mask; w[r + 5] ^= (w[r + 5] ^ w[a + 5]) & mask;
            w[r + 6] ^= (w[r + 6] ^ w[a + 6]) & mask; w[r + 7] ^= (w[r + 7] ^ w[a + 7]) & mask;
        }

        /// <summary>r = 1 where mask is all ones; unchanged elsewhere (constant time).</summary>
        public static void SelectOne(uint[] w, int r, uint mask)
        {
            w[r] = (w[r] & ~mask) | (1 & mask);
            uint keep = ~mask;
            w[r + 1] &= keep; w[r + 2] &= keep; w[r + 3] &= keep; w[r + 4] &= keep;
            w[r + 5] &= keep; w[r + 6] &= keep; w[r + 7] &= keep;
        }

        public static void Copy(uint[] w, int r, int a)
        {
            Array.Copy(w, a, w, r, Words);
        }

        public static void SetOne(uint[] w, int r)
        {
            Array.Clear(w, r, Words);
            w[r] = 1;
        }

        /// <summary>Copies a constant (P256Field.B, Gx, Gy) into the workspace.</summary>
        public static void Load(uint[] w, int r, uint[] constant)
        {
            Array.Copy(constant, 0, w, r, Words);
        }

        /// <summary>Scratch words Invert needs at its scratch offset: 7 elements.</summary>
        public const int InvertScratchWords = 7 * Words;

        /// <summary>
        /// r = a^-1 = a^(p-2) mod p (Fermat; 0 maps to 0) by a fixed addition chain: 255 squarings, 12 multiplications.
        /// The exponent is public, so the sequence of operations never depends on a. Uses 7 elements at s; r may alias
        /// a, neither may overlap the scratch.
        /// </summary>
        public static void Invert(uint[] w, int r, int a, int s)
        {
            int x2 = s, x3 = s + 8, x6 = s + 16, x15 = s + 24, x30 = s + 32, x32 = s + 40, acc = s + 48;
            Sqr(w, x2, a); Mul(w, x2, x2, a);                    // a^(2^2 - 1)
            Sqr(w, x3, x2); Mul(w, x3, x3, a);                   // a^(2^3 - 1)
            SqrTimes(w, x6, x3, 3); Mul(w, x6, x6, x3);          // a^(2^6 - 1)
            SqrTimes(w, x15, x6, 6); Mul(w, x15, x15, x6);       // a^(2^12 - 1)
            SqrTimes(w, x15, x15, 3); Mul(w, x15, x15, x3);      // a^(2^15 - 1)
            SqrTimes(w, x30, x15, 15); Mul(w, x30, x30, x15);    // a^(2^30 - 1)
            SqrTimes(w, x32, x30, 2); Mul(w, x32, x32, x2);      // a^(2^32 - 1)
            // p - 2 = ffffffff 00000001 00000000 00000000 00000000 ffffffff ffffffff fffffffd
            SqrTimes(w, acc, x32, 32); Mul(w, acc, acc, a);      // ffffffff 00000001
            SqrTimes(w, acc, acc, 128); Mul(w, acc, acc, x32);   // ... 00000000 x 3, ffffffff
            SqrTimes(w, acc, acc, 32); Mul(w, acc, acc, x32);    // ffffffff
            SqrTimes(w, acc, acc, 30); Mul(w, acc, acc, x30);    // 30 ones
            SqrTimes(w, acc, acc, 2); Mul(w, r, acc, a);         // 01
        }

        /// <summary>Reads a 32-byte big-endian value; returns false (leaving r written) when it is not below p.</summary>
        public static bool FromBytes(uint[] w, int r, byte[] src, int offset)
        {
            Load(w, r, src, offset);
            long acc = 0;
            for (int i = 0; i < Words; i++)
            {
                acc += (long)w[r + i] - P[i];
                acc >>= 32;
            }
            return acc != 0; // borrow: the value is below p
        }

        /// <summary>Reads any 256-bit value from 32 big-endian bytes into little-endian words (also P256Scalar's reader).</summary>
        public static void Load(uint[] w, int r, byte[] src, int offset)
        {
            for (int i = 0; i < Words; i++)
            {
                int o = offset + 28 - 4 * i;
                w[r + i] = ((uint)src[o] << 24) | ((uint)src[o + 1] << 16) | ((uint)src[o + 2] << 8) | src[o + 3];
            }
        }

        /// <summary>Writes the element as 32 big-endian bytes.</summary>
        public static void ToBytes(uint[] w, int a, byte[] dst, int offset)
        {
            for (int i = 0; i < Words; i++)
            {
                uint v = w[a + i];
                int o = offset + 28 - 4 * i;
                dst[o] = (byte)(v >> 24); dst[o + 1] = (byte)(v >> 16); dst[o + 2] = (byte)(v >> 8); dst[o + 3] = (byte)v;
            }
        }
    }
}

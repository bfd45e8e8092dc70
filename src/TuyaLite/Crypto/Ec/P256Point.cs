using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// P-256 point formulas in Jacobian coordinates (X, Y, Z) = affine (X/Z^2, Y/Z^3); Z = 0 is the point at infinity.
    /// A Jacobian point is 24 words (X, Y, Z) and an affine point 16 words (X, Y) at offsets of the operation's
    /// workspace; words [0, ReservedWords) of every workspace belong to these formulas (field scratch S0..S7 and two
    /// temporary points for the complete additions), so callers place their points after it.
    /// Counts (M = multiplication, S = squaring): Double 4M+4S, Add 12M+4S, AddMixed 8M+3S, ZAddU 5M+2S.
    /// The plain additions are not complete (P = Q and P or Q = infinity give wrong results): callers either prove
    /// those cases impossible, use the *Complete forms (constant time, masks), or the *Vartime forms (public data).
    /// </summary>
    internal static class P256Point
    {
        public const int JacobianWords = 24;
        public const int AffineWords = 16;
        private const int S0 = 0, S1 = 8, S2 = 16, S3 = 24, S4 = 32, S5 = 40, S6 = 48, S7 = 56;
        private const int TempA = 64, TempD = TempA + JacobianWords;
        public const int ReservedWords = TempD + JacobianWords;

        /// <summary>r = 2p (dbl-2001-b with a = -3, Z3 = 2YZ). Exact for every input: 2 * infinity = infinity.</summary>
        public static void Double(uint[] w, int r, int p)
        {
            int x = p, y = p + 8, z = p + 16;
            P256Field.Sqr(w, S0, z);                                    // delta = Z^2
            P256Field.Sqr(w, S1, y);                                    // gamma = Y^2
            P256Field.Mul(w, S2, x, S1);                                // beta = X gamma
            P256Field.Sub(w, S3, x, S0);
            P256Field.Add(w, S4, x, S0);
            P256Field.Mul(w, S3, S3, S4);
            P256Field.MulSmall(w, S3, S3, 3);                           // alpha = 3 (X - delta)(X + delta)
            P256Field.Mul(w, S4, y, z);
            P256Field.Add(w, S4, S4, S4);                               // Z3 = 2 Y Z
            P256Field.Sqr(w, S5, S3);
            P256Field.MulSmall(w, S6, S2, 8);
            P256Field.Sub(w, S5, S5, S6);                               // X3 = alpha^2 - 8 beta
            P256Field.MulSmall(w, S2, S2, 4);
            P256Field.Sub(w, S2, S2, S5);
            P256Field.Mul(w, S2, S3, S2);                               // alpha (4 beta - X3)
            P256Field.Sqr(w, S1, S1);
            P256Field.MulSmall(w, S1, S1, 8);
            P256Field.Sub(w, r + 8, S2, S1);                            // Y3 = alpha (4 beta - X3) - 8 gamma^2
            P256Field.Copy(w, r, S5);
            P256Field.Copy(w, r + 16, S4);
        }

        /// <summary>
        /// r = p + q, both Jacobian (add-1998-cmo-2). Not complete: wrong when p == q or either is infinity; p == -q
        /// gives infinity correctly. Leaves H in S3 and R in S5 for AddComplete. r may alias p or q.
        /// </summary>
        public static void Add(uint[] w, int r, int p, int q)
        {
            int x1 = p, y1 = p + 8, z1 = p + 16, x2 = q, y2 = q + 8, z2 = q + 16;
            P256Field.Sqr(w, S0, z1);                                   // Z1^2
            P256Field.Sqr(w, S1, z2);                                   // Z2^2
            P256Field.Mul(w, S2, x1, S1);                               // U1 = X1 Z2^2
            P256Field.Mul(w, S3, x2, S0);                               // U2 = X2 Z1^2
            P256Field.Mul(w, S4, y1, z2);
            P256Field.Mul(w, S4, S4, S1);                               // S1 = Y1 Z2^3
            P256Field.Mul(w, S5, y2, z1);
            P256Field.Mul(w, S5, S5, S0);                               // S2 = Y2 Z1^3
            P256Field.Sub(w, S3, S3, S2);                               // H = U2 - U1
            P256Field.Sub(w, S5, S5, S4);                               // R = S2 - S1
            P256Field.Mul(w, S6, z1, z2);
            P256Field.Mul(w, S6, S6, S3);                               // Z3 = Z1 Z2 H
            P256Field.Sqr(w, S0, S3);                                   // H^2
            P256Field.Mul(w, S1, S3, S0);                               // H^3
            P256Field.Mul(w, S2, S2, S0);                               // V = U1 H^2
            P256Field.Sqr(w, S7, S5);
            P256Field.Sub(w, S7, S7, S1);
            P256Field.Add(w, S0, S2, S2);
            P256Field.Sub(w, S7, S7, S0);                               // X3 = R^2 - H^3 - 2V
            P256Field.Sub(w, S2, S2, S7);
            P256Field.Mul(w, S2, S5, S2);                               // R (V - X3)
            P256Field.Mul(w, S4, S4, S1);                               // S1 H^3
            P256Field.Sub(w, r + 8, S2, S4);                            // Y3
            P256Field.Copy(w, r, S7);
            P256Field.Copy(w, r + 16, S6);
        }

        /// <summary>
        /// r = p + q with q affine (madd-2004-hmv). Not complete: wrong when p == q or p is infinity; p == -q gives
        /// infinity correctly. Leaves H in S2 and R in S1 for AddMixedComplete. r may alias p, not q.
        /// </summary>
        public static void AddMixed(uint[] w, int r, int p, int q)
        {
            int x1 = p, y1 = p + 8, z1 = p + 16, x2 = q, y2 = q + 8;
            P256Field.Sqr(w, S0, z1);                                   // Z1^2
            P256Field.Mul(w, S1, z1, S0);                               // Z1^3
            P256Field.Mul(w, S2, x2, S0);                               // U2 = X2 Z1^2
            P256Field.Mul(w, S1, y2, S1);                               // S2 = Y2 Z1^3
            P256Field.Sub(w, S2, S2, x1);                               // H = U2 - X1
            P256Field.Sub(w, S1, S1, y1);                               // R = S2 - Y1
            P256Field.Mul(w, S6, z1, S2);                               // Z3 = Z1 H
            P256Field.Sqr(w, S0, S2);                                   // H^2
            P256Field.Mul(w, S3, S2, S0);                               // H^3
            P256Field.Mul(w, S4, x1, S0);                               // V = X1 H^2
            P256Field.Sqr(w, S7, S1);
            P256Field.Sub(w, S7, S7, S3);
            P256Field.Add(w, S0, S4, S4);
            P256Field.Sub(w, S7, S7, S0);                               // X3 = R^2 - H^3 - 2V
            P256Field.Sub(w, S4, S4, S7);
            P256Field.Mul(w, S4, S1, S4);                               // R (V - X3)
            P256Field.Mul(w, S5, y1, S3);                               // Y1 H^3
            P256Field.Sub(w, r + 8, S4, S5);                            // Y3
            P256Field.Copy(w, r, S7);
            P256Field.Copy(w, r + 16, S6);
        }

        /// <summary>
        /// r = p + q, Jacobian, complete and constant time: also right when p == q (doubling), p == -q, and p or q is
        /// infinity. Costs an Add and a Double (28 multiplications) plus masked selections. r may alias p or q.
        /// </summary>
        public static void AddComplete(uint[] w, int r, int p, int q)
        {
            Add(w, TempA, p, q);
            uint same = P256Field.IsZero(w, S3) & P256Field.IsZero(w, S5);  // H = 0 and R = 0: p == q
            uint pInf = P256Field.IsZero(w, p + 16), qInf = P256Field.IsZero(w, q + 16);
            Double(w, TempD, p);
            SelectPoint(w, TempA, TempD, same & ~pInf & ~qInf);
            SelectPoint(w, TempA, q, pInf);
            SelectPoint(w, TempA, p, qInf & ~pInf);
            Array.Copy(w, TempA, w, r, JacobianWords);
        }

        /// <summary>
        /// r = p + q with q affine, complete and constant time (p == q, p == -q, p = infinity). 19 multiplications.
        /// r may alias p, not q.
        /// </summary>
        public static void AddMixedComplete(uint[] w, int r, int p, int q)
        {
            AddMixed(w, TempA, p, q);
            uint same = P256Field.IsZero(w, S2) & P256Field.IsZero(w, S1);
            uint pInf = P256Field.IsZero(w, p + 16);
            Double(w, TempD, p);
            SelectPoint(w, TempA, TempD, same & ~pInf);
            P256Field.Select(w, TempA, q, pInf);
            P256Field.Select(w, TempA + 8, q + 8, pInf);
            P256Field.SelectOne(w, TempA + 16, pInf);
            Array.Copy(w, TempA, w, r, JacobianWords);
        }

        /// <summary>r = p + q, Jacobian, every case handled with branches: VARIABLE TIME, public points only.</summary>
        public static void AddVartime(uint[] w, int r, int p, int q)
        {
            if (P256Field.IsZero(w, p + 16) != 0) { Array.Copy(w, q, w, r, JacobianWords); return; }
            if (P256Field.IsZero(w, q + 16) != 0) { Array.Copy(w, p, w, r, JacobianWords); return; }
            Add(w, TempA, p, q);
            if (P256Field.IsZero(w, S3) != 0 && P256Field.IsZero(w, S5) != 0) Double(w, r, p);
            else Array.Copy(w, TempA, w, r, JacobianWords);             // includes p == -q: Z3 = 0
        }

        /// <summary>r = p + q with q affine, every case handled with branches: VARIABLE TIME, public points only.</summary>
        public static void AddMixedVartime(uint[] w, int r, int p, int q)
        {
            if (P256Field.IsZero(w, p + 16) != 0) { FromAffine(w, r, q); return; }
            AddMixed(w, TempA, p, q);
            if (P256Field.IsZero(w, S2) != 0 && P256Field.IsZero(w, S1) != 0) Double(w, r, p);
            else Array.Copy(w, TempA, w, r, JacobianWords);
        }

        /// <summary>
        /// Co-Z addition (Meloni's ZADDU): p and q share their Z. Writes r = p + q and rewrites p as the same point with
        /// r's Z, so p can be added again to r at the same cost: 5M + 2S. Not complete (p == +-q). r must differ from
        /// p and q.
        /// </summary>
        public static void ZAddU(uint[] w, int r, int p, int q)
        {
            int x1 = p, y1 = p + 8, z = p + 16, x2 = q, y2 = q + 8;
            P256Field.Sub(w, S0, x2, x1);                               // X2 - X1
            P256Field.Sqr(w, S1, S0);                                   // A = (X2 - X1)^2
            P256Field.Mul(w, S2, x1, S1);                               // B = X1 A
            P256Field.Mul(w, S3, x2, S1);                               // C = X2 A
            P256Field.Sub(w, S4, y2, y1);                               // Y2 - Y1
            P256Field.Sqr(w, S5, S4);                                   // D = (Y2 - Y1)^2
            P256Field.Sub(w, S6, S3, S2);
            P256Field.Mul(w, S6, y1, S6);                               // E = Y1 (C - B)
            P256Field.Mul(w, r + 16, z, S0);                            // Z3 = Z (X2 - X1)
            P256Field.Sub(w, S5, S5, S2);
            P256Field.Sub(w, r, S5, S3);                                // X3 = D - B - C
            P256Field.Sub(w, S7, S2, r);
            P256Field.Mul(w, S7, S4, S7);
            P256Field.Sub(w, r + 8, S7, S6);                            // Y3 = (Y2 - Y1)(B - X3) - E
            P256Field.Copy(w, x1, S2);                                  // p = (B, E, Z3): the same point
            P256Field.Copy(w, y1, S6);
            P256Field.Copy(w, z, r + 16);
        }

        /// <summary>
        /// Writes P, 3P, 5P, ..., (2 count - 1)P as Jacobian points at table (count >= 2), from the affine P at a, with
        /// co-Z additions: 1 Double, 4 multiplications to give P the Z of 2P, then one ZAddU per entry. d is a
        /// scratch Jacobian point (it ends as 2P). No exceptional case: jP = +-2P never holds for odd j below n.
        /// </summary>
        public static void OddMultiples(uint[] w, int table, int count, int a, int d)
        {
            FromAffine(w, table, a);
            Double(w, d, table);                                        // d = 2P with Z = 2Y
            P256Field.Sqr(w, S0, d + 16);
            P256Field.Mul(w, S1, S0, d + 16);
            P256Field.Mul(w, table, a, S0);                             // P = (X Z^2, Y Z^3, Z): co-Z with 2P
            P256Field.Mul(w, table + 8, a + 8, S1);
            P256Field.Copy(w, table + 16, d + 16);
            for (int i = 1; i < count; i++)
                ZAddU(w, table + i * JacobianWords, d, table + (i - 1) * JacobianWords);
        }

        /// <summary>r = affine a as Jacobian (Z = 1).</summary>
        public static void FromAffine(uint[] w, int r, int a)
        {
            Array.Copy(w, a, w, r, AffineWords);
            P256Field.SetOne(w, r + 16);
        }

        /// <summary>Writes the affine x (and y unless ry &lt; 0) of the Jacobian p; p must not be infinity.</summary>
        public static void ToAffine(uint[] w, int rx, int ry, int p)
        {
            P256Field.Invert(w, TempA, p + 16, S0);                     // 1/Z
            P256Field.Sqr(w, TempD, TempA);                             // 1/Z^2
            P256Field.Mul(w, rx, p, TempD);
            if (ry < 0) return;
            P256Field.Mul(w, TempD, TempD, TempA);                      // 1/Z^3
            P256Field.Mul(w, ry, p + 8, TempD);
        }

        /// <summary>
        /// Converts count Jacobian points (none at infinity) at pts to affine points written into dst at dstOffset, with
        /// one inversion (Montgomery's trick); prefix needs count field elements of workspace.
        /// </summary>
        public static void BatchToAffine(uint[] w, int pts, int count, int prefix, uint[] dst, int dstOffset)
        {
            P256Field.Copy(w, prefix, pts + 16);
            for (int i = 1; i < count; i++)
                P256Field.Mul(w, prefix + 8 * i, prefix + 8 * (i - 1), pts + i * JacobianWords + 16);
            P256Field.Invert(w, TempA, prefix + 8 * (count - 1), S0);   // 1 / (Z0 ... Zlast)
            for (int i = count - 1; i >= 0; i--)
            {
                int pt = pts + i * JacobianWords;
                if (i > 0)
                {
                    P256Field.Mul(w, TempD, TempA, prefix + 8 * (i - 1)); // 1 / Zi
                    P256Field.Mul(w, TempA, TempA, pt + 16);           // 1 / (Z0 ... Zi-1)
                }
                else P256Field.Copy(w, TempD, TempA);
                P256Field.Sqr(w, S0, TempD);
                P256Field.Mul(w, S1, pt, S0);
                P256Field.Mul(w, S0, S0, TempD);
                P256Field.Mul(w, S2, pt + 8, S0);
                Array.Copy(w, S1, dst, dstOffset + i * AffineWords, 16); // S1, S2 are adjacent: x then y
            }
        }

        /// <summary>True when the affine point at a satisfies y^2 = x^3 - 3x + b (public input check, 3 multiplications).</summary>
        public static bool IsOnCurve(uint[] w, int a)
        {
            P256Field.Sqr(w, S0, a);
            P256Field.Mul(w, S0, S0, a);
            P256Field.MulSmall(w, S1, a, 3);
            P256Field.Sub(w, S0, S0, S1);
            P256Field.Load(w, S1, P256Field.B);
            P256Field.Add(w, S0, S0, S1);                               // x^3 - 3x + b
            P256Field.Sqr(w, S1, a + 8);
            return P256Field.IsEqual(w, S0, S1) != 0;
        }

        public static bool IsInfinity(uint[] w, int p)
        {
            return P256Field.IsZero(w, p + 16) != 0;
        }

        /// <summary>Negates the point (y = -y) where mask is all ones, constant time. Works for both layouts.</summary>
        public static void NegateIf(uint[] w, int p, uint mask)
        {
            P256Field.Neg(w, S0, p + 8);
            P256Field.Select(w, p + 8, S0, mask);
        }

        public static void SelectPoint(uint[] w, int r, int a, uint mask)
        {
            P256Field.Select(w, r, a, mask);
            P256Field.Select(w, r + 8, a + 8, mask);
            P256Field.Select(w, r + 16, a + 16, mask);
        }

        /// <summary>
        /// r = the Jacobian entry number index of count entries at table (in w), reading every entry and keeping the one
        /// wanted with a mask: the memory access pattern does not depend on the secret index.
        /// </summary>
        public static void LookupJacobian(uint[] w, int r, int table, int count, int index)
        {
            uint x0 = 0, x1 = 0, x2 = 0, x3 = 0, x4 = 0, x5 = 0, x6 = 0, x7 = 0, x8 = 0, x9 = 0, x10 = 0, x11 = 0, x12 = 0, x13 = 0, x14 = 0, x15 = 0, x16 = 0, x17 = 0, x18 = 0, x19 = 0, x20 = 0, x21 = 0, x22 = 0, x23 = 0;
            for (int e = 0; e < count; e++)
            {
                uint m = (uint)(((e ^ index) - 1) >> 31); // all ones when e == index
                int o = table + e * 24;
                x0 |= w[o] & m; x1 |= w[o + 1] & m; x2 |= w[o + 2] & m; x3 |= w[o + 3] & m;
                x4 |= w[o + 4] & m; x5 |= w[o + 5] & m; x6 |= w[o + 6] & m; x7 |= w[o + 7] & m;
                x8 |= w[o + 8] & m; x9 |= w[o + 9] & m; x10 |= w[o + 10] & m; x11 |= w[o + 11] & m;
                x12 |= w[o + 12] & m; x13 |= w[o + 13] & m; x14 |= w[o + 14] & m; x15 |= w[o + 15] & m;
                x16 |= w[o + 16] & m; x17 |= w[o + 17] & m; x18 |= w[o + 18] & m; x19 |= w[o + 19] & m;
                x20 |= w[o + 20] & m; x21 |= w[o + 21] & m; x22 |= w[o + 22] & m; x23 |= w[o + 23] & m;
            }
            w[r] = x0; w[r + 1] = x1; w[r + 2] = x2; w[r + 3] = x3;
            w[r + 4] = x4; w[r + 5] = x5; w[r + 6] = x6; w[r + 7] = x7;
            w[r + 8] = x8; w[r + 9] = x9; w[r + 10] = x10; w[r + 11] = x11;
            w[r + 12] = x12; w[r + 13] = x13; w[r + 14] = x14; w[r + 15] = x15;
            w[r + 16] = x16; w[r + 17] = x17; w[r + 18] = x18; w[r + 19] = x19;
            w[r + 20] = x20; w[r + 21] = x21; w[r + 22] = x22; w[r + 23] = x23;
        }

        /// <summary>r (in w) = the affine entry number index of count entries at table in source, in constant time.</summary>
        public static void LookupAffine(uint[] source, int table, int count, int index, uint[] w, int r)
        {
            uint x0 = 0, x1 = 0, x2 = 0, x3 = 0, x4 = 0, x5 = 0, x6 = 0, x7 = 0, x8 = 0, x9 = 0, x10 = 0, x11 = 0, x12 = 0, x13 = 0, x14 = 0, x15 = 0;
            for (int e = 0; e < count; e++)
            {
                uint m = (uint)(((e ^ index) - 1) >> 31); // all ones when e == index
                int o = table + e * 16;
                x0 |= source[o] & m; x1 |= source[o + 1] & m; x2 |= source[o + 2] & m; x3 |= source[o + 3] & m;
                x4 |= source[o + 4] & m; x5 |= source[o + 5] & m; x6 |= source[o + 6] & m; x7 |= source[o + 7] & m;
                x8 |= source[o + 8] & m; x9 |= source[o + 9] & m; x10 |= source[o + 10] & m; x11 |= source[o + 11] & m;
                x12 |= source[o + 12] & m; x13 |= source[o + 13] & m; x14 |= source[o + 14] & m; x15 |= source[o + 15] & m;
            }
            w[r] = x0; w[r + 1] = x1; w[r + 2] = x2; w[r + 3] = x3;
            w[r + 4] = x4; w[r + 5] = x5; w[r + 6] = x6; w[r + 7] = x7;
            w[r + 8] = x8; w[r + 9] = x9; w[r + 10] = x10; w[r + 11] = x11;
            w[r + 12] = x12; w[r + 13] = x13; w[r + 14] = x14; w[r + 15] = x15;
        }
    }
}

using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// Precomputed multiples of the generator G, built on first use from the field code itself (no constant blobs):
    /// <list type="bullet">
    /// <item>the signed comb for k*G (key generation, signing): 4 tables x 8 affine points = 512 words = 2,048 bytes;</item>
    /// <item>the odd multiples G, 3G, ..., 31G for the width-6 wNAF of u1*G in verification: 16 affine points = 1,024 bytes.</item>
    /// </list>
    /// Each is built once per process under a lock (4,192 and 493 field multiplications) and then only read; the
    /// build borrows 3,392 + 1,024 and 2,656 bytes of workspace that become garbage afterwards.
    ///
    /// The comb: an odd k below 2^256 is k = sum_{i&lt;256} s_i 2^i with every s_i = +-1, where s_i = 2 b_i - 1 and
    /// b = (k + 2^256 - 1) / 2 = (k &gt;&gt; 1) | 2^255. With B_j = 2^(16 j) G (16 teeth, 16 columns),
    /// k G = sum_{c&lt;16} 2^c sum_{j&lt;16} s_(c + 16 j) B_j. Table t holds, for the teeth j = 4t .. 4t+3, the 8 sums
    /// B_(4t+3) +- B_(4t+2) +- B_(4t+1) +- B_(4t) (bit i of the entry index set = plus B_(4t+i)); a column whose top
    /// tooth has sign -1 uses the negated entry of the complemented index. So k G costs 15 doublings and 64 mixed
    /// additions, and no entry is ever infinity.
    /// </summary>
    internal static class P256BaseTable
    {
        public const int CombTables = 4;
        public const int CombEntries = 8;
        public const int CombColumns = 16;
        public const int OddGEntries = 16;
        /// <summary>Words of the two tables once built (x 4 bytes on the device, plus two array headers).</summary>
        public const int TableWords = CombTables * CombEntries * P256Point.AffineWords + OddGEntries * P256Point.AffineWords;

        private static readonly object Sync = new object();
        private static uint[] comb;
        private static uint[] oddG;

        public static uint[] Comb
        {
            get
            {
                lock (Sync)
                {
                    if (comb == null) comb = BuildComb();
                    return comb;
                }
            }
        }

        public static uint[] OddMultiplesOfG
        {
            get
            {
                lock (Sync)
                {
                    if (oddG == null) oddG = BuildOddMultiples();
                    return oddG;
                }
            }
        }

        /// <summary>Workspace words MulBase needs after P256Point.ReservedWords: the result point and one entry.</summary>
        public const int MulBaseWords = P256Point.JacobianWords + P256Point.AffineWords;

        /// <summary>
        /// r (Jacobian, in w) = k G for k (8 words at s[k]) in [1, n-1], in constant time: the table entries are read
        /// in full and selected by mask, signs are applied by masked negation, and the sequence of operations is fixed.
        /// t is an affine scratch point in w; tmp is 8 scalar words in s.
        ///
        /// Exceptional additions: before an addition of entry e (integer sum of +-2^x over the entry's 4 tooth
        /// positions) the accumulator holds m G, m = the sum of +-2^x over the digits already added, which sit at
        /// other positions (columns above c are shifted by 1..15, so never a multiple of 16; the tables already added
        /// in column c use other teeth). So m +- e is a non-empty sum of +-2^x over distinct x, hence non-zero, and
        /// below 2^(256 - c) in size. For columns c &gt;= 1 that is below 2^255 &lt; n: m != +-e mod n and m != 0, so
        /// the plain mixed addition is exact. Only column 0 could meet p == q, p == -q or p = infinity: its 4
        /// additions use the complete, masked form. The first entry is loaded, not added.
        /// </summary>
        public static void MulBase(uint[] w, int r, int t, uint[] s, int k, int tmp)
        {
            uint[] table = Comb;
            // the comb needs an odd scalar: use n - k for an even k (n is odd) and negate the result
            uint even = (s[k] & 1) - 1;
            P256Scalar.NegateNonZero(s, tmp, k);
            P256Scalar.Select(s, tmp, k, ~even);
            // b = (k >> 1) | 2^255
            for (int i = 0; i < 7; i++) s[tmp + i] = (s[tmp + i] >> 1) | (s[tmp + i + 1] << 31);
            s[tmp + 7] = (s[tmp + 7] >> 1) | 0x80000000;

            for (int c = CombColumns - 1; c >= 0; c--)
            {
                if (c != CombColumns - 1) P256Point.Double(w, r, r);
                for (int tb = 0; tb < CombTables; tb++)
                {
                    // tooth j sits at bit c + 16 j of b: word j / 2, bit c (+ 16 for odd j)
                    uint bits = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        int j = 4 * tb + i;
                        bits |= ((s[tmp + (j >> 1)] >> (c + 16 * (j & 1))) & 1) << i;
                    }
                    uint negative = ((bits >> 3) & 1) - 1;               // all ones when the top tooth is -1
                    int index = (int)((bits ^ negative) & 7);
                    P256Point.LookupAffine(table, tb * CombEntries * P256Point.AffineWords, CombEntries, index, w, t);
                    P256Point.NegateIf(w, t, negative);
                    if (c == CombColumns - 1 && tb == 0) P256Point.FromAffine(w, r, t);
                    else if (c == 0) P256Point.AddMixedComplete(w, r, r, t);
                    else P256Point.AddMixed(w, r, r, t);
                }
            }
            P256Point.NegateIf(w, r, even);
            Array.Clear(s, tmp, P256Scalar.Words);
        }

        private static uint[] BuildComb()
        {
            const int teeth = CombTables * 4;
            int bj = P256Point.ReservedWords;                              // B_j as Jacobian points
            int e = bj + teeth * P256Point.JacobianWords;                  // the 8 entries of one table
            int plus = e + CombEntries * P256Point.JacobianWords;          // +B_i and -B_i, affine
            int minus = plus + P256Point.AffineWords;
            int prefix = minus + P256Point.AffineWords;                    // batch inversion products
            uint[] w = new uint[prefix + teeth * P256Field.Words];
            uint[] b = new uint[teeth * P256Point.AffineWords];            // B_j affine
            uint[] table = new uint[CombTables * CombEntries * P256Point.AffineWords];

            P256Field.Load(w, plus, P256Field.Gx);
            P256Field.Load(w, plus + 8, P256Field.Gy);
            P256Point.FromAffine(w, bj, plus);
            for (int j = 1; j < teeth; j++)
            {
                int pt = bj + j * P256Point.JacobianWords;
                P256Point.Double(w, pt, pt - P256Point.JacobianWords);
                for (int d = 1; d < CombColumns; d++) P256Point.Double(w, pt, pt);
            }
            P256Point.BatchToAffine(w, bj, teeth, prefix, b, 0);

            for (int tb = 0; tb < CombTables; tb++)
            {
                // E[0] and E[4] start as B_(4t+3); each level doubles the set: E[x + step] = E[x] + B_i, E[x] -= B_i
                int top = (4 * tb + 3) * P256Point.AffineWords;
                Array.Copy(b, top, w, plus, P256Point.AffineWords);
                P256Point.FromAffine(w, e, plus);
                P256Point.FromAffine(w, e + 4 * P256Point.JacobianWords, plus);
                for (int i = 2, step = 4; i >= 0; i--, step >>= 1)
                {
                    Array.Copy(b, (4 * tb + i) * P256Point.AffineWords, w, plus, P256Point.AffineWords);
                    Array.Copy(w, plus, w, minus, P256Point.AffineWords);
                    P256Field.Neg(w, minus + 8, minus + 8);
                    for (int x = 0; x < CombEntries; x += 2 * step)
                    {
                        int lo = e + x * P256Point.JacobianWords, hi = lo + step * P256Point.JacobianWords;
                        P256Point.AddMixed(w, hi, lo, plus);   // distinct multiples of G: never exceptional
                        P256Point.AddMixed(w, lo, lo, minus);
                    }
                }
                P256Point.BatchToAffine(w, e, CombEntries, prefix, table, tb * CombEntries * P256Point.AffineWords);
            }
            return table;
        }

        private static uint[] BuildOddMultiples()
        {
            int g = P256Point.ReservedWords;
            int d = g + P256Point.AffineWords;
            int entries = d + P256Point.JacobianWords;
            int prefix = entries + OddGEntries * P256Point.JacobianWords;
            uint[] w = new uint[prefix + OddGEntries * P256Field.Words];
            uint[] table = new uint[OddGEntries * P256Point.AffineWords];
            P256Field.Load(w, g, P256Field.Gx);
            P256Field.Load(w, g + 8, P256Field.Gy);
            P256Point.OddMultiples(w, entries, OddGEntries, g, d);
            P256Point.BatchToAffine(w, entries, OddGEntries, prefix, table, 0);
            return table;
        }
    }
}

using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>
    /// The complete (masked) additions on their exceptional inputs, which the scalar multiplications reach only for
    /// rare scalars: p == q, p == -q, and the point at infinity on either side.
    /// </summary>
    [TestClass]
    public class P256PointTests
    {
        private const int G = P256Point.ReservedWords;                 // affine G
        private const int G2 = G + 16;                                 // 2G, Jacobian with Z != 1
        private const int A = G2 + 24, B = A + 24, C = B + 24;         // Jacobian scratch points
        private const int Affine = C + 24, Expected = Affine + 16;     // affine scratch
        private const int Words = Expected + 16;

        private static uint[] NewWorkspace()
        {
            uint[] w = new uint[Words];
            P256Field.Load(w, G, P256Field.Gx);
            P256Field.Load(w, G + 8, P256Field.Gy);
            P256Point.FromAffine(w, A, G);
            P256Point.Double(w, G2, A);
            return w;
        }

        private static void AssertSamePoint(uint[] w, int jacobian, int expectedJacobian, string what)
        {
            Assert.IsFalse(P256Point.IsInfinity(w, jacobian), what + ": unexpected infinity");
            P256Point.ToAffine(w, Affine, Affine + 8, jacobian);
            P256Point.ToAffine(w, Expected, Expected + 8, expectedJacobian);
            Assert.IsTrue(P256Field.IsEqual(w, Affine, Expected) != 0, what + ": x");
            Assert.IsTrue(P256Field.IsEqual(w, Affine + 8, Expected + 8) != 0, what + ": y");
        }

        [TestMethod]
        public void AddCompleteDoublesEqualPoints()
        {
            uint[] w = NewWorkspace();
            Array.Copy(w, G2, w, A, 24);
            P256Point.AddComplete(w, A, A, G2);                         // 2G + 2G, r aliasing p
            P256Point.Double(w, B, G2);
            AssertSamePoint(w, A, B, "2G + 2G");
        }

        [TestMethod]
        public void AddCompleteHandlesInfinityAndOpposites()
        {
            uint[] w = NewWorkspace();
            Array.Copy(w, G2, w, B, 24);
            P256Point.NegateIf(w, B, 0xFFFFFFFF);                       // -2G
            P256Point.AddComplete(w, A, G2, B);
            Assert.IsTrue(P256Point.IsInfinity(w, A), "2G + (-2G)");
            P256Point.AddComplete(w, C, A, G2);                         // infinity + 2G
            AssertSamePoint(w, C, G2, "O + 2G");
            P256Point.AddComplete(w, C, G2, A);                         // 2G + infinity
            AssertSamePoint(w, C, G2, "2G + O");
            P256Point.AddComplete(w, C, G2, B);
            P256Point.AddComplete(w, C, C, G2);                         // (2G - 2G) + 2G, chained
            AssertSamePoint(w, C, G2, "(2G - 2G) + 2G");
        }

        [TestMethod]
        public void AddMixedCompleteHandlesEveryCase()
        {
            uint[] w = NewWorkspace();
            P256Point.FromAffine(w, A, G);
            P256Point.AddMixedComplete(w, A, A, G);                     // G + G
            AssertSamePoint(w, A, G2, "G + G");

            Array.Copy(w, G, w, Affine, 16);
            P256Field.Neg(w, Affine + 8, Affine + 8);                   // -G, affine
            P256Point.FromAffine(w, B, G);
            P256Point.AddMixedComplete(w, B, B, Affine);
            Assert.IsTrue(P256Point.IsInfinity(w, B), "G + (-G)");
            P256Point.AddMixedComplete(w, B, B, G);                     // infinity + G
            P256Point.FromAffine(w, C, G);
            AssertSamePoint(w, B, C, "O + G");

            P256Point.AddMixedComplete(w, A, G2, G);                    // generic case: 2G + G = 3G
            P256Point.AddVartime(w, C, G2, C);                          // 2G + G through the other formula
            AssertSamePoint(w, A, C, "2G + G");
        }

        [TestMethod]
        public void VartimeAdditionsAgreeOnTheSameCases()
        {
            uint[] w = NewWorkspace();
            P256Point.FromAffine(w, A, G);
            P256Point.AddVartime(w, B, A, A);                           // doubling case
            AssertSamePoint(w, B, G2, "G + G (Jacobian)");
            P256Point.AddMixedVartime(w, B, A, G);
            AssertSamePoint(w, B, G2, "G + G (mixed)");
            Array.Copy(w, A, w, C, 24);
            P256Point.NegateIf(w, C, 0xFFFFFFFF);
            P256Point.AddVartime(w, B, A, C);
            Assert.IsTrue(P256Point.IsInfinity(w, B), "G + (-G)");
            P256Point.AddMixedVartime(w, C, B, G);                      // infinity + G
            AssertSamePoint(w, C, A, "O + G");
        }
    }
}

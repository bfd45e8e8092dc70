using System.Numerics;
using TuyaLite.Crypto;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// P-256 field (mod p) and scalar (mod n) arithmetic against System.Numerics.BigInteger: random values plus the edge
/// values where carries, borrows and the NIST reduction folds are exercised hardest.
/// </summary>
[TestClass]
public class P256ArithmeticTests
{
    private static readonly BigInteger P = BigInteger.Parse("0FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    internal static void Put(uint[] w, int off, BigInteger v)
    {
        for (int i = 0; i < 8; i++) { w[off + i] = (uint)(v & uint.MaxValue); v >>= 32; }
    }

    internal static BigInteger Get(uint[] w, int off)
    {
        BigInteger v = BigInteger.Zero;
        for (int i = 7; i >= 0; i--) v = (v << 32) | w[off + i];
        return v;
    }

    private static BigInteger Mod(BigInteger v, BigInteger m) => ((v % m) + m) % m;

    private static List<BigInteger> Values(BigInteger modulus, int randomCount, bool anyWidth)
    {
        var rnd = new Random(256);
        var list = new List<BigInteger> { 0, 1, 2, 3, modulus - 1, modulus - 2, modulus >> 1, (modulus >> 1) + 1,
            BigInteger.One << 255, (BigInteger.One << 224) - 1, (BigInteger.One << 96) - 1, (BigInteger.One << 192) };
        if (anyWidth) { list.Add(Two256 - 1); list.Add(modulus); list.Add(modulus + 1); list.Add(Two256 - 2); }
        byte[] buf = new byte[33];
        for (int i = 0; i < randomCount; i++)
        {
            rnd.NextBytes(buf); buf[32] = 0;
            var v = new BigInteger(buf);
            if (i % 4 == 1) v |= (Two256 - 1) ^ ((BigInteger.One << (rnd.Next(256))) - 1); // long runs of ones
            if (i % 4 == 2) v &= (BigInteger.One << rnd.Next(1, 256)) - 1;                // long runs of zeros
            v %= anyWidth ? Two256 : modulus;
            list.Add(v);
        }
        return list;
    }

    [TestMethod]
    public void FieldMulSqrMatchBigIntegerIncludingUnreducedInputs()
    {
        var w = new uint[64];
        var values = Values(P, 300, anyWidth: true);
        int checkedCount = 0;
        foreach (var a in values)
        {
            Put(w, 0, a);
            P256Field.Sqr(w, 16, 0);
            Assert.AreEqual(Mod(a * a, P), Get(w, 16), $"sqr {a:X}");
            foreach (var b in values.Take(60))
            {
                Put(w, 8, b);
                P256Field.Mul(w, 24, 0, 8);
                Assert.AreEqual(Mod(a * b, P), Get(w, 24), $"mul {a:X} {b:X}");
                checkedCount++;
            }
        }
        // aliasing: r == a == b
        Put(w, 0, P - 5);
        P256Field.Mul(w, 0, 0, 0);
        Assert.AreEqual(25, (int)Get(w, 0));
        Console.WriteLine($"field mul/sqr: {checkedCount} products checked");
    }

    [TestMethod]
    public void FieldAddSubNegMulSmallInvertMatchBigInteger()
    {
        var w = new uint[128];
        var values = Values(P, 120, anyWidth: false);
        foreach (var a in values)
        {
            Put(w, 0, a);
            P256Field.Neg(w, 16, 0);
            Assert.AreEqual(Mod(-a, P), Get(w, 16), $"neg {a:X}");
            for (uint k = 0; k <= 8; k++)
            {
                P256Field.MulSmall(w, 24, 0, k);
                Assert.AreEqual(Mod(a * k, P), Get(w, 24), $"mulsmall {a:X} * {k}");
            }
            foreach (var b in values.Take(40))
            {
                Put(w, 8, b);
                P256Field.Add(w, 32, 0, 8);
                Assert.AreEqual(Mod(a + b, P), Get(w, 32), $"add {a:X} {b:X}");
                P256Field.Sub(w, 40, 0, 8);
                Assert.AreEqual(Mod(a - b, P), Get(w, 40), $"sub {a:X} {b:X}");
            }
        }
        foreach (var a in values.Take(30))
        {
            Put(w, 0, a);
            P256Field.Invert(w, 8, 0, 64);
            Assert.AreEqual(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, P - 2, P), Get(w, 8), $"inv {a:X}");
        }
    }

    [TestMethod]
    public void ScalarMontgomeryArithmeticMatchesBigInteger()
    {
        var s = new uint[P256Scalar.InvertScratchWords + 64];
        int a = P256Scalar.InvertScratchWords, b = a + 8, r = a + 16;
        var values = Values(N, 150, anyWidth: false);
        BigInteger rInv = BigInteger.ModPow(Two256, N - 2, N);
        foreach (var x in values)
        {
            Put(s, a, x);
            foreach (var y in values.Take(40))
            {
                Put(s, b, y);
                P256Scalar.MontMul(s, r, a, s, b);
                Assert.AreEqual(Mod(x * y * rInv, N), Get(s, r), $"montmul {x:X} {y:X}");
                P256Scalar.Add(s, r, a, b);
                Assert.AreEqual(Mod(x + y, N), Get(s, r), $"add {x:X} {y:X}");
                P256Scalar.Mul(s, r, a, b);
                Assert.AreEqual(Mod(x * y, N), Get(s, r), $"mul {x:X} {y:X}");
            }
        }
        foreach (var x in values.Take(25))
        {
            if (x.IsZero) continue;
            Put(s, a, x);
            P256Scalar.InvertToMontgomery(s, r, a, 0);
            Assert.AreEqual(Mod(BigInteger.ModPow(x, N - 2, N) * Two256, N), Get(s, r), $"inv {x:X}");
        }
        // reduction of 256-bit values below 2^256 (hashes, x-coordinates)
        foreach (var x in Values(N, 50, anyWidth: true))
        {
            Put(s, a, x);
            P256Scalar.ReduceOnce(s, a);
            Assert.AreEqual(x % N, Get(s, a), $"reduce {x:X}");
        }
    }
}

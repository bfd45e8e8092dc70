using System.Numerics;
using TuyaLite.Crypto;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// The scalars where the windowed and comb multiplications meet their exceptional additions (k near 0 and near n,
/// both parities, so both the k and n - k branches run) against the BigInteger reference.
/// </summary>
[TestClass]
public class P256EdgeScalarTests
{
    private static IEnumerable<BigInteger> EdgeScalars()
    {
        for (int i = 1; i <= 70; i++) { yield return i; yield return P256Reference.N - i; }
        foreach (int bit in new[] { 1, 5, 16, 31, 32, 64, 127, 128, 200, 250, 251, 252, 254, 255 })
        {
            yield return BigInteger.One << bit;
            yield return (BigInteger.One << bit) - 1;
            yield return (BigInteger.One << bit) + 1;
        }
        // the comb's last column meets the doubling case for these two (found by searching signed tooth patterns)
        var combDoubling = P256Reference.Hex("20001FFFDFFFE" + new string('0', 48));
        yield return combDoubling;
        yield return P256Reference.N - combDoubling;
        yield return P256Reference.N >> 1;
        yield return (P256Reference.N >> 1) + 1;
    }

    [TestMethod]
    public void PublicKeyOfEdgeScalarsMatchesReference()
    {
        int count = 0;
        foreach (var k in EdgeScalars())
        {
            if (k <= 0 || k >= P256Reference.N) continue;
            byte[] pub = new byte[65];
            P256.ComputePublicKey(P256Reference.Bytes32(k), 0, pub, 0);
            var expected = P256Reference.Multiply(k, P256Reference.G)!.Value;
            CollectionAssert.AreEqual(P256Reference.Encode(expected), pub, $"k = {k:X}");
            count++;
        }
        Console.WriteLine($"comb k*G checked for {count} edge scalars");
    }

    [TestMethod]
    public void EcdhWithEdgeScalarsMatchesReference()
    {
        // peer = G and peer = 7G: x(k * peer) for k near 0 and n exercises the last window's complete addition
        var peers = new[] { P256Reference.G, P256Reference.Multiply(7, P256Reference.G)!.Value };
        int count = 0;
        foreach (var peer in peers)
        {
            byte[] encoded = P256Reference.Encode(peer);
            foreach (var k in EdgeScalars())
            {
                if (k <= 0 || k >= P256Reference.N) continue;
                byte[] secret = new byte[32];
                P256.Ecdh(P256Reference.Bytes32(k), 0, encoded, 0, 65, secret, 0);
                var expected = P256Reference.Multiply(k, peer)!.Value;
                CollectionAssert.AreEqual(P256Reference.Bytes32(expected.X), secret, $"k = {k:X}");
                count++;
            }
        }
        Console.WriteLine($"variable-base k*P checked for {count} edge scalar/point pairs");
    }

    [TestMethod]
    public void VariableBaseMultiplicationGivesTheFullPoint()
    {
        // MulSecret's y (negation for even scalars) is not visible through ECDH: check it directly
        foreach (var k in EdgeScalars().Where(k => k > 0 && k < P256Reference.N).Take(60))
        {
            uint[] w = new uint[P256Ecdh.WorkspaceWords];
            uint[] s = new uint[P256Ecdh.ScalarWords];
            P256Field.Load(w, P256Ecdh.Peer, P256Field.Gx);
            P256Field.Load(w, P256Ecdh.Peer + 8, P256Field.Gy);
            P256Scalar.FromBytes(s, 0, P256Reference.Bytes32(k), 0);
            P256Ecdh.MulSecret(w, s, 0, 8);
            P256Point.ToAffine(w, P256Ecdh.Peer, P256Ecdh.Peer + 8, P256Ecdh.Acc);
            var expected = P256Reference.Multiply(k, P256Reference.G)!.Value;
            Assert.AreEqual(expected.X, P256ArithmeticTests.Get(w, P256Ecdh.Peer), $"x, k = {k:X}");
            Assert.AreEqual(expected.Y, P256ArithmeticTests.Get(w, P256Ecdh.Peer + 8), $"y, k = {k:X}");
        }
    }

    [TestMethod]
    public void RandomScalarsAgreeBetweenCombWindowAndReference()
    {
        var rnd = new Random(6979);
        for (int i = 0; i < 16; i++)
        {
            byte[] kb = new byte[32];
            rnd.NextBytes(kb);
            var k = new BigInteger(kb, isUnsigned: true, isBigEndian: true) % P256Reference.N;
            if (k.IsZero) continue;
            kb = P256Reference.Bytes32(k);
            byte[] pub = new byte[65];
            P256.ComputePublicKey(kb, 0, pub, 0);
            var expected = P256Reference.Multiply(k, P256Reference.G)!.Value;
            CollectionAssert.AreEqual(P256Reference.Encode(expected), pub);
            var peer = P256Reference.Multiply(i + 2, P256Reference.G)!.Value;
            byte[] secret = new byte[32];
            P256.Ecdh(kb, 0, P256Reference.Encode(peer), 0, 65, secret, 0);
            CollectionAssert.AreEqual(P256Reference.Bytes32(P256Reference.Multiply(k, peer)!.Value.X), secret);
        }
    }
}

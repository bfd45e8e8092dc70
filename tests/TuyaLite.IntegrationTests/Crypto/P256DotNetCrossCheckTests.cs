using System.Security.Cryptography;
using TuyaLite.Crypto;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// P-256 against .NET's native implementation (OpenSSL here) on random keys: the same public keys, signatures that
/// each side accepts from the other (DER and raw), and ECDH secrets that agree in both directions.
/// </summary>
[TestClass]
public class P256DotNetCrossCheckTests
{
    private const int Keys = 32;

    [TestMethod]
    public void PublicKeysMatchDotNet()
    {
        for (int i = 0; i < Keys; i++)
        {
            using var native = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var p = native.ExportParameters(includePrivateParameters: true);
            byte[] ours = new byte[P256.PublicKeySize];
            P256.ComputePublicKey(p.D, 0, ours, 0);
            CollectionAssert.AreEqual(Uncompressed(p), ours, $"key {i}");
        }
    }

    [TestMethod]
    public void SignaturesVerifyBothWays()
    {
        int checkedCount = 0;
        for (int i = 0; i < Keys; i++)
        {
            using var native = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var p = native.ExportParameters(includePrivateParameters: true);
            byte[] pub = Uncompressed(p);
            byte[] hash = SHA256.HashData(RandomNumberGenerator.GetBytes(40));

            byte[] theirDer = native.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence);
            byte[] theirRaw = native.SignHash(hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            Assert.IsTrue(P256.VerifyDer(pub, 0, 65, hash, 0, theirDer, 0, theirDer.Length), $"their DER, key {i}");
            Assert.IsTrue(P256.VerifyRaw(pub, 0, 65, hash, 0, theirRaw, 0), $"their raw, key {i}");

            byte[] ourDer = new byte[P256.MaxDerSignatureSize];
            int length = P256.SignDer(p.D, 0, hash, 0, ourDer, 0);
            byte[] ourRaw = new byte[P256.RawSignatureSize];
            P256.SignRaw(p.D, 0, hash, 0, ourRaw, 0);
            Assert.IsTrue(native.VerifyHash(hash, ourDer.AsSpan(0, length), DSASignatureFormat.Rfc3279DerSequence), $"our DER, key {i}");
            Assert.IsTrue(native.VerifyHash(hash, ourRaw, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), $"our raw, key {i}");

            // and the negative: a different hash fails on both sides
            hash[0] ^= 0x80;
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, theirRaw, 0));
            Assert.IsFalse(native.VerifyHash(hash, ourRaw, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
            checkedCount++;
        }
        Console.WriteLine($"ECDSA cross-check: {checkedCount} keys, 4 signatures each, all accepted by the other side");
    }

    [TestMethod]
    public void EcdhAgreesWithDotNetBothWays()
    {
        for (int i = 0; i < Keys; i++)
        {
            using var theirs = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
            var t = theirs.ExportParameters(includePrivateParameters: true);
            byte[] ourPrivate = new byte[32], ourPublic = new byte[65];
            P256.GenerateKeyPair(new SystemRandom(), ourPrivate, 0, ourPublic, 0);

            // ours: d_ours * Q_theirs
            byte[] ourSecret = new byte[32];
            P256.Ecdh(ourPrivate, 0, Uncompressed(t), 0, 65, ourSecret, 0);
            // theirs: d_theirs * Q_ours
            using var ourKeyForDotNet = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = ourPublic[1..33], Y = ourPublic[33..65] },
            });
            byte[] theirSecret = theirs.DeriveRawSecretAgreement(ourKeyForDotNet.PublicKey);
            CollectionAssert.AreEqual(theirSecret, ourSecret, $"pair {i}");
            // ours again with their private key and our public key: the same secret from the other side
            byte[] mirrored = new byte[32];
            P256.Ecdh(t.D, 0, ourPublic, 0, 65, mirrored, 0);
            CollectionAssert.AreEqual(theirSecret, mirrored, $"pair {i}, mirrored");
        }
    }

    private static byte[] Uncompressed(ECParameters p) => [0x04, .. p.Q.X, .. p.Q.Y];

    private sealed class SystemRandom : IRandom
    {
        public void NextBytes(byte[] buffer, int offset, int count) => RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
    }
}

using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text.Json;
using TuyaLite.Crypto;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// Every Wycheproof P-256 vector: ECDSA/SHA-256 with DER and with IEEE P1363 (raw r||s) signatures, ECDH with the
/// public key as an uncompressed point (the TLS wire form) and as a SubjectPublicKeyInfo (parsed here, strict DER,
/// named curve prime256v1 and an uncompressed point only; other encodings are rejected, which every 'invalid' and
/// 'acceptable' case allows). A valid case must be accepted (with the right shared secret), an invalid one
/// rejected, and no input may make the library throw anything but CryptoException (ECDH) or anything at all (verify).
/// </summary>
[TestClass]
public class P256WycheproofTests
{
    [TestMethod]
    public void EcdsaDerWycheproof() => RunEcdsa("ecdsa_secp256r1_sha256_test.json", der: true, minimum: 484);

    [TestMethod]
    public void EcdsaP1363Wycheproof() => RunEcdsa("ecdsa_secp256r1_sha256_p1363_test.json", der: false, minimum: 262);

    private static void RunEcdsa(string file, bool der, int minimum)
    {
        var tally = new WycheproofTally();
        foreach (var group in WycheproofTally.Groups(file))
        {
            Assert.AreEqual("SHA-256", group.GetProperty("sha").GetString());
            byte[] key = Hex(group.GetProperty("publicKey"), "uncompressed");
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] hash = SHA256.HashData(Hex(test, "msg"));
                byte[] sig = Hex(test, "sig");
                bool accepted;
                try
                {
                    accepted = der
                        ? P256.VerifyDer(key, 0, key.Length, hash, 0, sig, 0, sig.Length)
                        : sig.Length == P256.RawSignatureSize && P256.VerifyRaw(key, 0, key.Length, hash, 0, sig, 0);
                }
                catch (Exception e)
                {
                    tally.Fail(test, $"verify threw {e.GetType().Name}: {e.Message}");
                    continue;
                }
                tally.Record(test, accepted);
            }
        }
        tally.Finish("Wycheproof " + file, minimum);
    }

    [TestMethod]
    public void EcdhUncompressedPointWycheproof()
    {
        var tally = new WycheproofTally();
        foreach (var group in WycheproofTally.Groups("ecdh_secp256r1_ecpoint_test.json"))
        {
            Assert.AreEqual("ecpoint", group.GetProperty("encoding").GetString());
            foreach (var test in group.GetProperty("tests").EnumerateArray())
                Ecdh(tally, test, Hex(test, "public"));
        }
        tally.Finish("Wycheproof ecdh_secp256r1_ecpoint_test.json", 355);
    }

    [TestMethod]
    public void EcdhSubjectPublicKeyInfoWycheproof()
    {
        var tally = new WycheproofTally();
        int unsupported = 0;
        foreach (var group in WycheproofTally.Groups("ecdh_secp256r1_test.json"))
        {
            Assert.AreEqual("asn", group.GetProperty("encoding").GetString());
            foreach (var test in group.GetProperty("tests").EnumerateArray())
            {
                byte[] point = PointFromSpki(Hex(test, "public"));
                if (point == null) unsupported++;
                Ecdh(tally, test, point);
            }
        }
        tally.Finish("Wycheproof ecdh_secp256r1_test.json", 612,
            $"SubjectPublicKeyInfo not a DER named-curve P-256 key with a bit string: {unsupported} (rejected)");
    }

    /// <summary>One ECDH case; point null means the test's SPKI was refused before reaching the library.</summary>
    private static void Ecdh(WycheproofTally tally, JsonElement test, byte[] point)
    {
        byte[] d = Scalar32(Hex(test, "private"));
        byte[] expected = Hex(test, "shared");
        byte[] secret = new byte[P256.SharedSecretSize];
        bool accepted = false;
        string wrong = null;
        if (point != null)
        {
            try
            {
                P256.Ecdh(d, 0, point, 0, point.Length, secret, 0);
                accepted = true;
                if (!secret.AsSpan().SequenceEqual(expected)) wrong = "wrong shared secret " + Convert.ToHexString(secret);
            }
            catch (CryptoException)
            {
                accepted = false;
            }
            catch (Exception e)
            {
                tally.Fail(test, $"ECDH threw {e.GetType().Name}: {e.Message}");
                return;
            }
        }
        tally.Record(test, accepted, wrong);
    }

    /// <summary>
    /// SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier { id-ecPublicKey, namedCurve prime256v1 },
    /// BIT STRING (0 unused bits) point }, strict DER. Returns the point bytes, or null for anything else.
    /// </summary>
    private static byte[] PointFromSpki(byte[] spki)
    {
        try
        {
            var reader = new AsnReader(spki, AsnEncodingRules.DER);
            var info = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var algorithm = info.ReadSequence();
            if (algorithm.ReadObjectIdentifier() != "1.2.840.10045.2.1") return null;          // id-ecPublicKey
            if (!algorithm.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)) return null; // explicit parameters
            if (algorithm.ReadObjectIdentifier() != "1.2.840.10045.3.1.7") return null;        // prime256v1
            algorithm.ThrowIfNotEmpty();
            byte[] point = info.ReadBitString(out int unusedBits);
            info.ThrowIfNotEmpty();
            return unusedBits == 0 ? point : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>Wycheproof private keys are ASN.1-style integers (a leading 00, sometimes shorter): 32 bytes here.</summary>
    private static byte[] Scalar32(byte[] v)
    {
        int skip = 0;
        while (skip < v.Length && v[skip] == 0) skip++;
        if (v.Length - skip > 32) throw new InvalidDataException("private key wider than 256 bits");
        byte[] r = new byte[32];
        Array.Copy(v, skip, r, 32 - (v.Length - skip), v.Length - skip);
        return r;
    }

    private static byte[] Hex(JsonElement e, string name) => Convert.FromHexString(e.GetProperty(name).GetString());
}

using System.Security.Cryptography;
using TuyaLite.Crypto;

namespace TuyaLite.Benchmarks;

/// <summary>SHA-256, AES-128-GCM, P-256: TuyaLite managed vs .NET native (OpenSSL), ratios and allocations.</summary>
public static class CryptoBenchmarks
{
    public static void Run(double seconds)
    {
        var table = new Table("operation", "TuyaLite (managed)", ".NET native", "ratio", "TuyaLite alloc/op");

        byte[] data = RandomNumberGenerator.GetBytes(4096);
        byte[] digest = new byte[32];
        var sha = new Sha256();
        var m = Measure.Run(() => { sha.Update(data, 0, data.Length); sha.Final(digest, 0); }, seconds);
        var n = Measure.Run(() => SHA256.HashData(data, digest), seconds);
        table.Add("SHA-256 4 KiB", Measure.Throughput(m, data.Length), Measure.Throughput(n, data.Length), Ratio(m, n), m.BytesAllocatedPerOp);

        byte[] key = RandomNumberGenerator.GetBytes(16), nonce = RandomNumberGenerator.GetBytes(12), aad = new byte[13];
        byte[] record = RandomNumberGenerator.GetBytes(512), outBuf = new byte[512], tag = new byte[16];
        var gcm = new Gcm(new Aes128());
        gcm.SetKey(key, 0, 16);
        using var native = new AesGcm(key, 16);
        m = Measure.Run(() => gcm.Encrypt(nonce, 0, aad, 0, aad.Length, record, 0, record.Length, outBuf, 0, tag, 0), seconds);
        n = Measure.Run(() => native.Encrypt(nonce, record, outBuf, tag, aad), seconds);
        table.Add("AES-128-GCM 512 B record", Measure.Throughput(m, record.Length), Measure.Throughput(n, record.Length), Ratio(m, n), m.BytesAllocatedPerOp);

        var ccm = new Ccm(new Aes128(), 8);
        ccm.SetKey(key, 0, 16);
        using var nativeCcm = new AesCcm(key);
        byte[] tag8 = new byte[8];
        m = Measure.Run(() => ccm.Encrypt(nonce, 0, 12, aad, 0, aad.Length, record, 0, record.Length, outBuf, 0, tag8, 0), seconds);
        n = Measure.Run(() => nativeCcm.Encrypt(nonce, record, outBuf, tag8, aad), seconds);
        table.Add("AES-128-CCM-8 512 B record", Measure.Throughput(m, record.Length), Measure.Throughput(n, record.Length), Ratio(m, n), m.BytesAllocatedPerOp);

        // P-256: one key pair each side; ECDH with a fresh peer key, verify of a fixed signature.
        var rng = new FixedSeedRandom(1);
        byte[] priv = new byte[32], pub = new byte[65], peerPriv = new byte[32], peerPub = new byte[65], secret = new byte[32];
        P256.GenerateKeyPair(rng, priv, 0, pub, 0);
        P256.GenerateKeyPair(rng, peerPriv, 0, peerPub, 0);
        using var nativeA = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var nativeB = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        m = Measure.Run(() => P256.Ecdh(priv, 0, peerPub, 0, 65, secret, 0), seconds);
        n = Measure.Run(() => nativeA.DeriveRawSecretAgreement(nativeB.PublicKey), seconds);
        table.Add("P-256 ECDH", Measure.Time(m), Measure.Time(n), Ratio(m, n), m.BytesAllocatedPerOp);

        byte[] hash = SHA256.HashData(data);
        byte[] sig = new byte[P256.MaxDerSignatureSize];
        int sigLen = P256.SignDer(priv, 0, hash, 0, sig, 0);
        using var nativeDsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] nativeSig = nativeDsa.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence);
        m = Measure.Run(() => P256.VerifyDer(pub, 0, 65, hash, 0, sig, 0, sigLen), seconds);
        n = Measure.Run(() => nativeDsa.VerifyHash(hash, nativeSig, DSASignatureFormat.Rfc3279DerSequence), seconds);
        table.Add("P-256 ECDSA verify", Measure.Time(m), Measure.Time(n), Ratio(m, n), m.BytesAllocatedPerOp);

        m = Measure.Run(() => P256.GenerateKeyPair(rng, priv, 0, pub, 0), seconds);
        n = Measure.Run(() => { using var k = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256); }, seconds);
        table.Add("P-256 keygen", Measure.Time(m), Measure.Time(n), Ratio(m, n), m.BytesAllocatedPerOp);

        m = Measure.Run(() => P256.SignDer(priv, 0, hash, 0, sig, 0), seconds);
        n = Measure.Run(() => nativeDsa.SignHash(hash), seconds);
        table.Add("P-256 ECDSA sign (RFC 6979)", Measure.Time(m), Measure.Time(n), Ratio(m, n), m.BytesAllocatedPerOp);
        table.Print();

        Console.WriteLine();
        sigLen = P256.SignDer(priv, 0, hash, 0, sig, 0);      // the key pair changed in the keygen loop above
        Console.WriteLine("P-256 field multiplications (squarings included) per operation:");
        Console.WriteLine($"  ECDH    {CountFieldMuls(() => P256.Ecdh(priv, 0, peerPub, 0, 65, secret, 0)),6}   (target <= 3,500)");
        Console.WriteLine($"  verify  {CountFieldMuls(() => P256.VerifyDer(pub, 0, 65, hash, 0, sig, 0, sigLen)),6}   (target <= 3,500)");
        Console.WriteLine($"  keygen  {CountFieldMuls(() => P256.GenerateKeyPair(rng, priv, 0, pub, 0)),6}   (target <= 1,200)");
        Console.WriteLine($"  sign    {CountFieldMuls(() => P256.SignDer(priv, 0, hash, 0, sig, 0)),6}");
        Console.WriteLine("ratio = TuyaLite time / native time (lower is better; native is OpenSSL through .NET).");
    }

    private static long CountFieldMuls(Action a)
    {
        P256.ResetCounters();
        a();
        return P256.FieldMultiplications;
    }

    private static string Ratio(Measure.Result managed, Measure.Result native) => $"{managed.NsPerOp / native.NsPerOp:F1}x";
}

/// <summary>Deterministic IRandom for repeatable benchmark keys (never for real keys).</summary>
public sealed class FixedSeedRandom(int seed) : IRandom
{
    private readonly Random random = new(seed);
    public void NextBytes(byte[] buffer, int offset, int count) => random.NextBytes(buffer.AsSpan(offset, count));
}

using System.Security.Cryptography;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// Cross-checks against .NET's native SHA256, HMACSHA256 and HKDF on random inputs of random lengths (always including
/// the padding edges 0, 55, 56, 63, 64, 65), fed in random-sized chunks; plus allocation and entropy checks.
/// </summary>
[TestClass]
public class HashMacCrossCheckTests
{
    private const int Cases = 300;
    private static readonly int[] EdgeLengths = { 0, 1, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 1000 };

    [TestMethod]
    public void Sha256MatchesDotNet()
    {
        var rng = new Random(20260801);
        var sha = new Sha256();
        byte[] ours = new byte[32];
        for (int i = 0; i < Cases; i++)
        {
            byte[] msg = RandomBytes(rng, LengthFor(rng, i));
            Feed(rng, msg, (b, o, c) => sha.Update(b, o, c));
            sha.Final(ours, 0);
            CollectionAssert.AreEqual(SHA256.HashData(msg), ours, $"length {msg.Length}");
        }
    }

    [TestMethod]
    public void HmacSha256MatchesDotNet()
    {
        var rng = new Random(4231);
        var mac = new HmacSha256();
        byte[] ours = new byte[32];
        for (int i = 0; i < Cases; i++)
        {
            byte[] key = RandomBytes(rng, i < EdgeLengths.Length ? EdgeLengths[i] : rng.Next(0, 200));
            byte[] msg = RandomBytes(rng, LengthFor(rng, i + 3));
            mac.SetKey(key, 0, key.Length);
            Feed(rng, msg, (b, o, c) => mac.Update(b, o, c));
            mac.Final(ours, 0);
            CollectionAssert.AreEqual(HMACSHA256.HashData(key, msg), ours, $"key {key.Length}, msg {msg.Length}");
            // Same key, second message: the precomputed pad states are reused.
            mac.Update(msg, 0, msg.Length);
            mac.Final(ours, 0);
            CollectionAssert.AreEqual(HMACSHA256.HashData(key, msg), ours);
        }
    }

    [TestMethod]
    public void HkdfMatchesDotNet()
    {
        var rng = new Random(5869);
        var hmac = new HmacSha256();
        byte[] prk = new byte[32];
        for (int i = 0; i < Cases; i++)
        {
            byte[] ikm = RandomBytes(rng, LengthFor(rng, i));
            byte[] salt = RandomBytes(rng, rng.Next(0, 100));
            byte[] info = RandomBytes(rng, rng.Next(0, 100));
            int length = i == 0 ? Hkdf.MaxOutputLength : rng.Next(1, 300);
            Hkdf.Extract(hmac, salt, 0, salt.Length, ikm, 0, ikm.Length, prk, 0);
            CollectionAssert.AreEqual(HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt), prk);
            byte[] okm = new byte[length];
            Hkdf.Expand(hmac, prk, 0, 32, info, 0, info.Length, okm, 0, length);
            CollectionAssert.AreEqual(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, length, salt, info), okm,
                $"ikm {ikm.Length}, salt {salt.Length}, info {info.Length}, L {length}");
        }
    }

    [TestMethod]
    public void SteadyStatePathsAllocateNothing()
    {
        byte[] data = RandomBytes(new Random(1), 4096);
        byte[] output = new byte[256];
        var sha = new Sha256();
        var mac = new HmacSha256(data, 0, 32);
        var prf = new TlsPrf();
        var hmac = new HmacSha256();
        var drbg = new HmacDrbg(new SystemEntropySource(), null);
        var exported = new byte[Sha256.ExportedStateSize];
        void Work()
        {
            sha.Update(data, 0, 4096); sha.Update(data, 1, 77); sha.Final(output, 0);
            sha.Update(data, 0, 100); sha.ExportState(exported, 0); sha.ImportState(exported, 0); sha.CopyTo(sha); sha.Final(output, 0);
            mac.Update(data, 3, 1000); mac.Final(output, 0);
            mac.SetKey(data, 5, 100); mac.Update(data, 0, 10); mac.Verify(output, 0, 16);
            prf.Compute(data, 0, 48, "key expansion", data, 48, 32, data, 80, 32, output, 0, 104);
            Hkdf.Extract(hmac, data, 0, 32, data, 32, 64, output, 0);
            Hkdf.Expand(hmac, output, 0, 32, data, 0, 20, output, 32, 200);
            drbg.NextBytes(output, 0, 200);
        }
        Work(); // warm up (JIT, static constructors)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) Work();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"allocated by 10 rounds of hash/HMAC/PRF/HKDF/DRBG work: {allocated} bytes");
        Assert.AreEqual(0L, allocated);
    }

    [TestMethod]
    public void SystemEntropySourceFillsExactlyTheRange()
    {
        var source = new SystemEntropySource();
        byte[] b = new byte[66];
        source.GetEntropy(b, 1, 64);
        Assert.AreEqual((byte)0, b[0]);
        Assert.AreEqual((byte)0, b[65]);
        Assert.IsTrue(b.Skip(1).Take(64).Distinct().Count() > 16, "64 OS random bytes should not repeat this much");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => source.GetEntropy(b, 60, 10));
    }

    private static int LengthFor(Random rng, int i) => i < EdgeLengths.Length ? EdgeLengths[i] : rng.Next(0, 1500);

    private static byte[] RandomBytes(Random rng, int length)
    {
        byte[] b = new byte[length];
        rng.NextBytes(b);
        return b;
    }

    /// <summary>Feeds msg in random chunk sizes (including empty chunks).</summary>
    private static void Feed(Random rng, byte[] msg, Action<byte[], int, int> update)
    {
        int offset = 0;
        while (offset < msg.Length)
        {
            int n = Math.Min(msg.Length - offset, rng.Next(0, 150));
            update(msg, offset, n);
            offset += n;
        }
        update(msg, msg.Length, 0);
    }
}

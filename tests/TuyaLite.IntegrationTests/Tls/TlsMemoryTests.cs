using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// TlsMemory's engine sizes (read from the Crypto sources) against what constructing each engine allocates on the host:
/// the measured bytes must cover the constant, and exceed it by no more than .NET object/array headers.
/// </summary>
[TestClass]
public class TlsMemoryTests
{
    /// <summary>Generous .NET per-object cost beyond payload: header, method table, array length, alignment.</summary>
    private const int HeaderSlack = 40;

    private static long Allocated(Func<object> make)
    {
        GC.KeepAlive(make());
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(make());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static void Check(string name, int constant, int objects, Func<object> make)
    {
        long measured = Allocated(make);
        Console.WriteLine($"{name}: TlsMemory {constant} B, host allocation {measured} B in {objects} objects");
        Assert.IsTrue(measured >= constant, $"{name}: constant {constant} exceeds the measured {measured}");
        Assert.IsTrue(measured - constant <= objects * HeaderSlack, $"{name}: measured {measured} is far above the constant {constant}");
    }

    [TestMethod]
    public void EngineSizesMatchTheCryptoSources()
    {
        byte[] key = new byte[16];
        Check("Aes128", TlsMemory.Aes128Bytes, 2, () => new Aes128());
        Check("Gcm+Aes128", TlsMemory.GcmEngineBytes, 6, () => new Gcm(new Aes128()));
        Check("Ccm+Aes128", TlsMemory.CcmEngineBytes, 4, () => new Ccm(new Aes128(), 8));
        Check("Sha256", TlsMemory.Sha256Bytes, 3, () => new Sha256());
        Check("HmacSha256", TlsMemory.HmacBytes, 6, () => new HmacSha256());
        Check("TlsPrf", TlsMemory.PrfBytes, 9, () => new TlsPrf());
        Check("X509Certificate", TlsMemory.ParsedCertificateBytes, 3, () => new X509Certificate());
        Check("GcmRecordCipher", 25 + TlsMemory.GcmEngineBytes, 9, () => CipherState.Create(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, null));
    }
}

using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// Steady-state calls must not allocate: measured with GC.GetAllocatedBytesForCurrentThread over many calls after a
/// warm-up. Also prints what constructing each object costs on the host heap (the device figures are in
/// docs/crypto/aes-gcm-ccm.md).
/// </summary>
[TestClass]
public class AeadAllocationTests
{
    private const int Calls = 2000;

    private static long Allocated(Action action)
    {
        for (int i = 0; i < 50; i++) action();   // JIT and tiering out of the way
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++) action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long Constructed(Func<object> make)
    {
        make();
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(make());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [TestMethod]
    public void SteadyStateCallsAllocateNothing()
    {
        byte[] key = new byte[16], nonce = new byte[12], aad = new byte[13], tag = new byte[16];
        byte[] record = new byte[512];
        new Random(7).NextBytes(record);

        var aes = new Aes128();
        aes.SetKey(key, 0, 16);
        var gcm = new Gcm(new Aes128());
        gcm.SetKey(key, 0, 16);
        var ccm = new Ccm(new Aes128(), 8);
        ccm.SetKey(key, 0, 16);
        byte[] gcmTag = new byte[16], ccmTag = new byte[8], badTag = new byte[16];

        var figures = new (string Name, long Bytes)[]
        {
            ("Aes128.EncryptBlock (in place)", Allocated(() => aes.EncryptBlock(record, 0, record, 0))),
            ("Aes128.SetKey (re-key)", Allocated(() => aes.SetKey(key, 0, 16))),
            ("Gcm.SetKey (re-key)", Allocated(() => gcm.SetKey(key, 0, 16))),
            ("Gcm.Encrypt 512 B + 13 B AAD, in place", Allocated(() => gcm.Encrypt(nonce, 0, aad, 0, 13, record, 0, 512, record, 0, gcmTag, 0))),
            ("Gcm.Decrypt 512 B, tag ok, in place", Allocated(() =>
            {
                gcm.Encrypt(nonce, 0, aad, 0, 13, record, 0, 512, record, 0, gcmTag, 0);
                if (!gcm.Decrypt(nonce, 0, aad, 0, 13, record, 0, 512, record, 0, gcmTag, 0)) throw new InvalidOperationException();
            })),
            ("Gcm.Decrypt 512 B, tag fails", Allocated(() => gcm.Decrypt(nonce, 0, aad, 0, 13, record, 0, 512, record, 0, badTag, 0))),
            ("Ccm.Encrypt 512 B + 13 B AAD, CCM-8, in place", Allocated(() => ccm.Encrypt(nonce, 0, 12, aad, 0, 13, record, 0, 512, record, 0, ccmTag, 0))),
            ("Ccm.Decrypt 512 B, tag ok, in place", Allocated(() =>
            {
                ccm.Encrypt(nonce, 0, 12, aad, 0, 13, record, 0, 512, record, 0, ccmTag, 0);
                if (!ccm.Decrypt(nonce, 0, 12, aad, 0, 13, record, 0, 512, record, 0, ccmTag, 0)) throw new InvalidOperationException();
            })),
            ("Ccm.Decrypt 512 B, tag fails", Allocated(() => ccm.Decrypt(nonce, 0, 12, aad, 0, 13, record, 0, 512, record, 0, badTag, 0))),
        };
        foreach (var (name, bytes) in figures)
            Console.WriteLine($"allocated over {Calls} calls: {bytes,6} bytes  {name}");

        Console.WriteLine($"host heap per object: Aes128 {Constructed(() => new Aes128())} B, " +
            $"Gcm(own Aes128) {Constructed(() => new Gcm(new Aes128()))} B, Ccm(own Aes128) {Constructed(() => new Ccm(new Aes128(), 8))} B, " +
            $"GHash {Constructed(() => new GHash())} B");

        foreach (var (name, bytes) in figures) Assert.AreEqual(0L, bytes, name);
    }

    [TestMethod]
    public void HostNativeEngineUnderGcmAllocatesNothingPerRecord()
    {
        byte[] key = new byte[16], nonce = new byte[12], tag = new byte[16], record = new byte[512];
        using var engine = new DotNetAesBlockCipher();
        var gcm = new Gcm(engine);
        gcm.SetKey(key, 0, 16);
        long bytes = Allocated(() => gcm.Encrypt(nonce, 0, null, 0, 0, record, 0, 512, record, 0, tag, 0));
        Console.WriteLine($"allocated over {Calls} calls: {bytes,6} bytes  Gcm.Encrypt 512 B over DotNetAesBlockCipher");
        Assert.AreEqual(0L, bytes);
    }
}

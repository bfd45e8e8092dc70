using System.Text;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// The TuyaLite TLS client against a real peer: `openssl s_server` (TLS 1.2, P-256, ECDSA leaf from a fresh compact
/// PKI) on 127.0.0.1. Both suites, every Max Fragment Length, resumption by ticket and by session ID, mutual TLS,
/// and the measured figures (wire bytes, field multiplications, held bytes, allocations per record) printed.
/// </summary>
[TestClass]
public class TlsOpenSslTests
{
    private static OpenSslPki pki;

    [ClassInitialize]
    public static void CreatePki(TestContext _) { pki = new OpenSslPki(); }

    [ClassCleanup]
    public static void DeletePki() { pki?.Dispose(); }

    internal static TlsClientOptions Options(OpenSslPki p, int mfl)
    {
        return new TlsClientOptions
        {
            TrustedRoots = new[] { p.RootDer },
            Clock = new SystemClock(),
            Entropy = new SystemEntropySource(),
            MaxFragmentLength = mfl,
            HandshakeTimeout = 10000,
            ReadTimeout = 10000,
        };
    }

    private static TlsClient Connect(OpenSslServer server, TlsClientOptions options, TlsSession resume = null)
    {
        var client = new TlsClient(new SocketTransport(), options);
        if (resume != null) client.Session = resume;
        client.Connect("localhost", server.Port);
        return client;
    }

    /// <summary>GET / against -www; returns the page (read until the server closes).</summary>
    private static string Get(TlsClient client)
    {
        byte[] request = Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\nHost: localhost\r\n\r\n");
        client.Write(request, 0, request.Length);
        var page = new MemoryStream();
        byte[] buf = new byte[700];
        while (true)
        {
            int n;
            try
            {
                n = client.Read(buf, 0, buf.Length);
            }
            catch (TransportException) when (page.Length > 0)
            {
                break; // s_server -www may close the socket right after its close_notify
            }
            if (n == 0) break;
            page.Write(buf, 0, n);
        }
        return Encoding.ASCII.GetString(page.ToArray());
    }

    private static void Print(string label, TlsClient c)
    {
        TlsDiagnostics d = c.Diagnostics;
        Console.WriteLine($"{label}: suite={d.CipherSuiteName} mfl={d.FragmentLength} resumed={d.Resumed} ems={d.ExtendedMasterSecret} " +
            $"sent={d.HandshakeBytesSent} received={d.HandshakeBytesReceived} total={d.HandshakeBytesSent + d.HandshakeBytesReceived} " +
            $"certs={d.CertificateCount} [{string.Join(",", d.CertificateSizes ?? Array.Empty<int>())}] cn={d.LeafCommonName} " +
            $"fieldMuls={d.FieldMultiplications} ms={d.HandshakeMilliseconds} held={c.HeldBytes} peak={d.PeakHeldBytes}");
    }

    [TestMethod]
    public void GcmHandshakeAndHttpGet()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        TlsClient client = Connect(server, Options(pki, 1024));
        Print("gcm", client);
        Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, client.Diagnostics.CipherSuite);
        Assert.IsTrue(client.Diagnostics.ExtendedMasterSecret);
        Assert.AreEqual("localhost", client.Diagnostics.LeafCommonName);
        string page = Get(client);
        StringAssert.StartsWith(page, "HTTP/1.0 200 ok", server.Output);
        StringAssert.Contains(page, "ECDHE-ECDSA-AES128-GCM-SHA256");
        client.Close();
    }

    [TestMethod]
    public void Ccm8HandshakeAndHttpGet()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Ccm8, "-www");
        TlsClient client = Connect(server, Options(pki, 1024));
        Print("ccm8", client);
        Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, client.Diagnostics.CipherSuite);
        StringAssert.Contains(Get(client), "ECDHE-ECDSA-AES128-CCM8");
        client.Close();
    }

    [TestMethod]
    [DataRow(512)]
    [DataRow(1024)]
    [DataRow(2048)]
    [DataRow(4096)]
    [DataRow(0)]
    public void EveryMaxFragmentLength(int mfl)
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        TlsClient client = Connect(server, Options(pki, mfl));
        Print("mfl " + mfl, client);
        Assert.AreEqual(mfl, client.Diagnostics.FragmentLength);
        int fragment = mfl == 0 ? 16384 : mfl;
        Assert.AreEqual(2 * (5 + fragment + 24), HeldRecordBuffers(client));
        StringAssert.StartsWith(Get(client), "HTTP/1.0 200 ok");
    }

    private static int HeldRecordBuffers(TlsClient client)
    {
        // HeldBytes minus what is not a record buffer: cipher states, session, post-handshake header, one parsed pinned
        // root, DRBG.
        int ciphers = 2 * (12 + 13 + TlsMemory.GcmEngineBytes);
        return client.HeldBytes - ciphers - (client.Session?.HeldBytes ?? 0) - 4 - TlsMemory.ParsedCertificateBytes - TlsMemory.DrbgBytes;
    }

    [TestMethod]
    public void ResumptionByTicket()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        TlsClient first = Connect(server, Options(pki, 512));
        Print("full (ticket issued)", first);
        Assert.IsNotNull(first.Session?.Ticket, "s_server issues a ticket");
        StringAssert.StartsWith(Get(first), "HTTP/1.0 200 ok");

        TlsClient second = Connect(server, Options(pki, 512), first.Session);
        Print("resumed by ticket", second);
        Assert.IsTrue(second.Diagnostics.Resumed, server.Output);
        Assert.AreEqual(0L, second.Diagnostics.FieldMultiplications);
        StringAssert.StartsWith(Get(second), "HTTP/1.0 200 ok");
    }

    [TestMethod]
    public void ResumptionBySessionId()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www -no_ticket");
        TlsClient first = Connect(server, Options(pki, 512));
        Print("full (session id)", first);
        Assert.IsNull(first.Session.Ticket);
        Assert.IsTrue(first.Session.SessionId.Length > 0);
        Get(first);

        TlsClient second = Connect(server, Options(pki, 512), first.Session);
        Print("resumed by session id", second);
        Assert.IsTrue(second.Diagnostics.Resumed, server.Output);
        Assert.AreEqual(0L, second.Diagnostics.FieldMultiplications);
        StringAssert.StartsWith(Get(second), "HTTP/1.0 200 ok");
    }

    [TestMethod]
    public void ResumptionAfterRebootThroughStorage()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Ccm8, "-www");
        var storage = new DictionaryStorage();
        TlsClientOptions o = Options(pki, 1024);
        o.SessionStorage = storage;
        TlsClient first = Connect(server, o);
        Get(first);
        TlsClientOptions afterReboot = Options(pki, 1024);
        afterReboot.SessionStorage = storage;
        TlsClient second = Connect(server, afterReboot);
        Assert.IsTrue(second.Diagnostics.Resumed);
        Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, second.Diagnostics.CipherSuite);
        StringAssert.StartsWith(Get(second), "HTTP/1.0 200 ok");
    }

    [TestMethod]
    public void MutualTls()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www -Verify 1 -CAfile root.crt -verify_return_error");
        TlsClientOptions o = Options(pki, 1024);
        o.ClientCertificate = pki.ClientDer;
        o.ClientPrivateKey = pki.ClientKey;
        TlsClient client = Connect(server, o);
        Print("mutual", client);
        string page = Get(client);
        StringAssert.StartsWith(page, "HTTP/1.0 200 ok", server.Output);
        Assert.IsTrue(server.WaitForOutput("device-0001"), server.Output); // s_server prints the peer certificate asynchronously
    }

    [TestMethod]
    public void MutualTlsWithoutDeviceCertificateIsRefusedByTheServer()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www -Verify 1 -CAfile root.crt -verify_return_error");
        var client = new TlsClient(new SocketTransport(), Options(pki, 1024));
        var e = Assert.ThrowsExactly<TlsAlertException>(() => client.Connect("localhost", server.Port));
        Console.WriteLine("server refused an empty client certificate with " + TlsAlert.Name(e.Alert));
    }

    [TestMethod]
    public void NoAllocationPerApplicationRecord()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-rev");
        TlsClient client = Connect(server, Options(pki, 512));
        byte[] message = Encoding.ASCII.GetBytes(new string('x', 99) + "\n");
        byte[] buf = new byte[512];
        void RoundTrip()
        {
            client.Write(message, 0, message.Length);
            int got = 0;
            while (got < message.Length) got += client.Read(buf, got, buf.Length - got);
        }
        for (int i = 0; i < 20; i++) RoundTrip();
        const int Rounds = 500;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++) RoundTrip();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"allocations over {Rounds} writes + {Rounds} reads of 100-byte records (SocketTransport, GCM): {allocated} bytes, {allocated / (2.0 * Rounds):F2} per record");
        // The average, not the sum: one array per record would be >= 24 B x 1,000; the .NET socket layer itself may
        // allocate a few bytes once in a while on a loaded machine (docs/memory.md).
        Assert.AreEqual(0L, allocated / (2 * Rounds), $"{allocated} B over {2 * Rounds} records");
        client.Close();
    }

    [TestMethod]
    public void ReaderAndWriterThreadsShareOneConnection()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-rev");
        TlsClient client = Connect(server, Options(pki, 512));
        const int Messages = 300;
        byte[] line = Encoding.ASCII.GetBytes(new string('r', 63) + "\n");
        long received = 0;
        Exception readerFailure = null;
        var reader = new Thread(() =>
        {
            byte[] buf = new byte[256];
            try
            {
                while (Interlocked.Read(ref received) < Messages * line.Length)
                {
                    int n = client.Read(buf, 0, buf.Length);
                    if (n == 0) break;
                    Interlocked.Add(ref received, n);
                }
                // Now block in Read until the main thread closes the connection.
                client.ReadTimeout = 0;
                client.Read(buf, 0, buf.Length);
            }
            catch (TransportException)
            {
                // expected once Close runs while this thread waits
            }
            catch (Exception e)
            {
                readerFailure = e;
            }
        });
        reader.Start();
        for (int i = 0; i < Messages; i++) client.Write(line, 0, line.Length);
        SpinWait.SpinUntil(() => Interlocked.Read(ref received) >= Messages * line.Length, 10000);
        Assert.AreEqual((long)Messages * line.Length, Interlocked.Read(ref received));
        Thread.Sleep(100);
        client.Close();
        Assert.IsTrue(reader.Join(5000), "reader thread still blocked after Close");
        Assert.IsNull(readerFailure, readerFailure?.ToString());
    }

    [TestMethod]
    public void AllocationsPerHandshake()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        Connect(server, Options(pki, 512)).Close(); // warm-up: JIT, P-256 tables
        TlsClientOptions o = Options(pki, 512);
        var full = new TlsClient(new SocketTransport(), o);
        long before = GC.GetAllocatedBytesForCurrentThread();
        full.Connect("localhost", server.Port);
        long fullBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        TlsSession session = full.Session;
        full.Close();
        var resumed = new TlsClient(new SocketTransport(), o) { Session = session };
        before = GC.GetAllocatedBytesForCurrentThread();
        resumed.Connect("localhost", server.Port);
        long resumedBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.IsTrue(resumed.Diagnostics.Resumed);
        Console.WriteLine($"host allocations (TlsClient.Connect incl. SocketTransport, MFL 512): full {fullBytes} B, resumed {resumedBytes} B");
        Assert.IsTrue(fullBytes < 64 * 1024, "full handshake allocated " + fullBytes);
    }

    [TestMethod]
    public void Tls13OnlyServerIsRefusedWithProtocolVersion()
    {
        using var server = OpenSslServer.Start(pki.Directory, "-cert server.crt -key server.key -tls1_3 -groups P-256 -www");
        var client = new TlsClient(new SocketTransport(), Options(pki, 1024));
        var e = Assert.ThrowsExactly<TlsAlertException>(() => client.Connect("localhost", server.Port));
        Assert.AreEqual(TlsAlert.ProtocolVersion, e.Alert, e.Message);
    }

    [TestMethod]
    public void ServerWithOnlyOtherSuitesIsRefused()
    {
        using var server = OpenSslServer.StartStandard(pki, "ECDHE-ECDSA-AES256-GCM-SHA384", "-www");
        var client = new TlsClient(new SocketTransport(), Options(pki, 1024));
        var e = Assert.ThrowsExactly<TlsAlertException>(() => client.Connect("localhost", server.Port));
        Assert.AreEqual(TlsAlert.HandshakeFailure, e.Alert, e.Message);
    }

    [TestMethod]
    public void WrongHostIsRefusedByThePolicy()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        TlsClientOptions o = Options(pki, 1024);
        o.ServerName = "device.example.com";
        var client = new TlsClient(new SocketTransport(), o);
        var e = Assert.ThrowsExactly<TlsCertificateException>(() => client.Connect("127.0.0.1", server.Port));
        Assert.AreEqual(CertificateError.HostnameMismatch, e.Error, e.Message);
    }

    /// <summary>IStorage in a dictionary (host tests).</summary>
    private sealed class DictionaryStorage : IStorage
    {
        private readonly Dictionary<string, byte[]> values = new();

        public int Read(string key, byte[] buffer, int offset, int count)
        {
            if (!values.TryGetValue(key, out byte[] v)) return -1;
            if (v.Length > count) throw new ArgumentException("buffer too small");
            v.CopyTo(buffer, offset);
            return v.Length;
        }

        public void Write(string key, byte[] buffer, int offset, int count) => values[key] = buffer.AsSpan(offset, count).ToArray();

        public void Delete(string key) => values.Remove(key);
    }
}

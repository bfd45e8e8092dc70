using System.Text;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// The figures of docs/memory.md, measured against `openssl s_server` and printed as Markdown tables:
/// <c>dotnet test tests/TuyaLite.IntegrationTests --filter FullyQualifiedName~TlsMemoryReport --logger "console;verbosity=detailed"</c>.
/// Held bytes come from TlsClient.HeldBytes (array lengths + TlsMemory engine constants) and are rebuilt here from
/// their parts, which must add up; allocations from GC.GetAllocatedBytesForCurrentThread with the socket connected
/// beforehand, so they are the TLS client's own.
/// </summary>
[TestClass]
public class TlsMemoryReportTests
{
    private const int GoalAtMfl512 = 3 * 1024;
    private const int NanoFrameworkSslStream = 2 * 16_700; // design.md: about 2 x 16.7 KB per connection
    /// <summary>Host allocations of one full handshake (MFL 512, P-256 working memory included; measured about 17-19 KB
    /// with or without the socket connect): the ceiling both this report and TlsOpenSslTests assert.</summary>
    internal const int FullHandshakeAllocationLimit = 48 * 1024;

    private static OpenSslPki pki;

    [ClassInitialize]
    public static void CreatePki(TestContext _) { pki = new OpenSslPki(); }

    [ClassCleanup]
    public static void DeletePki() { pki?.Dispose(); }

    private sealed class Measured
    {
        public TlsClient Client;
        public int PeakSampled;
        public long Allocated;
    }

    private static Measured Connect(OpenSslServer server, TlsClientOptions options, TlsSession resume = null)
    {
        var transport = new MeasuringTransport();
        var m = new Measured { Client = new TlsClient(transport, options) };
        if (resume != null) m.Client.Session = resume;
        transport.Probe = () => m.PeakSampled = Math.Max(m.PeakSampled, m.Client.HeldBytes);
        transport.Preconnect("localhost", server.Port);
        long before = GC.GetAllocatedBytesForCurrentThread();
        m.Client.Connect("localhost", server.Port);
        m.Allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        transport.Probe = null;
        return m;
    }

    private static TlsClientOptions Options(int mfl, params int[] suites)
    {
        TlsClientOptions o = TlsOpenSslTests.Options(pki, mfl);
        if (suites.Length > 0) o.CipherSuites = suites;
        return o;
    }

    /// <summary>The parts of HeldBytes after a handshake, rebuilt independently; asserts they add up.</summary>
    internal static (string Name, int Bytes)[] Breakdown(TlsClient c, TlsClientOptions o)
    {
        int suite = c.Diagnostics.CipherSuite;
        int fragment = o.MaxFragmentLength == 0 ? 16384 : o.MaxFragmentLength;
        int overhead = CipherState.MaxOverhead(o.CipherSuites);
        int cipher = CipherState.Create(suite, null).HeldBytes;
        var parts = new (string, int)[]
        {
            ($"record input buffer (5 + {fragment} + {overhead})", 5 + fragment + overhead),
            ($"record output buffer (5 + {fragment} + {overhead})", 5 + fragment + overhead),
            ($"read cipher state ({(suite == TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ? "AES round keys, GHASH key, nonce, AAD" : "AES round keys, CCM scratch, nonce, AAD")})", cipher),
            ("write cipher state (same)", cipher),
            ("post-handshake message header", TlsConstants.HandshakeHeaderSize),
            ($"parsed pinned roots ({o.TrustedRoots.Length} x {TlsMemory.ParsedCertificateBytes}: extension slots, fields; DER in place)", o.TrustedRoots.Length * TlsMemory.ParsedCertificateBytes),
            ("HMAC-DRBG made from the entropy source", o.Random == null ? TlsMemory.DrbgBytes : 0),
            ($"session (master secret 48, session ID {c.Session?.SessionId?.Length ?? 0}, ticket {c.Session?.Ticket?.Length ?? 0})", c.Session?.HeldBytes ?? 0),
        };
        Assert.AreEqual(parts.Sum(p => p.Item2), c.HeldBytes, "the breakdown must add up to TlsClient.HeldBytes");
        return parts;
    }

    [TestMethod]
    public void TlsMemoryReport()
    {
        var report = new StringBuilder();
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        using var noTicket = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www -no_ticket");
        using var ccm = OpenSslServer.StartStandard(pki, OpenSslServer.Ccm8, "-www");
        Connect(server, Options(512)).Client.Close(); // warm-up: JIT and the P-256 tables (built once per process)

        // ---- held bytes per connection
        report.AppendLine("### Held per connection after the handshake (GCM and CCM-8 offered, suite GCM, ticket session)");
        int held512 = 0, peak512 = 0;
        foreach (int mfl in new[] { 512, 4096 })
        {
            TlsClientOptions o = Options(mfl);
            Measured m = Connect(server, o);
            report.AppendLine().AppendLine($"MFL {mfl}:").AppendLine().AppendLine("| part | bytes |").AppendLine("| --- | --- |");
            foreach (var (name, bytes) in Breakdown(m.Client, o)) report.AppendLine($"| {name} | {bytes} |");
            report.AppendLine($"| **total `HeldBytes`** | **{m.Client.HeldBytes}** |");
            report.AppendLine($"| peak during the handshake: sampled at every transport read/write / at its end (`PeakHeldBytes`) | {m.PeakSampled} / {m.Client.Diagnostics.PeakHeldBytes} |");
            if (mfl == 512)
            {
                held512 = m.Client.HeldBytes;
                peak512 = m.PeakSampled;
            }
            m.Client.Close();
        }

        report.AppendLine().AppendLine("### Variants at MFL 512").AppendLine().AppendLine("| configuration | held after handshake | peak sampled |").AppendLine("| --- | --- | --- |");
        void Variant(string name, OpenSslServer s, TlsClientOptions o)
        {
            Measured m = Connect(s, o);
            Breakdown(m.Client, o);
            report.AppendLine($"| {name} | {m.Client.HeldBytes} | {m.PeakSampled} |");
            m.Client.Close();
        }
        Variant("GCM, ticket (176 B) session, own DRBG", server, Options(512));
        Variant("GCM, session ID only (`-no_ticket`), own DRBG", noTicket, Options(512));
        TlsClientOptions shared = Options(512);
        shared.Random = new HmacDrbg(new SystemEntropySource(), null);
        Variant("GCM, session ID only, DRBG shared with the application (`Random`)", noTicket, shared);
        Variant("CCM-8 only offered (overhead 16), ticket session", ccm, Options(512, TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8));
        TlsClientOptions noResume = Options(512);
        noResume.EnableResumption = false;
        Variant("GCM, resumption disabled (no session kept)", server, noResume);

        // ---- allocations
        report.AppendLine().AppendLine("### Allocations (host, GC.GetAllocatedBytesForCurrentThread, socket connected beforehand)").AppendLine();
        report.AppendLine("| operation | bytes allocated |").AppendLine("| --- | --- |");
        {
            Measured full = Connect(server, Options(512));
            TlsSession session = full.Client.Session;
            full.Client.Close();
            Measured resumed = Connect(server, Options(512), session);
            Assert.IsTrue(resumed.Client.Diagnostics.Resumed);
            resumed.Client.Close();
            Measured fullId = Connect(noTicket, Options(512));
            report.AppendLine($"| full handshake, MFL 512 (ticket issued) | {full.Allocated} |");
            report.AppendLine($"| full handshake, MFL 512 (session ID) | {fullId.Allocated} |");
            report.AppendLine($"| resumed handshake (ticket), MFL 512 | {resumed.Allocated} |");
            fullId.Client.Close();
            Assert.IsTrue(full.Allocated < FullHandshakeAllocationLimit, $"full handshake allocated {full.Allocated} B");
        }
        long largestP256 = 0;
        foreach (var (name, op) in P256Operations())
        {
            long bytes = AllocatedBy(op);
            largestP256 = Math.Max(largestP256, bytes);
            report.AppendLine($"| P-256 {name}, one call alone (working memory, garbage after the call) | {bytes} |");
        }
        using (var rev = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-rev"))
        {
            foreach (int mfl in new[] { 512, 4096 })
            {
                long total = AllocationsPerRecord(rev, mfl, out int rounds);
                // Averaged: a per-record allocation would cost at least one array header (24 B) x 600 records; the
                // .NET socket layer may allocate a few bytes once in a while on a loaded machine (seen: 56 B in all).
                long perRecord = total / (2 * rounds);
                report.AppendLine($"| application data, MFL {mfl}: {rounds} writes + {rounds} reads of 100-byte records | {total} in all, {perRecord} per record |");
                Assert.AreEqual(0L, perRecord, $"allocation per application record at MFL {mfl} ({total} B over {2 * rounds} records)");
            }
        }

        // ---- wire bytes
        report.AppendLine().AppendLine($"### Bytes on the wire, MFL 512, GCM, compact chain (leaf {pki.ServerDer.Length} B DER, sent alone)").AppendLine();
        report.AppendLine("| handshake | client sent | client received | total | field multiplications |").AppendLine("| --- | --- | --- | --- | --- |");
        void Wire(string name, TlsClient c) =>
            report.AppendLine($"| {name} | {c.Diagnostics.HandshakeBytesSent} | {c.Diagnostics.HandshakeBytesReceived} | {c.Diagnostics.HandshakeBytesSent + c.Diagnostics.HandshakeBytesReceived} | {c.Diagnostics.FieldMultiplications} |");
        {
            TlsClient full = Connect(server, Options(512)).Client;
            Wire("full, ticket issued", full);
            int ticket = full.Session.Ticket.Length;
            full.Close();
            TlsClient byTicket = Connect(server, Options(512), full.Session).Client;
            Assert.IsTrue(byTicket.Diagnostics.Resumed);
            Wire($"resumed by ticket ({ticket}-byte ticket in the ClientHello)", byTicket);
            byTicket.Close();
            TlsClient fullId = Connect(noTicket, Options(512)).Client;
            Wire("full, session ID only", fullId);
            fullId.Close();
            TlsClient byId = Connect(noTicket, Options(512), fullId.Session).Client;
            Assert.IsTrue(byId.Diagnostics.Resumed);
            Wire("resumed by session ID", byId);
            Assert.AreEqual(0L, byId.Diagnostics.FieldMultiplications);
            byId.Close();
        }

        // ---- summary
        report.AppendLine().AppendLine("### Summary").AppendLine();
        report.AppendLine($"- held per connection at MFL 512: {held512} B; goal <= {GoalAtMfl512} B: {(held512 <= GoalAtMfl512 ? "met" : "NOT met")}");
        report.AppendLine($"- peak during a full handshake at MFL 512: at most {peak512} B held + {largestP256} B of P-256 working memory = {peak512 + largestP256} B");
        report.AppendLine($"- nanoFramework's native SslStream: about {NanoFrameworkSslStream} B per connection, {NanoFrameworkSslStream / (double)held512:F1}x this");
        Console.WriteLine(report.ToString());
        Assert.IsTrue(held512 <= GoalAtMfl512, $"held {held512} B at MFL 512, goal {GoalAtMfl512}");
    }

    private static (string, Action)[] P256Operations()
    {
        var rng = new HmacDrbg(new SystemEntropySource(), null);
        byte[] priv = new byte[32], pub = new byte[65], peerPriv = new byte[32], peerPub = new byte[65], shared = new byte[32];
        byte[] hash = new byte[32], sig = new byte[72];
        P256.GenerateKeyPair(rng, priv, 0, pub, 0);
        P256.GenerateKeyPair(rng, peerPriv, 0, peerPub, 0);
        int sigLength = P256.SignDer(priv, 0, hash, 0, sig, 0);
        return
        [
            ("ephemeral key generation", () => P256.GenerateKeyPair(rng, priv, 0, pub, 0)),
            ("ECDH", () => P256.Ecdh(priv, 0, peerPub, 0, 65, shared, 0)),
            ("ECDSA verification (done twice: leaf signature, ServerKeyExchange)", () => P256.VerifyDer(pub, 0, 65, hash, 0, sig, 0, sigLength)),
            ("ECDSA signing (mutual TLS only)", () => P256.SignDer(priv, 0, hash, 0, sig, 0)),
        ];
    }

    private static long AllocatedBy(Action op)
    {
        op();
        long before = GC.GetAllocatedBytesForCurrentThread();
        op();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long AllocationsPerRecord(OpenSslServer rev, int mfl, out int rounds)
    {
        var client = new TlsClient(new SocketTransport(), Options(mfl));
        client.Connect("localhost", rev.Port);
        byte[] message = Encoding.ASCII.GetBytes(new string('m', 99) + "\n");
        byte[] buf = new byte[512];
        void RoundTrip()
        {
            client.Write(message, 0, message.Length);
            TransportReads.ReadExactly(client, buf, 0, message.Length);
        }
        for (int i = 0; i < 20; i++) RoundTrip();
        rounds = 300;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < rounds; i++) RoundTrip();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        client.Close();
        return allocated;
    }
}

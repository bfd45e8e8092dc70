using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using TuyaLite.IntegrationTests.Tls;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Benchmarks;

/// <summary>
/// Full and resumed TLS 1.2 handshakes (ECDHE-ECDSA P-256, AES-128-GCM, session-ID resumption) against one local
/// `openssl s_server -no_ticket`: TuyaLite's TlsClient, .NET SslStream (native OpenSSL) and BouncyCastle's managed
/// TlsClientProtocol, each verifying the server against the same pinned root. Each figure is the median wall time
/// of TCP connect + handshake + close, the server's work included (the same for all three).
/// </summary>
public static class TlsHandshakeBenchmarks
{
    /// <summary>One TLS client implementation: connects, handshakes (resuming its last session if asked), optionally
    /// sends an HTTP request and returns the reply, closes.</summary>
    public interface IClient
    {
        string Name { get; }
        string Connect(int port, bool resume, string request);
    }

    public static void Run(int fullRuns, int resumedRuns)
    {
        using var pki = new OpenSslPki();
        Console.WriteLine($"TLS 1.2 handshakes against openssl s_server on 127.0.0.1 (median of {fullRuns} full / {resumedRuns} resumed; TCP connect and close included)");
        Console.WriteLine("TuyaLite / this = TuyaLite's median time divided by this client's (> 1: TuyaLite slower).");
        Console.WriteLine();
        Console.WriteLine("s_server issues tickets (its default): TuyaLite and SslStream resume by ticket, BouncyCastle by session ID");
        Compare(pki, "-www", fullRuns, resumedRuns);
        Console.WriteLine();
        Console.WriteLine("s_server -no_ticket: resumption by session ID only");
        Compare(pki, "-www -no_ticket", fullRuns, resumedRuns);
    }

    private static void Compare(OpenSslPki pki, string serverArgs, int fullRuns, int resumedRuns)
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, serverArgs);
        IClient[] clients = [new TuyaLiteClient(pki), new SslStreamClient(pki), new BouncyCastleTlsClient(pki)];
        var table = new Table("client", "full handshake", "resumed handshake", "resumed?", "TuyaLite / this (full)", "TuyaLite / this (resumed)");
        double tuyaFull = 0, tuyaResumed = 0;
        foreach (IClient c in clients)
        {
            // Check once that each client really handshakes and resumes (s_server's -www page says New or Reused).
            string first = c.Connect(server.Port, false, "GET / HTTP/1.0\r\n\r\n");
            c.Connect(server.Port, true, null);
            string again = c.Connect(server.Port, true, "GET / HTTP/1.0\r\n\r\n");
            if (!first.Contains("New, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-GCM-SHA256")) throw new InvalidOperationException(c.Name + ": unexpected page " + first);
            bool resumes = again.Contains("Reused, TLSv1.2");

            double full = Median(fullRuns, () => c.Connect(server.Port, false, null));
            c.Connect(server.Port, false, null);
            double resumed = Median(resumedRuns, () => c.Connect(server.Port, true, null));
            if (c is TuyaLiteClient)
            {
                tuyaFull = full;
                tuyaResumed = resumed;
            }
            table.Add(c.Name, Ms(full), Ms(resumed), resumes ? "yes" : "no (full again)", $"{tuyaFull / full:F2}", resumes ? $"{tuyaResumed / resumed:F2}" : "-");
        }
        table.Print();
    }

    private static double Median(int runs, Action connect)
    {
        for (int i = 0; i < 5; i++) connect(); // warm-up: JIT, tables, caches
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            connect();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }

    private static string Ms(double ms) => $"{ms:F2} ms";

    private static string ReadAll(Func<byte[], int> read)
    {
        var reply = new MemoryStream();
        byte[] buf = new byte[4096];
        try
        {
            int n;
            while ((n = read(buf)) > 0) reply.Write(buf, 0, n);
        }
        catch (IOException)
        {
            // s_server -www may close the socket right after its close_notify
        }
        return Encoding.ASCII.GetString(reply.ToArray());
    }

    /// <summary>TuyaLite's TlsClient (MFL 1024, EMS, the device library's policy), a new client per connection.</summary>
    private sealed class TuyaLiteClient(OpenSslPki pki) : IClient
    {
        private TlsSession session;

        public string Name => "TuyaLite TlsClient (managed)";

        public string Connect(int port, bool resume, string request)
        {
            var client = new TlsClient(new SocketTransport(), new TlsClientOptions
            {
                TrustedRoots = [pki.RootDer],
                Clock = new SystemClock(),
                Entropy = new SystemEntropySource(),
            });
            if (resume) client.Session = session;
            client.Connect("localhost", port);
            session = client.Session;
            string reply = null;
            if (request != null)
            {
                byte[] r = Encoding.ASCII.GetBytes(request);
                client.Write(r, 0, r.Length);
                reply = ReadAll(b => client.Read(b, 0, b.Length));
            }
            client.Close();
            return reply;
        }
    }

    /// <summary>.NET SslStream (OpenSSL underneath), chain built against the pinned root only.</summary>
    private sealed class SslStreamClient(OpenSslPki pki) : IClient
    {
        private readonly X509Certificate2 root = X509CertificateLoader.LoadCertificate(pki.RootDer);

        public string Name => ".NET SslStream (native OpenSSL)";

        public string Connect(int port, bool resume, string request)
        {
            using var tcp = new TcpClient("localhost", port) { NoDelay = true };
            using var ssl = new SslStream(tcp.GetStream(), false);
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.Add(root);
            ssl.AuthenticateAsClient(new SslClientAuthenticationOptions
            {
                TargetHost = "localhost",
                EnabledSslProtocols = SslProtocols.Tls12,
                CertificateChainPolicy = policy,
                AllowTlsResume = resume,
            });
            string reply = null;
            if (request != null)
            {
                ssl.Write(Encoding.ASCII.GetBytes(request));
                reply = ReadAll(b => ssl.Read(b, 0, b.Length));
            }
            return reply;
        }
    }
}

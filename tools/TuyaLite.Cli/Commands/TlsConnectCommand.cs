using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using TuyaLite.Cli.Tls;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Cli.Commands;

/// <summary>
/// `tuyalite tls connect HOST:PORT --ca FILE [--sni NAME] [--mfl N] [--suite gcm|ccm8] [--resume]
/// [--client-cert FILE --client-key FILE] [--send TEXT] [--json]`: runs the device library's TlsClient over a host
/// socket, prints what each handshake negotiated and cost, optionally sends TEXT and prints the reply. Exit 0 on
/// success, 1 with a one-line reason when a handshake (or, with --resume, the resumption) fails, 2 for unusable input.
/// </summary>
public static class TlsConnectCommand
{
    public sealed class Settings
    {
        public string Target;
        public FileInfo Ca;
        public string Sni;
        public int Mfl = 1024;
        public string Suite;
        public bool Resume;
        public FileInfo ClientCert;
        public FileInfo ClientKey;
        public string Send;
        public bool Json;
        public int TimeoutMs = 10000;
        public int IdleMs = 2000;
    }

    public static Command Create()
    {
        var target = new Argument<string>("HOST:PORT") { Description = "Server to connect to (IPv6: [addr]:port)" };
        var ca = new Option<FileInfo>("--ca") { Description = "Pinned root certificate(s), PEM or DER", Required = true };
        var sni = new Option<string>("--sni") { Description = "Server name sent in SNI and checked against the certificate (default: HOST)" };
        var mfl = new Option<int>("--mfl") { Description = "Max Fragment Length offered: 512, 1024, 2048, 4096 (0 = not offered)", DefaultValueFactory = _ => 1024 };
        mfl.AcceptOnlyFromAmong("0", "512", "1024", "2048", "4096");
        var suite = new Option<string>("--suite") { Description = "Offer only this suite (default: GCM, then CCM-8)" };
        suite.AcceptOnlyFromAmong("gcm", "ccm8");
        var resume = new Option<bool>("--resume") { Description = "Connect twice; the second handshake must resume the first session" };
        var clientCert = new Option<FileInfo>("--client-cert") { Description = "Device certificate for mutual TLS, PEM or DER" };
        var clientKey = new Option<FileInfo>("--client-key") { Description = "Device P-256 private key, PEM (EC PRIVATE KEY or PKCS#8)" };
        var send = new Option<string>("--send") { Description = "Text to send after the handshake (escapes: \\r \\n \\t \\0 \\\\ \\xHH); the reply is printed" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var timeout = new Option<int>("--timeout") { Description = "Milliseconds for the TCP connect and each handshake read", DefaultValueFactory = _ => 10000 };
        var idle = new Option<int>("--idle") { Description = "Milliseconds of silence that end the reply to --send", DefaultValueFactory = _ => 2000 };
        var command = new Command("connect", "Handshake with a TLS 1.2 server using the device library's TlsClient")
        {
            target, ca, sni, mfl, suite, resume, clientCert, clientKey, send, json, timeout, idle,
        };
        command.SetAction(r => Run(new Settings
        {
            Target = r.GetValue(target),
            Ca = r.GetValue(ca),
            Sni = r.GetValue(sni),
            Mfl = r.GetValue(mfl),
            Suite = r.GetValue(suite),
            Resume = r.GetValue(resume),
            ClientCert = r.GetValue(clientCert),
            ClientKey = r.GetValue(clientKey),
            Send = r.GetValue(send),
            Json = r.GetValue(json),
            TimeoutMs = r.GetValue(timeout),
            IdleMs = r.GetValue(idle),
        }, r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(Settings s, TextWriter output, TextWriter error)
    {
        string host;
        int port;
        TlsClientOptions options;
        byte[] payload;
        try
        {
            (host, port) = ParseTarget(s.Target);
            options = BuildOptions(s);
            payload = s.Send == null ? null : TextEscapes.Decode(s.Send);
            if (s.TimeoutMs <= 0 || s.IdleMs <= 0) throw new FormatException("--timeout and --idle must be positive");
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException or CryptographicException)
        {
            error.WriteLine("tuyalite tls connect: " + e.Message);
            return ExitCodes.Usage;
        }

        var run = new Outcome { Host = host, Port = port, ServerName = s.Sni ?? host };
        var tap = new WireTap(new SocketTransport { ConnectTimeout = s.TimeoutMs });
        TlsClient client;
        try
        {
            client = new TlsClient(tap, options);
        }
        catch (Exception e) when (e is TlsCertificateException or ArgumentException)
        {
            error.WriteLine("tuyalite tls connect: --ca: " + e.Message);
            return ExitCodes.Usage;
        }

        if (!s.Json) output.WriteLine($"tls connect {host}:{port} (SNI {run.ServerName}, MFL {(s.Mfl == 0 ? "not offered" : s.Mfl)}, suites {SuiteList(options.CipherSuites)})");
        try
        {
            int rounds = s.Resume ? 2 : 1;
            for (int i = 1; i <= rounds; i++)
            {
                try
                {
                    client.Connect(host, port);
                }
                catch (Exception)
                {
                    run.HandshakeFailed = true;
                    throw;
                }
                finally
                {
                    run.LastChain = ServerChain.Parse(tap.Received);
                }
                var report = HandshakeReport.From(client, run.LastChain);
                run.Handshakes.Add(report);
                if (!s.Json) report.Print(output, i);
                if (i < rounds)
                {
                    if (client.Session == null) throw new ResumptionException("the server offered nothing to resume (no session ID, no ticket)");
                    client.Close();
                }
                else if (s.Resume && !report.Resumed) throw new ResumptionException("the server did not resume the session (full handshake again)");
            }
            if (payload != null) Exchange(client, payload, s, run, output);
            client.Close();
            run.Ok = true;
        }
        catch (Exception e) when (ConnectFailure.From(e) != null || e is ResumptionException)
        {
            client.Close();
            run.Failure = e is ResumptionException ? new ConnectFailure("resumption", e.Message, null, null) : ConnectFailure.From(e);
        }

        if (s.Json) output.WriteLine(run.ToJson());
        else if (run.Ok) output.WriteLine("ok");
        else
        {
            if (run.Handshakes.Count == 0 && run.LastChain.Count > 0)
                output.WriteLine("server chain: " + HandshakeReport.ChainText(run.LastChain, null));
            output.WriteLine("failed: " + run.Failure.Reason);
        }
        return run.Ok ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Sends the payload, then reads until close_notify, the peer closing, or --idle ms of silence.</summary>
    private static void Exchange(TlsClient client, byte[] payload, Settings s, Outcome run, TextWriter output)
    {
        client.Write(payload, 0, payload.Length);
        run.SentBytes = payload.Length;
        if (!s.Json) output.WriteLine($"sent {payload.Length} B: {TextEscapes.Display(payload, payload.Length, false)}");
        client.ReadTimeout = s.IdleMs;
        var reply = new MemoryStream();
        byte[] buffer = new byte[4096];
        while (true)
        {
            int n;
            try
            {
                n = client.Read(buffer, 0, buffer.Length);
            }
            catch (TransportTimeoutException)
            {
                run.ReplyEnd = "idle " + s.IdleMs + " ms";
                break;
            }
            catch (TransportException) when (!client.IsConnected)
            {
                run.ReplyEnd = "connection closed without close_notify";
                break;
            }
            if (n == 0)
            {
                run.ReplyEnd = "close_notify";
                break;
            }
            reply.Write(buffer, 0, n);
        }
        run.Reply = reply.ToArray();
        if (!s.Json)
        {
            output.WriteLine($"received {run.Reply.Length} B (until {run.ReplyEnd}):");
            if (run.Reply.Length > 0) output.WriteLine(TextEscapes.Display(run.Reply, run.Reply.Length, true).TrimEnd('\r', '\n'));
        }
    }

    private static TlsClientOptions BuildOptions(Settings s)
    {
        var o = new TlsClientOptions
        {
            TrustedRoots = CertificateFiles.ReadAll(s.Ca.FullName),
            Clock = new SystemClock(),
            Entropy = new SystemEntropySource(),
            ServerName = s.Sni,
            MaxFragmentLength = s.Mfl,
            HandshakeTimeout = s.TimeoutMs,
            ReadTimeout = s.TimeoutMs,
            WriteTimeout = s.TimeoutMs,
        };
        if (s.Suite == "gcm") o.CipherSuites = [TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256];
        else if (s.Suite == "ccm8") o.CipherSuites = [TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8];
        if ((s.ClientCert == null) != (s.ClientKey == null)) throw new FormatException("--client-cert and --client-key go together");
        if (s.ClientCert != null)
        {
            o.ClientCertificate = CertificateFiles.ReadOne(s.ClientCert.FullName);
            o.ClientPrivateKey = ClientKeyFile.ReadP256Scalar(s.ClientKey.FullName, out ECPoint q);
            ClientKeyFile.CheckMatches(o.ClientCertificate, q, s.ClientCert.Name, s.ClientKey.Name);
        }
        return o;
    }

    /// <summary>HOST:PORT, [IPv6]:PORT.</summary>
    public static (string Host, int Port) ParseTarget(string target)
    {
        int colon = target.LastIndexOf(':');
        if (colon <= 0 || colon == target.Length - 1) throw new FormatException("expected HOST:PORT, got '" + target + "'");
        string host = target[..colon];
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        else if (host.Contains(':')) throw new FormatException("write an IPv6 address as [addr]:port");
        if (!int.TryParse(target[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port < 1 || port > 65535)
            throw new FormatException("bad port in '" + target + "'");
        if (host.Length == 0 || (host.Contains(':') && !IPAddress.TryParse(host, out _))) throw new FormatException("bad host in '" + target + "'");
        return (host, port);
    }

    private static string SuiteList(int[] suites) =>
        string.Join(" then ", suites.Select(x => x == TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 ? "AES-128-GCM" : "AES-128-CCM-8"));

    private sealed class ResumptionException(string message) : Exception(message);

    private sealed class Outcome
    {
        public bool Ok;
        public bool HandshakeFailed;
        public ConnectFailure Failure;
        public string Host;
        public int Port;
        public string ServerName;
        public readonly List<HandshakeReport> Handshakes = [];
        public List<ChainEntry> LastChain = [];
        public int SentBytes = -1;
        public byte[] Reply;
        public string ReplyEnd;

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteBoolean("ok", Ok);
                w.WriteNullable("error", Failure?.Reason);
                w.WriteNullable("errorKind", Failure?.Kind);
                w.WriteNullable("alert", Failure?.Alert);
                w.WriteNullable("certificateError", Failure?.CertificateErrorName);
                w.WriteString("host", Host);
                w.WriteNumber("port", Port);
                w.WriteString("serverName", ServerName);
                HandshakeReport last = Handshakes.Count > 0 ? Handshakes[^1] : null;
                if (last != null && !HandshakeFailed) last.WriteJson(w);
                else
                {
                    // The handshake that failed: what the server sent is known, nothing was negotiated.
                    w.WriteNull("suite");
                    w.WriteNull("mfl");
                    w.WriteBoolean("resumed", false);
                    w.WriteNull("handshakeBytes");
                    w.WriteNull("fieldMuls");
                    HandshakeReport.WriteChain(w, LastChain);
                }
                w.WriteStartArray("handshakes");
                foreach (HandshakeReport h in Handshakes)
                {
                    w.WriteStartObject();
                    h.WriteJson(w);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (SentBytes >= 0)
                {
                    w.WriteNumber("sentBytes", SentBytes);
                    w.WriteNumber("receivedBytes", Reply?.Length ?? 0);
                    w.WriteNullable("received", Reply == null ? null : TextEscapes.Display(Reply, Reply.Length, true));
                    w.WriteNullable("replyEnd", ReplyEnd);
                }
                w.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}

using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using TuyaLite.Cli;
using TuyaLite.IntegrationTests.Tls;

namespace TuyaLite.IntegrationTests.Cli;

/// <summary>`tuyalite tls connect` (run in-process) against `openssl s_server` on the compact PKI of peers.md.</summary>
[TestClass]
public class TlsConnectCommandTests
{
    private static OpenSslPki pki;
    private static string otherRoot;

    [ClassInitialize]
    public static void CreatePki(TestContext _)
    {
        pki = new OpenSslPki();
        otherRoot = Path.Combine(pki.Directory, "other-root.crt");
        File.WriteAllText(otherRoot, TestCertificates.Root("Other-Root").Certificate.ExportCertificatePem());
    }

    [ClassCleanup]
    public static void DeletePki() { pki?.Dispose(); }

    private static (int Exit, string Out, string Err) Tuyalite(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = Program.Run(args, output, error);
        Console.WriteLine("$ tuyalite " + string.Join(" ", args) + "\n" + output + error + "(exit " + exit + ")");
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    private static string Target(OpenSslServer server) => "localhost:" + server.Port;

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    [TestMethod]
    public void JsonReportsTheHandshake()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        var r = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--mfl", "512", "--json");
        Assert.AreEqual(ExitCodes.Ok, r.Exit, r.Out + r.Err);
        Assert.AreEqual(1, Lines(r.Out).Length, "one JSON object on one line");
        JsonElement j = JsonDocument.Parse(r.Out).RootElement;
        Assert.IsTrue(j.GetProperty("ok").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("error").ValueKind);
        Assert.AreEqual("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", j.GetProperty("suite").GetString());
        Assert.AreEqual(512, j.GetProperty("mfl").GetInt32());
        Assert.IsFalse(j.GetProperty("resumed").GetBoolean());
        Assert.IsTrue(j.GetProperty("ems").GetBoolean());
        long sent = j.GetProperty("handshakeBytesSent").GetInt64();
        long received = j.GetProperty("handshakeBytesReceived").GetInt64();
        Assert.IsTrue(sent > 100 && received > pki.ServerDer.Length, $"{sent} / {received}");
        Assert.AreEqual(sent + received, j.GetProperty("handshakeBytes").GetInt64());
        Assert.IsTrue(j.GetProperty("fieldMuls").GetInt64() > 5000, "a full handshake does ECDH and two ECDSA verifications");
        JsonElement chain = j.GetProperty("chain");
        Assert.AreEqual(1, chain.GetArrayLength());
        Assert.AreEqual("CN=localhost", chain[0].GetProperty("subject").GetString());
        Assert.AreEqual("EC P-256", chain[0].GetProperty("key").GetString());
        Assert.AreEqual(pki.ServerDer.Length, chain[0].GetProperty("derBytes").GetInt32());
        Assert.AreEqual(1, j.GetProperty("handshakes").GetArrayLength());
        Assert.IsTrue(j.GetProperty("heldBytes").GetInt32() is > 1000 and < 4096, "MFL 512 connection");
    }

    [TestMethod]
    public void ResumeReportsBothHandshakesAndTheSecondIsResumedWithoutFieldMultiplications()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        var r = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--mfl", "1024", "--resume", "--json");
        Assert.AreEqual(ExitCodes.Ok, r.Exit, r.Out);
        JsonElement j = JsonDocument.Parse(r.Out).RootElement;
        JsonElement[] hs = j.GetProperty("handshakes").EnumerateArray().ToArray();
        Assert.AreEqual(2, hs.Length);
        Assert.IsFalse(hs[0].GetProperty("resumed").GetBoolean());
        Assert.IsTrue(hs[0].GetProperty("fieldMuls").GetInt64() > 0);
        Assert.IsTrue(hs[1].GetProperty("resumed").GetBoolean());
        Assert.AreEqual(0L, hs[1].GetProperty("fieldMuls").GetInt64());
        Assert.AreEqual(0, hs[1].GetProperty("chain").GetArrayLength(), "a resumed handshake sees no certificate");
        Assert.IsTrue(hs[1].GetProperty("handshakeBytes").GetInt64() < hs[0].GetProperty("handshakeBytes").GetInt64());
        Assert.IsTrue(j.GetProperty("resumed").GetBoolean(), "top-level fields describe the last handshake");
        Assert.AreEqual(0L, j.GetProperty("fieldMuls").GetInt64());
    }

    [TestMethod]
    public void ResumeWithSessionIdsAndSendPrintsTheReply()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Ccm8, "-www -no_ticket");
        var r = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--suite", "ccm8", "--resume",
            "--send", @"GET / HTTP/1.0\r\n\r\n");
        Assert.AreEqual(ExitCodes.Ok, r.Exit, r.Out);
        StringAssert.Contains(r.Out, "handshake 1: full");
        StringAssert.Contains(r.Out, "handshake 2: resumed");
        StringAssert.Contains(r.Out, "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8");
        StringAssert.Contains(r.Out, "session       session ID");
        StringAssert.Contains(r.Out, @"sent 18 B: GET / HTTP/1.0\r\n\r\n");
        StringAssert.Contains(r.Out, "(until close_notify)");
        StringAssert.Contains(r.Out, "HTTP/1.0 200 ok");
        StringAssert.Contains(r.Out, "Reused, TLSv1.2, Cipher is ECDHE-ECDSA-AES128-CCM8", "the server saw the resumption");
        Assert.AreEqual("ok", Lines(r.Out)[^1]);
    }

    [TestMethod]
    public void MutualTlsWithSec1AndPkcs8Keys()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www -Verify 1 -CAfile root.crt -verify_return_error");
        var sec1 = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--client-cert", pki.ClientCert,
            "--client-key", pki.ClientKeyFile, "--send", @"GET / HTTP/1.0\r\n\r\n", "--json");
        Assert.AreEqual(ExitCodes.Ok, sec1.Exit, sec1.Out);
        StringAssert.Contains(File.ReadAllText(pki.ClientKeyFile), "BEGIN EC PRIVATE KEY");
        JsonElement j = JsonDocument.Parse(sec1.Out).RootElement;
        Assert.AreEqual(2, j.GetProperty("chain").GetArrayLength(), "s_server -CAfile sends leaf + root");
        StringAssert.Contains(j.GetProperty("received").GetString(), "HTTP/1.0 200 ok");

        string pkcs8 = Path.Combine(pki.Directory, "client-pkcs8.key");
        using (ECDsa key = ECDsa.Create())
        {
            key.ImportFromPem(File.ReadAllText(pki.ClientKeyFile));
            File.WriteAllText(pkcs8, key.ExportPkcs8PrivateKeyPem());
        }
        var p8 = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--client-cert", pki.ClientCert, "--client-key", pkcs8);
        Assert.AreEqual(ExitCodes.Ok, p8.Exit, p8.Out);
        Assert.IsTrue(server.WaitForOutput("device-0001"), server.Output);
    }

    [TestMethod]
    public void RefusalsExitOneWithAOneLineReason()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        var sni = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--sni", "device.example.com");
        Assert.AreEqual(ExitCodes.Failed, sni.Exit);
        string[] lines = Lines(sni.Out);
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("failed: ")));
        Assert.AreEqual("failed: certificate refused: hostname mismatch: no subjectAltName of the leaf names the host (sent bad_certificate)", lines[^1]);
        StringAssert.Contains(sni.Out, "server chain: 1 certificate: CN=localhost (EC P-256,");

        var ca = Tuyalite("tls", "connect", Target(server), "--ca", otherRoot, "--json");
        Assert.AreEqual(ExitCodes.Failed, ca.Exit);
        JsonElement j = JsonDocument.Parse(ca.Out).RootElement;
        Assert.IsFalse(j.GetProperty("ok").GetBoolean());
        Assert.AreEqual("certificate", j.GetProperty("errorKind").GetString());
        Assert.AreEqual("leaf not issued by a pinned root", j.GetProperty("certificateError").GetString());
        Assert.AreEqual("unknown_ca", j.GetProperty("alert").GetString());
        StringAssert.StartsWith(j.GetProperty("error").GetString(), "certificate refused: leaf not issued by a pinned root");
        Assert.AreEqual(JsonValueKind.Null, j.GetProperty("suite").ValueKind);
        Assert.AreEqual(1, j.GetProperty("chain").GetArrayLength(), "the chain the server sent is shown even when refused");

        var suite = Tuyalite("tls", "connect", Target(server), "--ca", pki.RootCert, "--suite", "ccm8");
        Assert.AreEqual(ExitCodes.Failed, suite.Exit);
        Assert.AreEqual("failed: the server sent the fatal alert handshake_failure", Lines(suite.Out)[^1]);
    }

    [TestMethod]
    public void ConnectionRefusedAndTimeoutExitOne()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        int closedPort = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var refused = Tuyalite("tls", "connect", "127.0.0.1:" + closedPort, "--ca", pki.RootCert, "--sni", "localhost");
        Assert.AreEqual(ExitCodes.Failed, refused.Exit);
        StringAssert.StartsWith(Lines(refused.Out)[^1], "failed: connection failed: cannot connect to 127.0.0.1:" + closedPort + ": ConnectionRefused");

        var silent = new TcpListener(IPAddress.Loopback, 0); // listens, never answers
        silent.Start();
        try
        {
            var timeout = Tuyalite("tls", "connect", "localhost:" + ((IPEndPoint)silent.LocalEndpoint).Port, "--ca", pki.RootCert, "--timeout", "500", "--json");
            Assert.AreEqual(ExitCodes.Failed, timeout.Exit);
            JsonElement j = JsonDocument.Parse(timeout.Out).RootElement;
            Assert.AreEqual("timeout", j.GetProperty("errorKind").GetString());
            Assert.AreEqual("timeout: read timed out after 500 ms", j.GetProperty("error").GetString());
        }
        finally
        {
            silent.Stop();
        }
    }

    [TestMethod]
    public void UnusableInputExitsTwo()
    {
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("tls", "connect", "localhost", "--ca", pki.RootCert).Exit);
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("tls", "connect", "localhost:99999", "--ca", pki.RootCert).Exit);
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("tls", "connect", "localhost:443").Exit);
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("tls", "connect", "localhost:443", "--ca", pki.RootCert, "--mfl", "300").Exit);
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("tls", "connect", "localhost:443", "--ca", pki.RootCert, "--client-cert", pki.ClientCert).Exit);
        var leafAsRoot = Tuyalite("tls", "connect", "localhost:443", "--ca", pki.ServerCert);
        Assert.AreEqual(ExitCodes.Usage, leafAsRoot.Exit);
        StringAssert.Contains(leafAsRoot.Err, "pinned root 0");
        var mismatch = Tuyalite("tls", "connect", "localhost:443", "--ca", pki.RootCert, "--client-cert", pki.ClientCert, "--client-key", pki.ServerKey);
        Assert.AreEqual(ExitCodes.Usage, mismatch.Exit);
        StringAssert.Contains(mismatch.Err, "does not match");
        var escape = Tuyalite("tls", "connect", "localhost:443", "--ca", pki.RootCert, "--send", @"bad \q");
        Assert.AreEqual(ExitCodes.Usage, escape.Exit);
    }
}

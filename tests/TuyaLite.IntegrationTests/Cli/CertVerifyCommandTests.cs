using System.Diagnostics;
using TuyaLite.Cli;

namespace TuyaLite.IntegrationTests.Cli;

/// <summary>`tuyalite cert verify` on a compact 2-level PKI made by openssl exactly as in peers.md (run in-process).</summary>
[TestClass]
public class CertVerifyCommandTests
{
    private static string _dir;

    [ClassInitialize]
    public static void MakePki(TestContext _)
    {
        _dir = Directory.CreateTempSubdirectory("tuyalite-cli-").FullName;
        File.WriteAllText(Path.Combine(_dir, "min.cnf"),
            "[req]\ndistinguished_name=dn\nprompt=no\n[dn]\nCN=root\n" +
            "[v3_root]\nbasicConstraints=critical,CA:TRUE\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n" +
            "[v3_leaf]\nsubjectAltName=DNS:localhost\nsubjectKeyIdentifier=none\nauthorityKeyIdentifier=none\n");
        OpenSsl("ecparam -name prime256v1 -genkey -noout -out root.key");
        OpenSsl("req -x509 -new -key root.key -sha256 -days 3650 -set_serial 1 -subj /CN=root -config min.cnf -extensions v3_root -out root.crt");
        OpenSsl("ecparam -name prime256v1 -genkey -noout -out server.key");
        OpenSsl("req -new -key server.key -subj /CN=localhost -config min.cnf -out server.csr");
        OpenSsl("x509 -req -in server.csr -CA root.crt -CAkey root.key -set_serial 2 -days 825 -sha256 -extfile min.cnf -extensions v3_leaf -out server.crt");
        OpenSsl("x509 -in server.crt -outform DER -out server.der");
        OpenSsl("ecparam -name prime256v1 -genkey -noout -out other.key");
        OpenSsl("req -x509 -new -key other.key -sha256 -days 3650 -set_serial 3 -subj /CN=other -config min.cnf -extensions v3_root -out other.crt");
        File.WriteAllText(Path.Combine(_dir, "both.crt"), File.ReadAllText(Path.Combine(_dir, "server.crt")) + File.ReadAllText(Path.Combine(_dir, "root.crt")));
    }

    [ClassCleanup]
    public static void RemovePki()
    {
        if (_dir != null) Directory.Delete(_dir, true);
    }

    private static void OpenSsl(string arguments)
    {
        var psi = new ProcessStartInfo("openssl", arguments) { WorkingDirectory = _dir, RedirectStandardError = true, RedirectStandardOutput = true };
        using Process p = Process.Start(psi);
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, "openssl " + arguments + ": " + err);
    }

    private static (int Exit, string Out, string Err) Tuyalite(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] full = args.Select(a => a.EndsWith(".crt") || a.EndsWith(".der") || a == "missing.pem" ? Path.Combine(_dir, a) : a).ToArray();
        int exit = Program.Run(full, output, error);
        return (exit, output.ToString().Trim(), error.ToString().Trim());
    }

    [TestMethod]
    public void AcceptsThePeersMdLeaf()
    {
        var r = Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "server.crt", "--host", "localhost");
        Assert.AreEqual(ExitCodes.Ok, r.Exit, r.Out + r.Err);
        StringAssert.StartsWith(r.Out, "ok: CN=localhost accepted for localhost");
        var d = Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "server.der", "--host", "LOCALHOST", "--json");
        Assert.AreEqual(ExitCodes.Ok, d.Exit, d.Out);
        using var json = System.Text.Json.JsonDocument.Parse(d.Out);
        Assert.IsTrue(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.AreEqual(130, json.RootElement.GetProperty("publicKey").GetString().Length);
    }

    [TestMethod]
    public void RefusalsExitOneWithTheReason()
    {
        var host = Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "server.crt", "--host", "example.com");
        Assert.AreEqual(ExitCodes.Failed, host.Exit);
        Assert.AreEqual("rejected: hostname mismatch: no subjectAltName of the leaf names the host", host.Out);

        var expired = Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "server.der", "--host", "localhost", "--at", "2040-01-01T00:00:00Z");
        Assert.AreEqual(ExitCodes.Failed, expired.Exit);
        StringAssert.StartsWith(expired.Out, "rejected: certificate expired: leaf expired ");

        var early = Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "server.crt", "--host", "localhost", "--at", "2001-01-01");
        Assert.AreEqual(ExitCodes.Failed, early.Exit);
        StringAssert.StartsWith(early.Out, "rejected: certificate not yet valid: leaf valid from ");

        var untrusted = Tuyalite("cert", "verify", "--root", "other.crt", "--leaf", "server.crt", "--host", "localhost");
        Assert.AreEqual(ExitCodes.Failed, untrusted.Exit);
        Assert.AreEqual("rejected: leaf not issued by a pinned root: the leaf's issuer is not the subject of a pinned root", untrusted.Out);

        var leafAsRoot = Tuyalite("cert", "verify", "--root", "server.crt", "--leaf", "server.crt", "--host", "localhost", "--json");
        Assert.AreEqual(ExitCodes.Failed, leafAsRoot.Exit);
        using var json = System.Text.Json.JsonDocument.Parse(leafAsRoot.Out);
        Assert.IsFalse(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.AreEqual("malformed certificate: pinned root 0: basic constraints violated: root is not a CA (no basicConstraints cA=TRUE)",
            json.RootElement.GetProperty("error").GetString());
        Assert.AreEqual("CN=localhost", json.RootElement.GetProperty("subject").GetString());
    }

    [TestMethod]
    public void UnusableInputExitsTwo()
    {
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "missing.pem", "--host", "localhost").Exit);
        var two = Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "both.crt", "--host", "localhost");
        Assert.AreEqual(ExitCodes.Usage, two.Exit);
        StringAssert.Contains(two.Err, "expected one certificate, found 2");
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("cert", "verify", "--root", "root.crt", "--leaf", "server.crt", "--host", "localhost", "--at", "soon").Exit);
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("cert", "verify", "--root", "root.crt", "--host", "localhost").Exit);
        Assert.AreEqual(ExitCodes.Usage, Tuyalite("cert", "frobnicate").Exit);
    }
}

using TuyaLite.Cli;
using TuyaLite.IntegrationTests.Tls;

namespace TuyaLite.IntegrationTests.Cli;

/// <summary>`tuyalite cert verify` on the compact 2-level PKI of peers.md (<see cref="OpenSslPki"/>), run in-process.</summary>
[TestClass]
public class CertVerifyCommandTests
{
    private static OpenSslPki pki;

    [ClassInitialize]
    public static void MakePki(TestContext _)
    {
        pki = new OpenSslPki();
        File.WriteAllBytes(Path.Combine(pki.Directory, "server.der"), pki.ServerDer);
        File.WriteAllText(Path.Combine(pki.Directory, "other.crt"), TestCertificates.Root("Other-Root").Certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(pki.Directory, "both.crt"), File.ReadAllText(pki.ServerCert) + File.ReadAllText(pki.RootCert));
    }

    [ClassCleanup]
    public static void RemovePki() { pki?.Dispose(); }

    private static (int Exit, string Out, string Err) Tuyalite(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] full = args.Select(a => a.EndsWith(".crt") || a.EndsWith(".der") || a == "missing.pem" ? Path.Combine(pki.Directory, a) : a).ToArray();
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

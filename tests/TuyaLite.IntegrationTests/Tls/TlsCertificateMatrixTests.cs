using System.Security.Cryptography;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// The negative certificate matrix against `openssl s_server` serving each bad chain: the client must refuse with the
/// specific <see cref="CertificateError"/>, send the matching alert (seen by the server as "SSL alert number N"), and
/// keep no session. Certificates come from <see cref="TestCertificates"/> (any validity, key and issuer); a control
/// case proves the generated chain is otherwise acceptable.
/// </summary>
[TestClass]
public class TlsCertificateMatrixTests
{
    private static string dir;
    private static TestCertificate root;

    [ClassInitialize]
    public static void CreateRoot(TestContext _)
    {
        dir = Directory.CreateTempSubdirectory("tuyalite-matrix-").FullName;
        root = TestCertificates.Root("TuyaLite-Matrix-Root");
        root.Write(dir, "root");
    }

    [ClassCleanup]
    public static void DeleteFiles()
    {
        if (dir != null) Directory.Delete(dir, true);
    }

    private static OpenSslServer Serve(TestCertificate leaf, string name, string extra = "")
    {
        leaf.Write(dir, name);
        return OpenSslServer.Start(dir, $"-cert {name}.crt -key {name}.key -tls1_2 -cipher {OpenSslServer.Gcm} -groups P-256 -www {extra}");
    }

    private static TlsClient Client(params byte[][] roots)
    {
        TlsClientOptions o = new()
        {
            TrustedRoots = roots.Length == 0 ? [root.Der] : roots,
            Clock = new SystemClock(),
            Entropy = new SystemEntropySource(),
            MaxFragmentLength = 1024,
            HandshakeTimeout = 10000,
        };
        return new TlsClient(new SocketTransport(), o);
    }

    /// <summary>Connects, expects the certificate error and its alert, and checks the alert reached the server.</summary>
    private static TlsCertificateException Refused(OpenSslServer server, int error, int alert, TlsClient client = null)
    {
        client ??= Client();
        var e = Assert.ThrowsExactly<TlsCertificateException>(() => client.Connect("localhost", server.Port));
        Console.WriteLine($"{CertificateError.Name(error)}: {e.Message}");
        Assert.AreEqual(CertificateError.Name(error), CertificateError.Name(e.Error), e.Message);
        Assert.AreEqual(TlsAlert.Name(alert), TlsAlert.Name(e.Alert), e.Message);
        Assert.IsFalse(client.IsConnected);
        Assert.IsNull(client.Session);
        Assert.IsTrue(server.WaitForOutput("SSL alert number " + alert), "the server did not see alert " + alert + ": " + server.Output);
        return e;
    }

    [TestMethod]
    public void ControlGeneratedLeafIsAccepted()
    {
        using var server = Serve(TestCertificates.Leaf(root, "localhost"), "good");
        TlsClient client = Client();
        client.Connect("localhost", server.Port);
        Assert.AreEqual(1, client.Diagnostics.CertificateCount);
        Assert.AreEqual("localhost", client.Diagnostics.LeafCommonName);
        client.Close();
    }

    [TestMethod]
    public void ThreeLevelChainIsRefusedAsChainShape()
    {
        TestCertificate intermediate = TestCertificates.Intermediate(root, "TuyaLite-Matrix-Intermediate");
        intermediate.Write(dir, "intermediate");
        using var server = Serve(TestCertificates.Leaf(intermediate, "localhost"), "leaf3", "-cert_chain intermediate.crt");
        TlsCertificateException e = Refused(server, CertificateError.ChainShape, TlsAlert.BadCertificate);
        StringAssert.Contains(e.Detail, "not a pinned root");
    }

    [TestMethod]
    public void ThreeLevelChainPinningOnlyTheIntermediateRootIsStillRefusedWhenTheLeafComesAlone()
    {
        // The leaf alone, issued by an intermediate the client does not pin: not signed directly by the pinned root.
        TestCertificate intermediate = TestCertificates.Intermediate(root, "TuyaLite-Matrix-Intermediate-2");
        using var server = Serve(TestCertificates.Leaf(intermediate, "localhost"), "leaf3alone");
        Refused(server, CertificateError.UntrustedRoot, TlsAlert.UnknownCa);
    }

    [TestMethod]
    public void WrongHostIsRefused()
    {
        using var server = Serve(TestCertificates.Leaf(root, "device.example.com"), "otherhost");
        Refused(server, CertificateError.HostnameMismatch, TlsAlert.BadCertificate);
    }

    [TestMethod]
    public void ExpiredLeafIsRefused()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var server = Serve(TestCertificates.Leaf(root, "localhost", now.AddDays(-60), now.AddDays(-1)), "expired");
        TlsCertificateException e = Refused(server, CertificateError.Expired, TlsAlert.CertificateExpired);
        StringAssert.Contains(e.Detail, "leaf");
    }

    [TestMethod]
    public void NotYetValidLeafIsRefused()
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var server = Serve(TestCertificates.Leaf(root, "localhost", now.AddDays(1), now.AddYears(1)), "future");
        Refused(server, CertificateError.NotYetValid, TlsAlert.CertificateExpired);
    }

    [TestMethod]
    public void LeafOfAnotherRootIsUntrusted()
    {
        TestCertificate other = TestCertificates.Root("Someone-Else-Root");
        using var server = Serve(TestCertificates.Leaf(other, "localhost"), "untrusted");
        Refused(server, CertificateError.UntrustedRoot, TlsAlert.UnknownCa);
    }

    [TestMethod]
    public void LeafOfAnImpostorRootWithThePinnedNameIsABadSignature()
    {
        // Same subject name as the pinned root, different key: found by name, refused by the signature.
        TestCertificate impostor = TestCertificates.Root("TuyaLite-Matrix-Root");
        using var server = Serve(TestCertificates.Leaf(impostor, "localhost"), "impostor");
        Refused(server, CertificateError.BadSignature, TlsAlert.BadCertificate);
    }

    [TestMethod]
    public void ServerWithAnRsaLeafFindsNoSharedSuite()
    {
        // The client offers only ECDHE-ECDSA suites: an RSA-certified server cannot pick one and says handshake_failure
        // before any certificate is sent (the client's own refusal of non-P-256 keys: UnsupportedKey in the unit tests).
        using var rsa = RSA.Create(2048);
        using var server = Serve(TestCertificates.Leaf(root, "localhost", rsa), "rsa", "-cipher ECDHE-RSA-AES128-GCM-SHA256:" + OpenSslServer.Gcm);
        TlsClient client = Client();
        var e = Assert.ThrowsExactly<TlsAlertException>(() => client.Connect("localhost", server.Port));
        Console.WriteLine("RSA leaf: " + e.Message);
        Assert.AreEqual(TlsAlert.HandshakeFailure, e.Alert, e.Message);
        Assert.IsTrue(server.WaitForOutput("no shared cipher"), server.Output);
    }

    [TestMethod]
    public void ServerWithAP384LeafFindsNoSharedSuite()
    {
        // The client names only P-256 (supported_groups, ecdsa_secp256r1_sha256): OpenSSL cannot use a P-384 leaf with
        // any suite it offers and refuses before sending a certificate. The client's own refusal of such a leaf, when a
        // server sends one anyway: TlsHostileServerTests.ServerPresentingANonP256LeafIsUnsupportedCertificate.
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var server = Serve(TestCertificates.Leaf(root, "localhost", p384), "p384");
        TlsClient client = Client();
        var e = Assert.ThrowsExactly<TlsAlertException>(() => client.Connect("localhost", server.Port));
        Console.WriteLine("P-384 leaf: " + e.Message);
        Assert.AreEqual(TlsAlert.HandshakeFailure, e.Alert, e.Message);
        Assert.IsTrue(server.WaitForOutput("no shared cipher"), server.Output);
    }
}

using System.Diagnostics;
using System.Security.Cryptography;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// The compact 2-level P-256 PKI of shared docs/peers.md, generated with the openssl command into a temp directory:
/// a root, a server leaf for "localhost" (SAN, signed by the root), and a device certificate signed by the root.
/// Exposes file paths for openssl and DER/raw-key bytes for the TuyaLite client. Deleted on Dispose.
/// </summary>
public sealed class OpenSslPki : IDisposable
{
    private const string Config = """
        [req]
        distinguished_name=dn
        prompt=no
        [dn]
        CN=root
        [v3_root]
        basicConstraints=critical,CA:TRUE
        subjectKeyIdentifier=none
        authorityKeyIdentifier=none
        [v3_leaf]
        subjectAltName=DNS:localhost
        subjectKeyIdentifier=none
        authorityKeyIdentifier=none
        [v3_client]
        subjectKeyIdentifier=none
        authorityKeyIdentifier=none
        """;

    public string Directory { get; }
    public string RootCert => Path.Combine(Directory, "root.crt");
    public string ServerCert => Path.Combine(Directory, "server.crt");
    public string ServerKey => Path.Combine(Directory, "server.key");
    public string ClientCert => Path.Combine(Directory, "client.crt");
    public string ClientKeyFile => Path.Combine(Directory, "client.key");

    public byte[] RootDer { get; }
    public byte[] ServerDer { get; }
    public byte[] ClientDer { get; }
    /// <summary>The device's 32-byte P-256 private scalar.</summary>
    public byte[] ClientKey { get; }

    public OpenSslPki()
    {
        Directory = Path.Combine(Path.GetTempPath(), "tuyalite-pki-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(Path.Combine(Directory, "min.cnf"), Config + "\n");
        Run("ecparam -name prime256v1 -genkey -noout -out root.key");
        Run("req -x509 -new -key root.key -sha256 -days 3650 -set_serial 1 -subj /CN=TuyaLite-Root -config min.cnf -extensions v3_root -out root.crt");
        Run("ecparam -name prime256v1 -genkey -noout -out server.key");
        Run("req -new -key server.key -subj /CN=localhost -config min.cnf -out server.csr");
        Run("x509 -req -in server.csr -CA root.crt -CAkey root.key -set_serial 2 -days 825 -sha256 -extfile min.cnf -extensions v3_leaf -out server.crt");
        Run("ecparam -name prime256v1 -genkey -noout -out client.key");
        Run("req -new -key client.key -subj /CN=device-0001 -config min.cnf -out client.csr");
        Run("x509 -req -in client.csr -CA root.crt -CAkey root.key -set_serial 3 -days 825 -sha256 -extfile min.cnf -extensions v3_client -out client.crt");
        RootDer = Der(RootCert);
        ServerDer = Der(ServerCert);
        ClientDer = Der(ClientCert);
        using ECDsa key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(ClientKeyFile));
        ClientKey = key.ExportParameters(true).D;
    }

    private static byte[] Der(string pemFile)
    {
        using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        return cert.RawData;
    }

    private void Run(string args)
    {
        var psi = new ProcessStartInfo("openssl", args)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process p = Process.Start(psi);
        string err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException("openssl " + args + " failed: " + err);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
    }
}

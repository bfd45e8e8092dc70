using System.Diagnostics;
using System.Text;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// A mosquitto broker with one TLS listener on 127.0.0.1 (port chosen at run time), configured in its own temp
/// directory with the certificates of an <see cref="OpenSslPki"/>, started directly (its own PID, no shell) and killed
/// on Dispose. TLS 1.2 and P-256 are pinned through OPENSSL_CONF (mosquitto's tls_version is only a minimum).
/// Run as root, mosquitto 2.0 drops to the `mosquitto` user unless the config says `user root`: without it the
/// broker could not read the private temp directory, so the config says so when the tests run as root.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const string OpenSslConf = """
        openssl_conf = openssl_init
        [openssl_init]
        ssl_conf = ssl_sect
        [ssl_sect]
        system_default = system_default_sect
        [system_default_sect]
        MinProtocol = TLSv1.2
        MaxProtocol = TLSv1.2
        CipherString = ECDHE-ECDSA-AES128-GCM-SHA256
        Groups = P-256
        """;

    private readonly string directory;
    private readonly LocalPeer peer;

    public int Port => peer.Port;

    /// <summary>The broker binary, or null when mosquitto is not installed.</summary>
    public static string Executable()
    {
        foreach (string path in new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/local/bin/mosquitto" })
            if (File.Exists(path)) return path;
        return null;
    }

    private MosquittoBroker(string executable, OpenSslPki pki, bool requireCertificate)
    {
        directory = Directory.CreateTempSubdirectory("tuyalite-mosquitto-").FullName;
        foreach (string file in new[] { pki.RootCert, pki.ServerCert, pki.ServerKey })
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(directory, "openssl.cnf"), OpenSslConf + "\n");
        try
        {
            // "running" is logged once the listener is bound; a taken port ends the process before it.
            peer = LocalPeer.Launch("mosquitto", port => StartInfo(executable, port, requireCertificate),
                line => line.Contains(" running", StringComparison.Ordinal));
        }
        catch
        {
            DeleteDirectory();
            throw;
        }
    }

    private ProcessStartInfo StartInfo(string executable, int port, bool requireCertificate)
    {
        var config = new StringBuilder();
        if (Environment.UserName == "root") config.AppendLine("user root");
        config.AppendLine("per_listener_settings true");
        config.AppendLine("persistence false");
        config.AppendLine("log_dest stderr");
        config.AppendLine("log_type all");
        config.AppendLine($"listener {port} 127.0.0.1");
        config.AppendLine("allow_anonymous true");
        config.AppendLine("cafile " + Path.Combine(directory, "root.crt"));
        config.AppendLine("certfile " + Path.Combine(directory, "server.crt"));
        config.AppendLine("keyfile " + Path.Combine(directory, "server.key"));
        config.AppendLine("tls_version tlsv1.2");
        config.AppendLine("ciphers ECDHE-ECDSA-AES128-GCM-SHA256");
        config.AppendLine("require_certificate " + (requireCertificate ? "true" : "false"));
        if (requireCertificate) config.AppendLine("use_identity_as_username true");
        File.WriteAllText(Path.Combine(directory, "mosquitto.conf"), config.ToString());

        var psi = new ProcessStartInfo(executable, "-c " + Path.Combine(directory, "mosquitto.conf")) { WorkingDirectory = directory };
        psi.Environment["OPENSSL_CONF"] = Path.Combine(directory, "openssl.cnf");
        return psi;
    }

    /// <summary>Broker log so far (log_type all).</summary>
    public string Output => peer.Output;

    public bool WaitForOutput(string text, int milliseconds = 3000) => peer.WaitForOutput(text, milliseconds);

    /// <summary>Starts a broker and waits until it runs; retries on another port if the chosen one was taken.</summary>
    public static MosquittoBroker Start(OpenSslPki pki, bool requireCertificate)
    {
        string executable = Executable() ?? throw new InvalidOperationException("mosquitto is not installed");
        return new MosquittoBroker(executable, pki, requireCertificate);
    }

    public void Dispose()
    {
        peer.Dispose();
        DeleteDirectory();
    }

    private void DeleteDirectory()
    {
        try { Directory.Delete(directory, true); } catch (IOException) { }
    }
}

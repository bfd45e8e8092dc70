using System.Diagnostics;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// An `openssl s_server` on 127.0.0.1 with a port chosen at run time (a <see cref="LocalPeer"/>), ready once it prints
/// ACCEPT, killed on Dispose. The TLS 1.2 / P-256 / ECDSA basics come from the PKI; tests add what they exercise
/// (-cipher, -www, -rev, -no_ticket, -Verify 1 ...). Output is kept for failure messages. Negative-matrix tests can
/// start it with any other s_server arguments (e.g. -tls1_3, other ciphers or certificates) through <see cref="Start"/>.
/// </summary>
public sealed class OpenSslServer : IDisposable
{
    public const string Gcm = "ECDHE-ECDSA-AES128-GCM-SHA256";
    /// <summary>CCM-8 with security level 0: OpenSSL 3.1+ counts its 64-bit tag below the default level 1 and refuses
    /// the suite without it (3.0 accepts the string too).</summary>
    public const string Ccm8 = "ECDHE-ECDSA-AES128-CCM8:@SECLEVEL=0";

    private readonly LocalPeer peer;

    private OpenSslServer(LocalPeer peer) { this.peer = peer; }

    public int Port => peer.Port;

    /// <summary>Server output so far (for assertion messages).</summary>
    public string Output => peer.Output;

    /// <summary>Waits until the server has printed the text (e.g. "SSL alert number 42": the alert our client sent
    /// reached it); false after the timeout.</summary>
    public bool WaitForOutput(string text, int milliseconds = 3000) => peer.WaitForOutput(text, milliseconds);

    /// <summary>The standard server of peers.md: our PKI's leaf, TLS 1.2 only, P-256, the given cipher, plus extra args.</summary>
    public static OpenSslServer StartStandard(OpenSslPki pki, string cipher, string extra)
    {
        return Start(pki.Directory, "-cert server.crt -key server.key -tls1_2 -cipher " + cipher + " -groups P-256 " + extra);
    }

    /// <summary>Starts s_server with arbitrary arguments (after -accept) and waits until it accepts connections.</summary>
    public static OpenSslServer Start(string workingDirectory, string arguments)
    {
        return new OpenSslServer(LocalPeer.Launch("openssl s_server " + arguments,
            port => new ProcessStartInfo("openssl", "s_server -accept 127.0.0.1:" + port + " " + arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = true, // s_server reads commands from stdin: give it its own
            },
            line => line.StartsWith("ACCEPT", StringComparison.Ordinal)));
    }

    public void Dispose() => peer.Dispose();
}

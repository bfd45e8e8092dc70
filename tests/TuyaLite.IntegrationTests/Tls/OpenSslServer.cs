using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// An `openssl s_server` on 127.0.0.1 with a port chosen at run time, started directly (its own PID, no shell) and
/// killed on Dispose. The TLS 1.2 / P-256 / ECDSA basics come from the PKI; tests add what they exercise
/// (-cipher, -www, -rev, -no_ticket, -Verify 1 ...). Output is kept for failure messages. Negative-matrix tests can
/// start it with any other s_server arguments (e.g. -tls1_3, other ciphers or certificates) through <see cref="Start"/>.
/// </summary>
public sealed class OpenSslServer : IDisposable
{
    public const string Gcm = "ECDHE-ECDSA-AES128-GCM-SHA256";
    /// <summary>CCM-8 with security level 0: OpenSSL 3.1+ counts its 64-bit tag below the default level 1 and refuses
    /// the suite without it (3.0 accepts the string too).</summary>
    public const string Ccm8 = "ECDHE-ECDSA-AES128-CCM8:@SECLEVEL=0";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly ManualResetEventSlim accepting = new();

    public int Port { get; }
    public int Pid => process.Id;

    private OpenSslServer(string workingDirectory, string arguments, int port)
    {
        Port = port;
        var psi = new ProcessStartInfo("openssl", "s_server -accept 127.0.0.1:" + port + " " + arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void OnLine(string line)
    {
        if (line == null) return;
        lock (output) output.AppendLine(line);
        if (line.StartsWith("ACCEPT", StringComparison.Ordinal)) accepting.Set();
    }

    /// <summary>Server output so far (for assertion messages).</summary>
    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>Waits until the server has printed the text (e.g. "SSL alert number 42": the alert our client sent
    /// reached it); false after the timeout.</summary>
    public bool WaitForOutput(string text, int milliseconds = 3000)
    {
        return SpinWait.SpinUntil(() => Output.Contains(text, StringComparison.Ordinal), milliseconds);
    }

    /// <summary>The standard server of peers.md: our PKI's leaf, TLS 1.2 only, P-256, the given cipher, plus extra args.</summary>
    public static OpenSslServer StartStandard(OpenSslPki pki, string cipher, string extra)
    {
        return Start(pki.Directory, "-cert server.crt -key server.key -tls1_2 -cipher " + cipher + " -groups P-256 " + extra);
    }

    /// <summary>Starts s_server with arbitrary arguments (after -accept) and waits until it accepts connections.</summary>
    public static OpenSslServer Start(string workingDirectory, string arguments)
    {
        for (int attempt = 0; ; attempt++)
        {
            var server = new OpenSslServer(workingDirectory, arguments, LocalPeer.FreePort());
            if (server.accepting.Wait(TimeSpan.FromSeconds(10))) return server;
            string output = server.Output;
            server.Dispose();
            if (attempt == 2) throw new InvalidOperationException("openssl s_server did not start: " + output);
        }
    }


    public void Dispose()
    {
        LocalPeer.Stop(process);
        accepting.Dispose();
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// A real peer process the tests start (openssl s_server, mosquitto) on a loopback port chosen at run time: launched
/// directly (its own PID, no shell), stdout and stderr kept for assertions and failure messages, ready once a line of
/// its output says so, and killed with its process tree on Dispose. A launch whose process exits before it is ready
/// (port taken between <see cref="FreePort"/> and its bind, bad arguments) is retried on another port at once.
/// </summary>
public sealed class LocalPeer : IDisposable
{
    private const int Attempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Func<string, bool> isReady;
    private readonly ManualResetEventSlim ready = new();
    private readonly ManualResetEventSlim exited = new();

    public int Port { get; }

    private LocalPeer(ProcessStartInfo startInfo, Func<string, bool> isReady, int port)
    {
        Port = port;
        this.isReady = isReady;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.UseShellExecute = false;
        process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => exited.Set();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts the peer built by <paramref name="startInfo"/> for a free port and waits until one of its output lines
    /// satisfies <paramref name="isReady"/>. Throws with the peer's output after <see cref="Attempts"/> failed launches.
    /// </summary>
    public static LocalPeer Launch(string name, Func<int, ProcessStartInfo> startInfo, Func<string, bool> isReady)
    {
        string lastOutput = "";
        for (int attempt = 1; attempt <= Attempts; attempt++)
        {
            int port = FreePort();
            var peer = new LocalPeer(startInfo(port), isReady, port);
            if (peer.WaitUntilReady()) return peer;
            lastOutput = peer.Output;
            peer.Dispose();
        }
        throw new InvalidOperationException($"{name} did not start ({Attempts} attempts); its last output:\n{lastOutput}");
    }

    private void OnLine(string line)
    {
        if (line == null) return;
        lock (output) output.AppendLine(line);
        if (isReady(line)) ready.Set();
    }

    /// <summary>Ready, or false as soon as the process exits or the timeout passes.</summary>
    private bool WaitUntilReady()
    {
        int signalled = WaitHandle.WaitAny([ready.WaitHandle, exited.WaitHandle], StartTimeout);
        if (signalled == 0 && !process.HasExited) return true;
        if (process.HasExited) process.WaitForExit(); // lets the last output lines arrive for the failure message
        return false;
    }

    /// <summary>Everything the peer printed so far (for assertion messages).</summary>
    public string Output { get { lock (output) return output.ToString(); } }

    /// <summary>Waits until the peer has printed the text; false after the timeout.</summary>
    public bool WaitForOutput(string text, int milliseconds = 3000) =>
        SpinWait.SpinUntil(() => Output.Contains(text, StringComparison.Ordinal), milliseconds);

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
        process.Dispose();
        ready.Dispose();
        exited.Dispose();
    }
}

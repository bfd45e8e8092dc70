using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>What every real peer the tests start (openssl s_server, mosquitto) needs: a free loopback port chosen at
/// run time, and a stop by the peer's own PID that never leaves a process behind.</summary>
public static class LocalPeer
{
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static void Stop(Process process)
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
    }
}

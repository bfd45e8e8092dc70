using System.Diagnostics;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>The peer launcher itself: a peer that dies at start-up fails the test at once, with its output.</summary>
[TestClass]
public class LocalPeerTests
{
    [TestMethod]
    public void APeerThatExitsBeforeItIsReadyFailsFastWithItsOutput()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => OpenSslServer.Start(Path.GetTempPath(), "-no-such-option"));
        watch.Stop();
        Console.WriteLine($"after {watch.ElapsedMilliseconds} ms: {e.Message}");
        StringAssert.Contains(e.Message, "-no-such-option");
        StringAssert.Contains(e.Message, "3 attempts");
        // Three launches that exit at once, not three 10-second waits for a readiness line that never comes.
        Assert.IsTrue(watch.ElapsedMilliseconds < 5000, watch.ElapsedMilliseconds + " ms");
    }

    [TestMethod]
    public void ReadinessComesFromTheOutputAndDisposeStopsThePeer()
    {
        using var pki = new OpenSslPki();
        int port;
        using (var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www"))
        {
            port = server.Port;
            StringAssert.Contains(server.Output, "ACCEPT");
            using var connected = new System.Net.Sockets.TcpClient("127.0.0.1", port);
        }
        Assert.ThrowsExactly<System.Net.Sockets.SocketException>(() => new System.Net.Sockets.TcpClient("127.0.0.1", port));
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// A hostile or broken server: `openssl s_server` behind <see cref="RecordProxy"/>, which tampers with, injects or cuts
/// the server's records, and a listener that never answers. Each case must end in a specific exception, quickly, with
/// the alert our client sends reaching the real server where one is sent.
/// </summary>
[TestClass]
public class TlsHostileServerTests
{
    private const int ChangeCipherSpec = 20;
    private const int Alert = 21;
    private const int Handshake = 22;
    private const int ApplicationData = 23;

    private static OpenSslPki pki;

    [ClassInitialize]
    public static void CreatePki(TestContext _) { pki = new OpenSslPki(); }

    [ClassCleanup]
    public static void DeletePki() { pki?.Dispose(); }

    private static TlsClient Client(int mfl, int timeoutMs = 10000)
    {
        TlsClientOptions o = TlsOpenSslTests.Options(pki, mfl);
        o.HandshakeTimeout = timeoutMs;
        o.ReadTimeout = timeoutMs;
        return new TlsClient(new SocketTransport(), o);
    }

    /// <summary>A handler that forwards every record and calls <paramref name="onFinished"/> for the server's encrypted
    /// Finished (the first handshake record after its ChangeCipherSpec), which may change it or add bytes after it.</summary>
    private static RecordProxy.ServerRecordHandler AtServerFinished(Action<byte[], Stream> onFinished)
    {
        bool sawCcs = false;
        bool done = false;
        return (record, toClient) =>
        {
            if (record[0] == ChangeCipherSpec) sawCcs = true;
            if (sawCcs && !done && record[0] == Handshake)
            {
                done = true;
                onFinished(record, toClient);
                return true;
            }
            toClient.Write(record);
            return true;
        };
    }

    [TestMethod]
    public void TamperedServerFinishedIsBadRecordMac()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "");
        using var proxy = new RecordProxy(server.Port, AtServerFinished((record, toClient) =>
        {
            record[5 + 8 + 3] ^= 0x01; // a ciphertext byte of the Finished message (after the 8-byte explicit nonce)
            toClient.Write(record);
        }));
        TlsClient client = Client(512);
        var e = Assert.ThrowsExactly<TlsProtocolException>(() => client.Connect("localhost", proxy.Port));
        Console.WriteLine("tampered Finished: " + e.Message);
        Assert.AreEqual(TlsAlert.BadRecordMac, e.Alert, e.Message);
        Assert.IsFalse(client.IsConnected);
        Assert.IsNull(client.Session, "a session must not survive a failed handshake");
        Assert.IsTrue(server.WaitForOutput("SSL alert number 20"), "the server did not receive bad_record_mac: [" + server.Output + "]");
    }

    [TestMethod]
    public void TamperedServerFinishedWithCcm8IsBadRecordMac()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Ccm8, "-www");
        using var proxy = new RecordProxy(server.Port, AtServerFinished((record, toClient) =>
        {
            record[^1] ^= 0x80; // the last byte of the 8-byte CCM tag
            toClient.Write(record);
        }));
        var e = Assert.ThrowsExactly<TlsProtocolException>(() => Client(1024).Connect("localhost", proxy.Port));
        Assert.AreEqual(TlsAlert.BadRecordMac, e.Alert, e.Message);
    }

    [TestMethod]
    public void RecordLongerThanTheNegotiatedFragmentIsRecordOverflowWithoutWaitingForTheBody()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "");
        // After the server's Finished: a header announcing a 2000-byte application data record, and no body ever.
        using var proxy = new RecordProxy(server.Port, AtServerFinished((record, toClient) =>
        {
            toClient.Write(record);
            toClient.Write([ApplicationData, 0x03, 0x03, 2000 >> 8, 2000 & 0xFF]);
        }));
        TlsClient client = Client(512, timeoutMs: 8000);
        client.Connect("localhost", proxy.Port);
        Assert.AreEqual(512, client.Diagnostics.FragmentLength);
        var watch = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<TlsProtocolException>(() => client.Read(new byte[600], 0, 600));
        watch.Stop();
        Console.WriteLine($"oversized record: {e.Message} after {watch.ElapsedMilliseconds} ms");
        Assert.AreEqual(TlsAlert.RecordOverflow, e.Alert, e.Message);
        Assert.IsTrue(watch.ElapsedMilliseconds < 2000, "the client waited for the body: " + watch.ElapsedMilliseconds + " ms");
        Assert.IsFalse(client.IsConnected);
        Assert.IsTrue(server.WaitForOutput("SSL alert number 22"), "the server did not receive record_overflow: " + server.Output);
    }

    [TestMethod]
    public void HandshakeRecordCutInTheMiddleIsATransportErrorNotAHang()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        using var proxy = new RecordProxy(server.Port, (record, toClient) =>
        {
            toClient.Write(record, 0, 5 + (record.Length - 5) / 2); // half of the server's first record, then FIN
            return false;
        });
        TlsClient client = Client(512);
        var watch = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<TransportException>(() => client.Connect("localhost", proxy.Port));
        Console.WriteLine($"truncated handshake record: {e.Message} after {watch.ElapsedMilliseconds} ms");
        StringAssert.Contains(e.Message, "truncated record");
        Assert.IsTrue(watch.ElapsedMilliseconds < 5000);
        Assert.IsFalse(client.IsConnected);
    }

    [TestMethod]
    public void ApplicationRecordCutInTheMiddleIsATransportErrorNotAHang()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        using var proxy = new RecordProxy(server.Port, (record, toClient) =>
        {
            if (record[0] != ApplicationData)
            {
                toClient.Write(record);
                return true;
            }
            toClient.Write(record, 0, record.Length - 7); // the page's first record without its last 7 bytes, then FIN
            return false;
        });
        TlsClient client = Client(512);
        client.Connect("localhost", proxy.Port);
        byte[] get = Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\n\r\n");
        client.Write(get, 0, get.Length);
        var watch = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<TransportException>(() => client.Read(new byte[1024], 0, 1024));
        Console.WriteLine($"truncated application record: {e.Message} after {watch.ElapsedMilliseconds} ms");
        StringAssert.Contains(e.Message, "truncated record");
        Assert.IsTrue(watch.ElapsedMilliseconds < 5000);
        Assert.IsFalse(client.IsConnected);
    }

    [TestMethod]
    public void ConnectionClosedWithoutCloseNotifyIsAnErrorNotTheEndOfData()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        // Everything passes except the server's close_notify: the proxy drops it and sends FIN instead.
        using var proxy = new RecordProxy(server.Port, (record, toClient) =>
        {
            if (record[0] == Alert) return false;
            toClient.Write(record);
            return true;
        });
        TlsClient client = Client(512);
        client.Connect("localhost", proxy.Port);
        byte[] get = Encoding.ASCII.GetBytes("GET / HTTP/1.0\r\n\r\n");
        client.Write(get, 0, get.Length);
        var page = new MemoryStream();
        byte[] buf = new byte[1024];
        var e = Assert.ThrowsExactly<TransportException>(() =>
        {
            int n;
            while ((n = client.Read(buf, 0, buf.Length)) > 0) page.Write(buf, 0, n);
        });
        Console.WriteLine("FIN without close_notify: " + e.Message);
        StringAssert.StartsWith(Encoding.ASCII.GetString(page.ToArray()), "HTTP/1.0 200 ok", "the proxy passes the page unchanged");
        StringAssert.Contains(e.Message, "without close_notify");
    }

    /// <summary>Replaces the chain in the server's plaintext Certificate message (which must sit inside one record).</summary>
    private static RecordProxy.ServerRecordHandler SwapServerChain(byte[] leaf, Action swapped)
    {
        return (record, toClient) =>
        {
            int at = 5;
            while (record[0] == Handshake && at + 4 <= record.Length)
            {
                int length = (record[at + 1] << 16) | (record[at + 2] << 8) | record[at + 3];
                if (record[at] == 11 && at + 4 + length <= record.Length)
                {
                    var message = new List<byte> { 11 };
                    Append24(message, 3 + 3 + leaf.Length);
                    Append24(message, 3 + leaf.Length);
                    Append24(message, leaf.Length);
                    message.AddRange(leaf);
                    var body = new List<byte>(record.AsSpan(5, at - 5).ToArray());
                    body.AddRange(message);
                    body.AddRange(record.AsSpan(at + 4 + length).ToArray());
                    swapped(); // before the client can see it: it fails as soon as it parses the leaf
                    toClient.Write([Handshake, 0x03, 0x03, (byte)(body.Count >> 8), (byte)body.Count]);
                    toClient.Write(body.ToArray());
                    return true;
                }
                at += 4 + length;
            }
            toClient.Write(record);
            return true;
        };
    }

    private static void Append24(List<byte> to, int value)
    {
        to.Add((byte)(value >> 16));
        to.Add((byte)(value >> 8));
        to.Add((byte)value);
    }

    [TestMethod]
    [DataRow("P-384")]
    [DataRow("RSA")]
    public void ServerPresentingANonP256LeafIsUnsupportedCertificate(string keyType)
    {
        // openssl will not pick an ECDHE-ECDSA suite with such a leaf for this client (see TlsCertificateMatrixTests),
        // so the proxy puts it into an otherwise valid flight: the client's own policy must refuse the key.
        TestCertificate issuer = TestCertificates.Root("TuyaLite-Swap-Root");
        using AsymmetricAlgorithm key = keyType == "RSA" ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP384);
        byte[] leaf = TestCertificates.Leaf(issuer, "localhost", key).Der;
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-www");
        bool swapped = false;
        using var proxy = new RecordProxy(server.Port, SwapServerChain(leaf, () => Volatile.Write(ref swapped, true)));
        TlsClient client = new TlsClient(new SocketTransport(), new TlsClientOptions
        {
            TrustedRoots = [pki.RootDer, issuer.Der],
            Clock = new SystemClock(),
            Entropy = new SystemEntropySource(),
            MaxFragmentLength = 4096,
            HandshakeTimeout = 10000,
        });
        var e = Assert.ThrowsExactly<TlsCertificateException>(() => client.Connect("localhost", proxy.Port));
        Console.WriteLine($"{keyType} leaf swapped in: {e.Message}");
        Assert.IsTrue(Volatile.Read(ref swapped), "the Certificate message was not found inside one record");
        Assert.AreEqual(CertificateError.UnsupportedKey, e.Error, e.Message);
        Assert.AreEqual(TlsAlert.UnsupportedCertificate, e.Alert);
        Assert.IsTrue(server.WaitForOutput("SSL alert number 43"), server.Output);
    }

    [TestMethod]
    public void ServerThatNeverAnswersTimesOutWithinTheHandshakeTimeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var held = new List<Socket>();
        var acceptor = new Thread(() =>
        {
            try
            {
                while (true) lock (held) held.Add(listener.AcceptSocket()); // accept and never answer
            }
            catch (SocketException) { }
            catch (ObjectDisposedException) { }
            catch (InvalidOperationException) { }
        }) { IsBackground = true };
        acceptor.Start();
        try
        {
            TlsClient client = Client(512, timeoutMs: 1000);
            var watch = Stopwatch.StartNew();
            var e = Assert.ThrowsExactly<TransportTimeoutException>(() => client.Connect("localhost", ((IPEndPoint)listener.LocalEndpoint).Port));
            watch.Stop();
            Console.WriteLine($"silent server: {e.Message} after {watch.ElapsedMilliseconds} ms (HandshakeTimeout 1000 ms)");
            Assert.IsTrue(watch.ElapsedMilliseconds >= 900, "gave up early: " + watch.ElapsedMilliseconds);
            Assert.IsTrue(watch.ElapsedMilliseconds < 5000, "waited far beyond the timeout: " + watch.ElapsedMilliseconds);
            Assert.IsFalse(client.IsConnected);
        }
        finally
        {
            listener.Stop();
            lock (held) foreach (Socket s in held) s.Dispose();
            acceptor.Join(2000);
        }
    }

    [TestMethod]
    public void ReadTimeoutAfterTheHandshakeLosesNothing()
    {
        using var server = OpenSslServer.StartStandard(pki, OpenSslServer.Gcm, "-rev");
        TlsClient client = Client(512);
        client.Connect("localhost", server.Port);
        client.ReadTimeout = 300;
        var watch = Stopwatch.StartNew();
        Assert.ThrowsExactly<TransportTimeoutException>(() => client.Read(new byte[64], 0, 64));
        Assert.IsTrue(watch.ElapsedMilliseconds >= 250 && watch.ElapsedMilliseconds < 3000, watch.ElapsedMilliseconds + " ms");
        Assert.IsTrue(client.IsConnected, "a read timeout must leave the connection usable");
        client.ReadTimeout = 5000;
        byte[] line = Encoding.ASCII.GetBytes("timeout\n");
        client.Write(line, 0, line.Length);
        byte[] reply = TransportReads.ReadExactly(client, line.Length);
        Assert.AreEqual("tuoemit\n", Encoding.ASCII.GetString(reply));
        client.Close();
    }
}

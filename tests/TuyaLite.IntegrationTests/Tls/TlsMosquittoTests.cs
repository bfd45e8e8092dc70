using System.Text;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// The TuyaLite TLS client against mosquitto's TLS listener (OpenSSL underneath, TLS 1.2 / P-256 pinned): handshake,
/// then a hand-built MQTT 3.1.1 CONNECT and the broker's CONNACK, with and without mutual TLS.
/// </summary>
[TestClass]
public class TlsMosquittoTests
{
    private static OpenSslPki pki;

    [ClassInitialize]
    public static void CreatePki(TestContext _)
    {
        if (MosquittoBroker.Executable() == null) return;
        pki = new OpenSslPki();
    }

    [ClassCleanup]
    public static void DeletePki() { pki?.Dispose(); }

    private static MosquittoBroker Broker(bool requireCertificate)
    {
        if (pki == null) Assert.Inconclusive("mosquitto is not installed (./test.sh installs it)");
        return MosquittoBroker.Start(pki, requireCertificate);
    }

    /// <summary>MQTT 3.1.1 CONNECT (section 3.1): protocol "MQTT" level 4, clean session, keep-alive 60 s, the client id.</summary>
    internal static byte[] MqttConnect(string clientId)
    {
        byte[] id = Encoding.ASCII.GetBytes(clientId);
        var p = new List<byte> { 0x10, (byte)(10 + 2 + id.Length), 0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04, 0x02, 0x00, 0x3C, 0x00, (byte)id.Length };
        p.AddRange(id);
        return p.ToArray();
    }

    private static TlsClient ConnectAndGetConnack(MosquittoBroker broker, TlsClientOptions options, string clientId)
    {
        var client = new TlsClient(new SocketTransport(), options);
        client.Connect("localhost", broker.Port);
        byte[] connect = MqttConnect(clientId);
        client.Write(connect, 0, connect.Length);
        byte[] connack = TransportReads.ReadExactly(client, 4);
        Assert.AreEqual("20020000", Convert.ToHexString(connack), "CONNACK accepted; broker log:\n" + broker.Output);
        return client;
    }

    [TestMethod]
    public void HandshakeThenMqttConnectGetsConnack()
    {
        using MosquittoBroker broker = Broker(requireCertificate: false);
        TlsClient client = ConnectAndGetConnack(broker, TlsOpenSslTests.Options(pki, 512), "tuyalite-tls-test");
        TlsDiagnostics d = client.Diagnostics;
        Console.WriteLine($"mosquitto: suite={d.CipherSuiteName} mfl={d.FragmentLength} ems={d.ExtendedMasterSecret} handshake bytes={d.HandshakeBytesSent}+{d.HandshakeBytesReceived} fieldMuls={d.FieldMultiplications}");
        Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, d.CipherSuite);
        Assert.AreEqual(512, d.FragmentLength, "mosquitto (OpenSSL) honours Max Fragment Length");
        Assert.IsTrue(broker.WaitForOutput("tuyalite-tls-test"), broker.Output);
        byte[] disconnect = [0xE0, 0x00];
        client.Write(disconnect, 0, disconnect.Length);
        client.Close();
    }

    [TestMethod]
    public void MutualTlsWithTheDeviceCertificateGetsConnack()
    {
        using MosquittoBroker broker = Broker(requireCertificate: true);
        TlsClientOptions o = TlsOpenSslTests.Options(pki, 1024);
        o.ClientCertificate = pki.ClientDer;
        o.ClientPrivateKey = pki.ClientKey;
        TlsClient client = ConnectAndGetConnack(broker, o, "device-0001-session");
        // use_identity_as_username: the broker took the device certificate's CN as the user name.
        Assert.IsTrue(broker.WaitForOutput("u'device-0001'"), broker.Output);
        client.Close();
    }

    [TestMethod]
    public void MutualTlsWithoutADeviceCertificateIsRefusedByTheBroker()
    {
        using MosquittoBroker broker = Broker(requireCertificate: true);
        var client = new TlsClient(new SocketTransport(), TlsOpenSslTests.Options(pki, 1024));
        var e = Assert.ThrowsExactly<TlsAlertException>(() => client.Connect("localhost", broker.Port));
        Console.WriteLine("mosquitto without a device certificate: " + e.Message);
        Assert.AreEqual(TlsAlert.HandshakeFailure, e.Alert, e.Message);
    }

    [TestMethod]
    public void ResumptionWithMosquitto()
    {
        using MosquittoBroker broker = Broker(requireCertificate: false);
        TlsClientOptions o = TlsOpenSslTests.Options(pki, 512);
        TlsClient first = ConnectAndGetConnack(broker, o, "tuyalite-first");
        first.Close();
        string kind = first.Session.Ticket != null ? "ticket" : "session ID";
        var second = new TlsClient(new SocketTransport(), o) { Session = first.Session };
        second.Connect("localhost", broker.Port);
        Console.WriteLine($"mosquitto resumption: resumed={second.Diagnostics.Resumed} offered={kind} bytes={second.Diagnostics.HandshakeBytesSent}+{second.Diagnostics.HandshakeBytesReceived}");
        Assert.IsTrue(second.Diagnostics.Resumed, broker.Output);
        Assert.AreEqual(0L, second.Diagnostics.FieldMultiplications);
        byte[] connect = MqttConnect("tuyalite-second");
        second.Write(connect, 0, connect.Length);
        Assert.AreEqual("20020000", Convert.ToHexString(TransportReads.ReadExactly(second, 4)));
        second.Close();
    }
}

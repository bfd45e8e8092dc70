using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>
    /// The client's handshake state machine and connection behaviour against <see cref="ScriptedTlsServer"/>: full and
    /// abbreviated handshakes, both suites, MFL, EMS, tickets, mutual TLS, and every refusal path with its alert.
    /// </summary>
    [TestClass]
    public class TlsClientTests
    {
        internal static TlsClientOptions Options()
        {
            TlsClientOptions o = new TlsClientOptions();
            o.TrustedRoots = new byte[][] { TestPki.Root };
            o.Clock = new FixedClock(TestPki.Now, true);
            o.Random = new TestRandom(1);
            o.MaxFragmentLength = 1024;
            return o;
        }

        private static TlsClient Connect(MemoryTransport transport, TlsClientOptions options)
        {
            TlsClient client = new TlsClient(transport, options);
            client.Connect("localhost", 443);
            return client;
        }

        private static byte[] Text(string s) { return Bytes.FromAscii(s); }

        private static string ReadText(TlsClient client, int count)
        {
            byte[] buf = new byte[count];
            int got = 0;
            while (got < count)
            {
                int n = client.Read(buf, got, count - got);
                Assert.IsTrue(n > 0, "stream ended early");
                got += n;
            }
            return Bytes.ToAscii(buf, 0, count);
        }

        private static void AssertEcho(TlsClient client, string text)
        {
            byte[] b = Text(text);
            client.Write(b, 0, b.Length);
            Assert.AreEqual(text, ReadText(client, b.Length));
        }

        // ---------------------------------------------------------------- full handshakes

        [TestMethod]
        public void FullHandshakeWithGcmCarriesApplicationData()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            Assert.IsTrue(client.IsConnected);
            TlsDiagnostics d = client.Diagnostics;
            Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, d.CipherSuite);
            Assert.AreEqual(1024, d.FragmentLength);
            Assert.IsFalse(d.Resumed);
            Assert.IsTrue(d.ExtendedMasterSecret);
            Assert.AreEqual(1, d.CertificateCount);
            Assert.AreEqual(TestPki.ServerLeaf.Length, d.CertificateSizes[0]);
            Assert.AreEqual("localhost", d.LeafCommonName);
            Assert.IsTrue(d.FieldMultiplications > 1000, "field multiplications: " + d.FieldMultiplications);
            Assert.AreEqual(t.BytesWritten, d.HandshakeBytesSent);
            Assert.AreEqual(t.BytesRead, d.HandshakeBytesReceived);
            Assert.IsTrue(server.ClientFinishedVerified);
            Assert.AreEqual("localhost", server.SniSeen);
            Assert.AreEqual(2, server.MflCodeSeen);
            Assert.IsTrue(server.EmsSeen);
            AssertEcho(client, "GET / HTTP/1.1\r\n\r\n");
            client.Close();
            server.Pump();
            Assert.IsTrue(server.ClientClosed);
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public void FullHandshakeWithCcm8WhenPreferred()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.SuitePreference = new int[] { TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 };
            TlsClient client = Connect(t, Options());
            Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, client.Diagnostics.CipherSuite);
            AssertEcho(client, "ccm-8 works");
        }

        [TestMethod]
        public void ClientSuiteListIsHonoured()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClientOptions o = Options();
            o.CipherSuites = new int[] { TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 };
            TlsClient client = Connect(t, o);
            Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, client.Diagnostics.CipherSuite);
        }

        [TestMethod]
        public void WritesAreFragmentedToTheNegotiatedLengthAndReadsReassemble()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClientOptions o = Options();
            o.MaxFragmentLength = 512;
            TlsClient client = Connect(t, o);
            Assert.AreEqual(512, client.Diagnostics.FragmentLength);
            byte[] big = new byte[3000];
            for (int i = 0; i < big.Length; i++) big[i] = (byte)('a' + i % 26);
            client.Write(big, 0, big.Length);
            Assert.AreEqual(Bytes.ToAscii(big, 0, big.Length), ReadText(client, big.Length));
            Assert.AreEqual(512, server.LargestClientRecord);
        }

        [TestMethod]
        public void HeldBytesAtMfl512StaysUnderThreeKilobytes()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClientOptions o = Options();
            o.MaxFragmentLength = 512;
            TlsClient client = Connect(t, o);
            int records = 2 * (5 + 512 + 24);
            int ciphers = 2 * (12 + 13 + TlsMemory.GcmEngineBytes);
            int session = client.Session.HeldBytes;
            Assert.AreEqual(records + ciphers + session + 4 + TlsMemory.ParsedCertificateBytes, client.HeldBytes);
            Assert.IsTrue(client.HeldBytes <= 3072, "held " + client.HeldBytes);
            Assert.IsTrue(client.Diagnostics.PeakHeldBytes > client.HeldBytes + 2048, "the handshake buffer is released");
            OutputHelper.WriteLine("HeldBytes at MFL 512: " + client.HeldBytes + " (peak during handshake " + client.Diagnostics.PeakHeldBytes + ")");
        }

        // ---------------------------------------------------------------- resumption

        [TestMethod]
        public void ResumptionBySessionIdSkipsCertificatesAndCurveWork()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient first = Connect(t, Options());
            TlsSession session = first.Session;
            Assert.IsNotNull(session);
            Assert.AreEqual(32, session.SessionId.Length);
            Assert.IsNull(session.Ticket);
            long fullBytes = first.Diagnostics.HandshakeBytesSent + first.Diagnostics.HandshakeBytesReceived;
            first.Close();

            TlsClient second = new TlsClient(server.Reconnect(), Options());
            second.Session = session;
            second.Connect("localhost", 443);
            TlsDiagnostics d = second.Diagnostics;
            Assert.IsTrue(d.Resumed);
            Assert.IsTrue(server.LastResumed);
            Assert.AreEqual(0L, d.FieldMultiplications);
            Assert.AreEqual(0, d.CertificateCount);
            Assert.AreEqual(session.LeafNotAfter.Ticks, d.LeafNotAfter.Ticks);
            Assert.IsTrue(d.HandshakeBytesSent + d.HandshakeBytesReceived < fullBytes / 2);
            AssertEcho(second, "resumed");
        }

        [TestMethod]
        public void ResumptionByTicket()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.IssueTickets = true;
            server.AssignSessionIds = false;
            TlsClient first = Connect(t, Options());
            Assert.IsNotNull(first.Session.Ticket);
            Assert.AreEqual(0, server.TicketLengthSeen);
            first.Close();

            TlsClient second = new TlsClient(server.Reconnect(), Options());
            second.Session = first.Session;
            second.Connect("localhost", 443);
            Assert.IsTrue(second.Diagnostics.Resumed);
            Assert.AreEqual(6, server.TicketLengthSeen);
            Assert.AreEqual(32, server.SessionIdLengthSeen); // fresh ID to recognise acceptance (RFC 5077 3.4)
            Assert.IsNotNull(second.Session.Ticket);
            AssertEcho(second, "ticket");
        }

        [TestMethod]
        public void SessionSurvivesARebootThroughStorage()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            MemoryStorage storage = new MemoryStorage();
            TlsClientOptions o = Options();
            o.SessionStorage = storage;
            Connect(t, o).Close();
            Assert.IsTrue(storage.Contains("tls.session"));

            TlsClientOptions afterReboot = Options();
            afterReboot.SessionStorage = storage;
            TlsClient client = new TlsClient(server.Reconnect(), afterReboot);
            client.Connect("localhost", 443);
            Assert.IsTrue(client.Diagnostics.Resumed);
        }

        [TestMethod]
        public void DeclinedResumptionFallsBackToAFullHandshake()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient first = Connect(t, Options());
            server.AllowResumption = false;
            TlsClient second = new TlsClient(server.Reconnect(), Options());
            second.Session = first.Session;
            second.Connect("localhost", 443);
            Assert.IsFalse(second.Diagnostics.Resumed);
            Assert.AreEqual(1, second.Diagnostics.CertificateCount);
            AssertEcho(second, "full again");
        }

        [TestMethod]
        public void SessionForAnotherHostIsNotOffered()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient first = Connect(t, Options());
            TlsSession s = first.Session;
            s.ServerName = "other.example";
            TlsClient second = new TlsClient(server.Reconnect(), Options());
            second.Session = s;
            second.Connect("localhost", 443);
            Assert.AreEqual(0, server.SessionIdLengthSeen);
            Assert.IsFalse(second.Diagnostics.Resumed);
        }

        [TestMethod]
        public void ResumptionDroppingEmsIsRefusedAndForgotten()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            MemoryStorage storage = new MemoryStorage();
            TlsClientOptions o = Options();
            o.SessionStorage = storage;
            TlsClient first = Connect(t, o);
            server.ResumeWithoutEms = true;
            TlsClient second = new TlsClient(server.Reconnect(), o);
            second.Session = first.Session;
            TlsAssert.Protocol(TlsAlert.HandshakeFailure, () => second.Connect("localhost", 443));
            Assert.IsNull(second.Session);
            Assert.IsFalse(storage.Contains("tls.session"));
            server.Pump();
            Assert.AreEqual(TlsAlert.HandshakeFailure, server.LastAlert);
        }

        // ---------------------------------------------------------------- refusals during the handshake

        private static void ExpectRefusal(ScriptedTlsServer server, MemoryTransport t, TlsClientOptions o, Type type, int alert)
        {
            TlsClient client = new TlsClient(t, o);
            TlsAssert.Throws(type, alert, () => client.Connect("localhost", 443));
            Assert.IsFalse(client.IsConnected);
            server.Pump();
            if (type != typeof(TlsAlertException))
            {
                Assert.AreEqual(TlsAlert.LevelFatal, server.LastAlertLevel);
                Assert.AreEqual(TlsAlert.Name(alert), TlsAlert.Name(server.LastAlert));
            }
        }

        [TestMethod]
        public void TamperedServerFinishedIsDecryptError()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.TamperFinished = true;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.DecryptError);
        }

        [TestMethod]
        public void TamperedKeyExchangeSignatureIsDecryptError()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.TamperKeyExchangeSignature = true;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.DecryptError);
        }

        [TestMethod]
        public void MissingServerKeyExchangeIsUnexpectedMessage()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.OmitServerKeyExchange = true;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.UnexpectedMessage);
        }

        [TestMethod]
        public void FinishedWithoutChangeCipherSpecIsUnexpectedMessage()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.SkipChangeCipherSpec = true;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.UnexpectedMessage);
        }

        [TestMethod]
        public void OlderProtocolVersionIsRefused()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.Version = 0x0302;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.ProtocolVersion);
        }

        [TestMethod]
        public void ServerAlertIsReportedAsReceived()
        {
            // What a TLS 1.3-only server answers to a 1.2-only ClientHello.
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.RefuseWithAlert = TlsAlert.ProtocolVersion;
            ExpectRefusal(server, t, Options(), typeof(TlsAlertException), TlsAlert.ProtocolVersion);
        }

        [TestMethod]
        public void SuiteNotOfferedIsIllegalParameter()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.ForceSuite = 0xC02F;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.IllegalParameter);
        }

        [TestMethod]
        public void CompressionIsIllegalParameter()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.Compression = 1;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.IllegalParameter);
        }

        [TestMethod]
        public void ExtensionNeverOfferedIsUnsupportedExtension()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.ExtraExtensions = new ByteBuilder().U16(16).Begin(2).Begin(2).Begin(1).Hex("6832").End().End().End().ToArray(); // ALPN h2
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.UnsupportedExtension);
        }

        [TestMethod]
        public void GroupNotOfferedIsIllegalParameter()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.KeyExchangeGroup = 24;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.IllegalParameter);
        }

        [TestMethod]
        public void MissingExtendedMasterSecretIsAPolicyFailureUnlessAllowed()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.SendEms = false;
            ExpectRefusal(server, t, Options(), typeof(TlsPolicyException), TlsAlert.HandshakeFailure);

            t = ScriptedTlsServer.Create(out server);
            server.SendEms = false;
            TlsClientOptions o = Options();
            o.RequireExtendedMasterSecret = false;
            TlsClient client = Connect(t, o);
            Assert.IsFalse(client.Diagnostics.ExtendedMasterSecret);
            AssertEcho(client, "classic master secret");
        }

        [TestMethod]
        public void IgnoredMaxFragmentLengthIsAPolicyFailureUnlessFallbackAllowed()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.MflEcho = 0;
            ExpectRefusal(server, t, Options(), typeof(TlsPolicyException), TlsAlert.HandshakeFailure);

            t = ScriptedTlsServer.Create(out server);
            server.MflEcho = 0;
            TlsClientOptions o = Options();
            o.MaxFragmentLength = 512;
            o.AllowFullRecordFallback = true;
            TlsClient client = Connect(t, o);
            Assert.AreEqual(0, client.Diagnostics.FragmentLength);
            server.SendApplicationData(new byte[5000]);
            byte[] buf = new byte[5000];
            int got = 0;
            while (got < 5000) got += client.Read(buf, got, 5000 - got);
            Assert.IsTrue(client.HeldBytes > 16384);
        }

        [TestMethod]
        public void WrongMaxFragmentLengthAnswerIsIllegalParameter()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.MflEcho = 3;
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.IllegalParameter);
        }

        [TestMethod]
        public void NonEmptyRenegotiationInfoIsHandshakeFailure()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.RenegotiationInfo = new byte[12];
            ExpectRefusal(server, t, Options(), typeof(TlsProtocolException), TlsAlert.HandshakeFailure);
        }

        [TestMethod]
        public void UntrustedChainIsACertificateFailure()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.Chain = new byte[][] { TestPki.UntrustedLeaf };
            TlsClient client = new TlsClient(t, Options());
            try
            {
                client.Connect("localhost", 443);
                Assert.IsTrue(false, "an untrusted chain was accepted");
            }
            catch (TlsCertificateException e)
            {
                Assert.AreEqual(CertificateError.UntrustedRoot, e.Error);
                server.Pump();
                Assert.AreEqual(TlsAlert.UnknownCa, server.LastAlert);
            }
        }

        [TestMethod]
        public void WrongHostNameIsACertificateFailure()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClientOptions o = Options();
            o.ServerName = "device.example.com";
            TlsClient client = new TlsClient(t, o);
            try
            {
                client.Connect("127.0.0.1", 443);
                Assert.IsTrue(false, "a certificate for another name was accepted");
            }
            catch (TlsCertificateException e)
            {
                Assert.AreEqual(CertificateError.HostnameMismatch, e.Error);
            }
            Assert.AreEqual("device.example.com", server.SniSeen);
        }

        [TestMethod]
        public void IpLiteralHostSendsNoSni()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = new TlsClient(t, Options());
            try
            {
                client.Connect("127.0.0.1", 443);
            }
            catch (TlsCertificateException)
            {
                // the test leaf has no IP SAN; only the ClientHello matters here
            }
            Assert.IsNull(server.SniSeen);
        }

        [TestMethod]
        public void StalledServerTimesOut()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.Stall = true;
            TlsClient client = new TlsClient(t, Options());
            Assert.ThrowsException(typeof(TransportTimeoutException), () => client.Connect("localhost", 443));
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public void AlertWaitingBehindAFailedHandshakeWriteIsTheReportedReason()
        {
            // A server that refuses the client's second flight sends its alert and closes; the client's next write then
            // fails (connection reset), and the alert already received is the real reason.
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            ResettingTransport refusing = new ResettingTransport(t, 2, new byte[] { 21, 3, 3, 0, 2, 2, TlsAlert.HandshakeFailure });
            TlsClient client = new TlsClient(refusing, Options());
            TlsAssert.Throws(typeof(TlsAlertException), TlsAlert.HandshakeFailure, () => client.Connect("localhost", 443));
            Assert.IsFalse(client.IsConnected);
            Assert.IsNull(client.Session);
        }

        [TestMethod]
        public void FailedHandshakeWriteWithoutAnAlertStaysATransportFailure()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = new TlsClient(new ResettingTransport(t, 2, null), Options());
            Assert.ThrowsException(typeof(TransportException), () => client.Connect("localhost", 443));
            Assert.IsFalse(client.IsConnected);
        }

        /// <summary>Fails the Nth write as a reset connection would, after putting the given bytes (a server's alert)
        /// into the client's read queue.</summary>
        private sealed class ResettingTransport : TransportDecorator
        {
            private readonly MemoryTransport memory;
            private readonly int failingWrite;
            private readonly byte[] pending;
            private int writes;

            public ResettingTransport(MemoryTransport inner, int failingWrite, byte[] pending) : base(inner)
            {
                memory = inner;
                this.failingWrite = failingWrite;
                this.pending = pending;
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (++writes == failingWrite)
                {
                    if (pending != null) memory.Inject(pending, 0, pending.Length);
                    throw new TransportException("send failed: connection reset by peer");
                }
                Inner.Write(buffer, offset, count);
            }
        }

        // ---------------------------------------------------------------- mutual TLS

        [TestMethod]
        public void MutualTlsSendsDeviceCertificateAndVerify()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.RequestClientCertificate = true;
            TlsClientOptions o = Options();
            o.ClientCertificate = TestPki.ClientCertificate;
            o.ClientPrivateKey = TestPki.ClientKey;
            TlsClient client = Connect(t, o);
            Assert.AreEqual(TestPki.ClientCertificate.Length, server.ClientCertificateLength);
            Assert.IsTrue(server.ClientCertificateVerified);
            AssertEcho(client, "mutual");
        }

        [TestMethod]
        public void CertificateRequestWithoutDeviceCertificateGetsAnEmptyOne()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.RequestClientCertificate = true;
            TlsClient client = Connect(t, Options());
            Assert.AreEqual(0, server.ClientCertificateLength);
            Assert.IsFalse(server.ClientCertificateVerified);
            AssertEcho(client, "anonymous client");
        }

        // ---------------------------------------------------------------- after the handshake

        [TestMethod]
        public void OversizedRecordAfterTheHandshakeIsRecordOverflow()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            server.WriteRecord(TlsConstants.ContentApplicationData, new byte[1025], 0, 1025);
            byte[] buf = new byte[10];
            TlsAssert.Protocol(TlsAlert.RecordOverflow, () => client.Read(buf, 0, 10));
            server.Pump();
            Assert.AreEqual(TlsAlert.RecordOverflow, server.LastAlert);
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public void HelloRequestIsAnsweredWithNoRenegotiation()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            server.WriteRecord(TlsConstants.ContentHandshake, new byte[4], 0, 4);
            server.SendApplicationData(Text("after"));
            Assert.AreEqual("after", ReadText(client, 5));
            server.Pump();
            Assert.AreEqual(TlsAlert.LevelWarning, server.LastAlertLevel);
            Assert.AreEqual(TlsAlert.NoRenegotiation, server.LastAlert);
            Assert.IsTrue(client.IsConnected);
        }

        [TestMethod]
        public void OtherHandshakeMessageAfterTheHandshakeIsUnexpected()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            byte[] nst = new ByteBuilder().Message(TlsConstants.NewSessionTicket).U32(1).U16(0).End().ToArray();
            server.WriteRecord(TlsConstants.ContentHandshake, nst, 0, nst.Length);
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => client.Read(new byte[4], 0, 4));
        }

        [TestMethod]
        public void CloseNotifyFromServerEndsTheStreamCleanly()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            server.SendApplicationData(Text("bye"));
            server.SendAlert(TlsAlert.LevelWarning, TlsAlert.CloseNotify);
            Assert.AreEqual("bye", ReadText(client, 3));
            Assert.AreEqual(0, client.Read(new byte[8], 0, 8));
            Assert.AreEqual(0, client.Read(new byte[8], 0, 8));
            server.Pump();
            Assert.IsTrue(server.ClientClosed, "the client answers close_notify");
            Assert.IsFalse(client.IsConnected);
            Assert.IsNotNull(client.Session, "a clean close keeps the session");
        }

        [TestMethod]
        public void FatalAlertAfterTheHandshakeIsReported()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            server.SendAlert(TlsAlert.LevelFatal, TlsAlert.InternalError);
            TlsAssert.Throws(typeof(TlsAlertException), TlsAlert.InternalError, () => client.Read(new byte[4], 0, 4));
            Assert.IsNull(client.Session, "a fatal alert invalidates the session");
            Assert.ThrowsException(typeof(TransportException), () => client.Write(new byte[1], 0, 1));
        }

        [TestMethod]
        public void ReadTimeoutLeavesTheConnectionUsable()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.EchoApplicationData = false;
            TlsClient client = Connect(t, Options());
            Assert.ThrowsException(typeof(TransportTimeoutException), () => client.Read(new byte[4], 0, 4));
            Assert.IsTrue(client.IsConnected);
            server.SendApplicationData(Text("late"));
            Assert.AreEqual("late", ReadText(client, 4));
        }

        [TestMethod]
        public void RevalidateTimeClosesAConnectionWhoseLeafHasExpired()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, Options());
            client.RevalidateTime(TestPki.Now.AddDays(1));
            Assert.IsTrue(client.IsConnected);
            try
            {
                client.RevalidateTime(new DateTime(2200, 1, 1));
                Assert.IsTrue(false, "expired leaf accepted");
            }
            catch (TlsCertificateException e)
            {
                Assert.AreEqual(CertificateError.Expired, e.Error);
            }
            Assert.IsFalse(client.IsConnected);
            server.Pump();
            Assert.AreEqual(TlsAlert.CertificateExpired, server.LastAlert);
        }
    }
}

using System;
using System.Threading;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>
    /// Record boundaries the RFC allows but the simple paths miss (several messages in the ServerHello's or the
    /// Finished's record), time checks of resumed sessions while the clock is unknown, and failures of the transport in
    /// the middle of an operation (a write failing inside Read, a server trickling its handshake).
    /// </summary>
    [TestClass]
    public class TlsClientRobustnessTests
    {
        private static TlsClient Connect(ITransport transport, TlsClientOptions options)
        {
            TlsClient client = new TlsClient(transport, options);
            client.Connect("localhost", 443);
            return client;
        }

        private static void AssertEcho(TlsClient client, string text)
        {
            byte[] b = Bytes.FromAscii(text);
            client.Write(b, 0, b.Length);
            byte[] back = new byte[b.Length];
            int got = 0;
            while (got < back.Length)
            {
                int n = client.Read(back, got, back.Length - got);
                Assert.IsTrue(n > 0, "stream ended early");
                got += n;
            }
            Assert.AreEqual(text, Bytes.ToAscii(back, 0, back.Length));
        }

        // ---------------------------------------------------------------- full-record fallback with coalesced records

        [TestMethod]
        public void FullRecordFallbackAcceptsAFirstFlightCoalescedIntoOneRecord()
        {
            // MFL 4096 sizes the input buffer so that the whole first flight (one record) fits; the ServerHello is then
            // read while the rest of that record still waits in the buffer when the buffer must grow.
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.MflEcho = 0;
            TlsClientOptions o = TlsClientTests.Options();
            o.MaxFragmentLength = 4096;
            o.AllowFullRecordFallback = true;
            TlsClient client = Connect(t, o);
            Assert.AreEqual(0, client.Diagnostics.FragmentLength);
            AssertEcho(client, "coalesced first flight");
        }

        [TestMethod]
        public void FullRecordFallbackResumesWithTheTicketInTheServerHellosRecord()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.MflEcho = 0;
            server.IssueTickets = true;
            TlsClientOptions o = TlsClientTests.Options();
            o.AllowFullRecordFallback = true;
            TlsClient first = Connect(t, o);
            first.Close();

            TlsClient second = new TlsClient(server.Reconnect(), o);
            second.Session = first.Session;
            second.Connect("localhost", 443);
            Assert.IsTrue(second.Diagnostics.Resumed);
            AssertEcho(second, "resumed with a ticket");
        }

        // ---------------------------------------------------------------- nothing from the handshake stays reachable

        [TestMethod]
        public void NothingFromTheHandshakeStaysReferencedAfterConnect()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient client = Connect(t, TlsClientTests.Options());
            Assert.IsFalse(client.HoldsHandshakeState, "handshake, its buffer or the validator's leaf buffer still referenced");
            Assert.AreEqual("localhost", client.Diagnostics.LeafCommonName);

            ScriptedTlsServer refusing;
            MemoryTransport t2 = ScriptedTlsServer.Create(out refusing);
            refusing.TamperKeyExchangeSignature = true;
            TlsClient failed = new TlsClient(t2, TlsClientTests.Options());
            TlsAssert.Protocol(TlsAlert.DecryptError, () => failed.Connect("localhost", 443));
            Assert.IsFalse(failed.HoldsHandshakeState, "a failed handshake still referenced");
        }

        // ---------------------------------------------------------------- resumption while the clock is unknown

        private static TlsSession FirstSession(out ScriptedTlsServer server)
        {
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            TlsClient first = Connect(t, TlsClientTests.Options());
            TlsSession s = first.Session;
            first.Close();
            Assert.IsFalse(s.LeafTimeProvisional);
            return s;
        }

        private static TlsClientOptions UnknownClock(DateTime timeLowerBound)
        {
            TlsClientOptions o = TlsClientTests.Options();
            o.Clock = new FixedClock(DateTime.MinValue, false);
            o.TimeLowerBound = timeLowerBound;
            return o;
        }

        [TestMethod]
        public void UnknownClockResumptionIsProvisional()
        {
            ScriptedTlsServer server;
            TlsSession s = FirstSession(out server);
            TlsClient second = new TlsClient(server.Reconnect(), UnknownClock(TestPki.Now.AddDays(-30)));
            second.Session = s;
            second.Connect("localhost", 443);
            Assert.IsTrue(second.Diagnostics.Resumed);
            Assert.IsTrue(second.Diagnostics.LeafTimeProvisional, "diagnostics");
            Assert.IsTrue(second.Session.LeafTimeProvisional, "new session");
            second.RevalidateTime(TestPki.Now);
            Assert.IsFalse(second.Diagnostics.LeafTimeProvisional);
            Assert.IsFalse(second.Session.LeafTimeProvisional);
        }

        [TestMethod]
        public void UnknownClockDoesNotOfferASessionWhoseLeafExpiredBeforeTheLowerBound()
        {
            ScriptedTlsServer server;
            TlsSession s = FirstSession(out server);
            s.LeafNotAfter = TestPki.Now.AddDays(-10); // as remembered; the real leaf is still valid
            TlsClient second = new TlsClient(server.Reconnect(), UnknownClock(TestPki.Now.AddDays(-1)));
            second.Session = s;
            second.Connect("localhost", 443);
            Assert.AreEqual(0, server.SessionIdLengthSeen, "the session was offered");
            Assert.IsFalse(second.Diagnostics.Resumed);
            Assert.IsTrue(second.Diagnostics.LeafTimeProvisional);
        }

        [TestMethod]
        public void UnknownClockWithoutLowerBoundOffersNoSession()
        {
            ScriptedTlsServer server;
            TlsSession s = FirstSession(out server);
            TlsClientOptions o = TlsClientTests.Options();
            o.Clock = new FixedClock(DateTime.MinValue, false);
            TlsClient second = new TlsClient(server.Reconnect(), o);
            second.Session = s;
            try
            {
                second.Connect("localhost", 443);
                Assert.IsTrue(false, "connected with an unknown clock and no lower bound");
            }
            catch (TlsCertificateException e)
            {
                Assert.AreEqual(CertificateError.ClockUnknown, e.Error);
            }
            Assert.AreEqual(0, server.SessionIdLengthSeen, "the session was offered");
        }

        // ---------------------------------------------------------------- more handshake data in the Finished's record

        [TestMethod]
        public void HelloRequestInTheFinishedRecordIsAnsweredAfterTheHandshake()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.FinishedRecordTrailer = new byte[4]; // HelloRequest (RFC 5246 6.2.1: messages may share a record)
            TlsClient client = Connect(t, TlsClientTests.Options());
            AssertEcho(client, "after the hello request");
            server.Pump();
            Assert.AreEqual(TlsAlert.NoRenegotiation, server.LastAlert);
            Assert.IsTrue(client.IsConnected);
        }

        [TestMethod]
        public void OtherMessageInTheFinishedRecordIsUnexpected()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            server.FinishedRecordTrailer = new ByteBuilder().Message(TlsConstants.NewSessionTicket).U32(1).U16(0).End().ToArray();
            TlsClient client = Connect(t, TlsClientTests.Options());
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => client.Read(new byte[4], 0, 4));
            server.Pump();
            Assert.AreEqual(TlsAlert.UnexpectedMessage, server.LastAlert);
        }

        // ---------------------------------------------------------------- a write failing inside Read

        [TestMethod]
        public void WriteTimeoutWhileRefusingRenegotiationIsFatal()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            FaultyTransport faulty = new FaultyTransport(t);
            TlsClient client = Connect(faulty, TlsClientTests.Options());
            server.WriteRecord(TlsConstants.ContentHandshake, new byte[4], 0, 4);
            faulty.FailWrites = true;
            try
            {
                client.Read(new byte[4], 0, 4);
                Assert.IsTrue(false, "the failed no_renegotiation alert went unnoticed");
            }
            catch (TransportException e)
            {
                Assert.IsFalse(e is TransportTimeoutException, "reported as a harmless read timeout: " + e.Message);
            }
            Assert.IsFalse(client.IsConnected);
            Assert.ThrowsException(typeof(TransportException), () => client.Write(new byte[1], 0, 1));
        }

        // ---------------------------------------------------------------- a server trickling its handshake

        [TestMethod]
        public void TricklingServerHitsTheHandshakeDeadline()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            t.MaxReadChunk = 1;
            FaultyTransport slow = new FaultyTransport(t);
            slow.ReadDelay = 5; // ms per byte: each read is far within HandshakeTimeout, the whole flight is not
            TlsClientOptions o = TlsClientTests.Options();
            o.HandshakeDeadline = 300;
            TlsClient client = new TlsClient(slow, o);
            long start = DateTime.UtcNow.Ticks;
            Assert.ThrowsException(typeof(TransportTimeoutException), () => client.Connect("localhost", 443));
            long ms = (DateTime.UtcNow.Ticks - start) / TimeSpan.TicksPerMillisecond;
            Assert.IsTrue(ms < 3000, "deadline of 300 ms overrun: " + ms + " ms");
            Assert.IsFalse(client.IsConnected);
        }

        [TestMethod]
        public void HandshakeDeadlineDefaultsToThirtySeconds()
        {
            Assert.AreEqual(30000, new TlsClientOptions().HandshakeDeadline);
        }

        /// <summary>A transport that can be made to fail its writes with a timeout, or to sleep before every read.</summary>
        private sealed class FaultyTransport : TransportDecorator
        {
            public bool FailWrites;
            public int ReadDelay;

            public FaultyTransport(ITransport inner) : base(inner) { }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (ReadDelay > 0) Thread.Sleep(ReadDelay);
                return Inner.Read(buffer, offset, count);
            }

            public override void Write(byte[] buffer, int offset, int count)
            {
                if (FailWrites) throw new TransportTimeoutException("write timed out");
                Inner.Write(buffer, offset, count);
            }
        }
    }
}

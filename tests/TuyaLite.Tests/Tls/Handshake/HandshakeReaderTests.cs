using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    [TestClass]
    public class HandshakeReaderTests
    {
        private static HandshakeReader NewReader(int maxMessage, out MemoryTransport peer)
        {
            MemoryTransport client;
            MemoryTransport.CreatePair(65536, out client, out peer);
            RecordLayer records = new RecordLayer(client, 512, 512, 24);
            return new HandshakeReader(records, new byte[4 + maxMessage], 4);
        }

        private static void SendRecord(MemoryTransport peer, int type, byte[] body, int offset, int count)
        {
            byte[] r = new byte[5 + count];
            r[0] = (byte)type;
            Bytes.WriteUInt16BE(r, 1, 0x0303);
            Bytes.WriteUInt16BE(r, 3, count);
            Array.Copy(body, offset, r, 5, count);
            peer.Write(r, 0, r.Length);
        }

        private static void SendRecord(MemoryTransport peer, int type, byte[] body) { SendRecord(peer, type, body, 0, body.Length); }

        private static byte[] Message(int type, int length, int fill)
        {
            return new ByteBuilder().Message(type).Fill(length, fill).End().ToArray();
        }

        [TestMethod]
        public void MessageSplitAcrossRecordsIsReassembled()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            byte[] msg = Message(TlsConstants.Certificate, 1200, 0x33);
            SendRecord(peer, TlsConstants.ContentHandshake, msg, 0, 2);      // half a header
            SendRecord(peer, TlsConstants.ContentHandshake, msg, 2, 500);
            SendRecord(peer, TlsConstants.ContentHandshake, msg, 502, msg.Length - 502);
            Assert.AreEqual(TlsConstants.Certificate, reader.Next());
            Assert.AreEqual(1200, reader.Length);
            Assert.AreEqual(1204, reader.TotalLength);
            Assert.AreEqual((byte)0x33, reader.Buffer[1203]);
        }

        [TestMethod]
        public void SeveralMessagesInOneRecordComeOneByOne()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            byte[] flight = new ByteBuilder()
                .Raw(Message(TlsConstants.ServerKeyExchange, 100, 1))
                .Raw(Message(TlsConstants.ServerHelloDone, 0, 0)).ToArray();
            SendRecord(peer, TlsConstants.ContentHandshake, flight);
            Assert.AreEqual(TlsConstants.ServerKeyExchange, reader.Next());
            Assert.AreEqual(100, reader.Length);
            Assert.AreEqual(TlsConstants.ServerHelloDone, reader.Next());
            Assert.AreEqual(0, reader.Length);
        }

        [TestMethod]
        public void MessageLargerThanTheBufferIsRefusedBeforeItsBody()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(1024, out peer);
            SendRecord(peer, TlsConstants.ContentHandshake, new byte[] { TlsConstants.Certificate, 0, 4, 1 }); // 1025 bytes announced
            TlsAssert.Throws(typeof(TlsPolicyException), TlsAlert.HandshakeFailure, () => reader.Next());
        }

        [TestMethod]
        public void ChangeCipherSpecIsDeliveredOnlyBetweenMessages()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            SendRecord(peer, TlsConstants.ContentChangeCipherSpec, new byte[] { 1 });
            Assert.AreEqual(HandshakeReader.ChangeCipherSpec, reader.Next());

            reader = NewReader(2048, out peer);
            byte[] msg = Message(TlsConstants.Finished, 12, 7);
            SendRecord(peer, TlsConstants.ContentHandshake, msg, 0, 6);
            SendRecord(peer, TlsConstants.ContentChangeCipherSpec, new byte[] { 1 });
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => reader.Next());
        }

        [TestMethod]
        public void HelloRequestDuringTheHandshakeIsIgnored()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            SendRecord(peer, TlsConstants.ContentHandshake, new ByteBuilder()
                .Raw(Message(TlsConstants.HelloRequest, 0, 0))
                .Raw(Message(TlsConstants.ServerHelloDone, 0, 0)).ToArray());
            Assert.AreEqual(TlsConstants.ServerHelloDone, reader.Next());

            reader = NewReader(2048, out peer);
            SendRecord(peer, TlsConstants.ContentHandshake, Message(TlsConstants.HelloRequest, 1, 0));
            TlsAssert.Decode(() => reader.Next());
        }

        [TestMethod]
        public void IgnorableWarningsPassOthersEndTheHandshake()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            SendRecord(peer, TlsConstants.ContentAlert, new byte[] { 1, TlsAlert.UnrecognizedName });
            SendRecord(peer, TlsConstants.ContentAlert, new byte[] { 1, TlsAlert.NoRenegotiation });
            SendRecord(peer, TlsConstants.ContentHandshake, Message(TlsConstants.ServerHelloDone, 0, 0));
            Assert.AreEqual(TlsConstants.ServerHelloDone, reader.Next());

            int[] fatal = new int[] { (2 << 8) | TlsAlert.HandshakeFailure, (1 << 8) | TlsAlert.BadCertificate, (1 << 8) | TlsAlert.CloseNotify };
            for (int i = 0; i < fatal.Length; i++)
            {
                reader = NewReader(2048, out peer);
                SendRecord(peer, TlsConstants.ContentAlert, new byte[] { (byte)(fatal[i] >> 8), (byte)fatal[i] });
                TlsAssert.Throws(typeof(TlsAlertException), fatal[i] & 0xFF, () => reader.Next());
            }
        }

        [TestMethod]
        public void EndlessWarningsAreCutOff()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            for (int i = 0; i < 6; i++) SendRecord(peer, TlsConstants.ContentAlert, new byte[] { 1, TlsAlert.NoRenegotiation });
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => reader.Next());
        }

        [TestMethod]
        public void ApplicationDataDuringTheHandshakeIsUnexpected()
        {
            MemoryTransport peer;
            HandshakeReader reader = NewReader(2048, out peer);
            SendRecord(peer, TlsConstants.ContentApplicationData, new byte[] { 1, 2, 3 });
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => reader.Next());
        }
    }
}

using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    [TestClass]
    public class RecordLayerTests
    {
        private const int Handshake = TlsConstants.ContentHandshake;
        private const int AppData = TlsConstants.ContentApplicationData;

        private static RecordLayer NewLayer(int fragment, out MemoryTransport peer)
        {
            MemoryTransport client;
            MemoryTransport.CreatePair(65536, out client, out peer);
            return new RecordLayer(client, fragment, fragment, 24);
        }

        /// <summary>A raw record: header with the given type/version/length field and the body.</summary>
        internal static byte[] Record(int type, int version, byte[] body)
        {
            byte[] r = new byte[5 + body.Length];
            r[0] = (byte)type;
            Bytes.WriteUInt16BE(r, 1, version);
            Bytes.WriteUInt16BE(r, 3, body.Length);
            Array.Copy(body, 0, r, 5, body.Length);
            return r;
        }

        private static void Send(MemoryTransport peer, byte[] bytes) { peer.Write(bytes, 0, bytes.Length); }

        private static byte[] Pattern(int n, int seed)
        {
            byte[] b = new byte[n];
            for (int i = 0; i < n; i++) b[i] = (byte)(i * 7 + seed);
            return b;
        }

        private static byte[] ReadAll(RecordLayer rl, int n)
        {
            byte[] b = new byte[n];
            int got = 0;
            while (got < n)
            {
                int r = rl.ReadData(b, got, n - got);
                if (r == 0) break;
                got += r;
            }
            Assert.AreEqual(n, got);
            return b;
        }

        [TestMethod]
        public void PlaintextRecordsAreDeliveredWithTypeAndBody()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            byte[] body = Pattern(100, 1);
            Send(peer, Record(Handshake, 0x0303, body));
            Send(peer, Record(TlsConstants.ContentAlert, 0x0303, new byte[] { 1, 0 }));
            Assert.AreEqual(Handshake, rl.NextRecord());
            Assert.AreEqual(100, rl.Remaining);
            CollectionAssert.AreEqual(body, ReadAll(rl, 100));
            Assert.AreEqual(0, rl.Remaining);
            Assert.AreEqual(TlsConstants.ContentAlert, rl.NextRecord());
            Assert.AreEqual((1 << 8) | 0, rl.ReadAlert());
            Assert.AreEqual(112L, rl.BytesReceived); // (5 + 100) + (5 + 2)
        }

        [TestMethod]
        public void ByteByByteDeliveryReassemblesRecords()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            peer.Peer.MaxReadChunk = 1;
            byte[] body = Pattern(300, 3);
            Send(peer, Record(Handshake, 0x0303, body));
            Assert.AreEqual(Handshake, rl.NextRecord());
            CollectionAssert.AreEqual(body, ReadAll(rl, 300));
        }

        [TestMethod]
        public void ReadTimeoutInsideARecordKeepsWhatArrived()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            byte[] rec = Record(AppData, 0x0303, Pattern(40, 9));
            peer.Write(rec, 0, 3); // part of the header only
            Assert.ThrowsException(typeof(TransportTimeoutException), () => rl.NextRecord());
            peer.Write(rec, 3, 20); // rest of the header and part of the body
            Assert.ThrowsException(typeof(TransportTimeoutException), () => rl.NextRecord());
            peer.Write(rec, 23, rec.Length - 23);
            Assert.AreEqual(AppData, rl.NextRecord());
            CollectionAssert.AreEqual(Pattern(40, 9), ReadAll(rl, 40));
        }

        [TestMethod]
        public void UnknownContentTypeIsUnexpectedMessage()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            Send(peer, Record(24, 0x0303, new byte[] { 1 }));
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => rl.NextRecord());
        }

        [TestMethod]
        public void VersionIsCheckedLooselyBeforeServerHelloAndExactlyAfter()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            Send(peer, Record(TlsConstants.ContentAlert, 0x0301, new byte[] { 2, 70 }));
            Assert.AreEqual(TlsConstants.ContentAlert, rl.NextRecord());
            rl.ReadAlert();
            Send(peer, Record(Handshake, 0x0203, new byte[] { 1 }));
            TlsAssert.Protocol(TlsAlert.ProtocolVersion, () => rl.NextRecord());

            rl = NewLayer(512, out peer);
            rl.LockVersion();
            Send(peer, Record(Handshake, 0x0301, new byte[] { 1 }));
            TlsAssert.Protocol(TlsAlert.ProtocolVersion, () => rl.NextRecord());
        }

        [TestMethod]
        public void PlaintextOverTheNegotiatedLimitIsRecordOverflow()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            rl.SetReceiveLimit(512);
            Send(peer, Record(Handshake, 0x0303, Pattern(512, 0)));
            Assert.AreEqual(Handshake, rl.NextRecord());
            rl.SkipRecord();
            Send(peer, Record(Handshake, 0x0303, Pattern(513, 0)));
            TlsAssert.Protocol(TlsAlert.RecordOverflow, () => rl.NextRecord());
        }

        [TestMethod]
        public void BeforeNegotiationALargePlaintextRecordIsStreamed()
        {
            // A 512-byte buffer still reads a 3000-byte first flight record: the body streams from the transport.
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            byte[] body = Pattern(3000, 5);
            Send(peer, Record(Handshake, 0x0303, body));
            Assert.AreEqual(Handshake, rl.NextRecord());
            Assert.AreEqual(3000, rl.Remaining);
            CollectionAssert.AreEqual(body, ReadAll(rl, 3000));
            Assert.AreEqual(5 + 512 + 24, rl.InputBufferSize);
        }

        [TestMethod]
        public void RecordBeyondTheProtocolMaximumIsOverflowEvenBeforeNegotiation()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            byte[] header = new byte[] { Handshake, 3, 3, 0x40, 0x01 }; // 16385 bytes
            Send(peer, header);
            TlsAssert.Protocol(TlsAlert.RecordOverflow, () => rl.NextRecord());
        }

        [TestMethod]
        public void EmptyHandshakeAlertOrCcsRecordIsRejected()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            Send(peer, Record(AppData, 0x0303, new byte[0]));
            Assert.AreEqual(AppData, rl.NextRecord());
            Assert.AreEqual(0, rl.Remaining);
            Send(peer, Record(Handshake, 0x0303, new byte[0]));
            TlsAssert.Protocol(TlsAlert.UnexpectedMessage, () => rl.NextRecord());
        }

        [TestMethod]
        public void TruncatedRecordIsATransportFailure()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            byte[] rec = Record(Handshake, 0x0303, Pattern(50, 0));
            peer.Write(rec, 0, 30);
            peer.Close();
            Assert.ThrowsException(typeof(TransportException), () => rl.NextRecord());
        }

        [TestMethod]
        public void CleanEndOfStreamBetweenRecordsIsReported()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            peer.Close();
            Assert.ThrowsException(typeof(TransportException), () => rl.NextRecord());
        }

        [TestMethod]
        public void AlertAndChangeCipherSpecMustHaveExactSizes()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            Send(peer, Record(TlsConstants.ContentAlert, 0x0303, new byte[] { 1, 0, 1 }));
            rl.NextRecord();
            TlsAssert.Decode(() => rl.ReadAlert());

            rl = NewLayer(512, out peer);
            Send(peer, Record(TlsConstants.ContentChangeCipherSpec, 0x0303, new byte[] { 2 }));
            rl.NextRecord();
            TlsAssert.Decode(() => rl.ReadChangeCipherSpec());

            rl = NewLayer(512, out peer);
            Send(peer, Record(TlsConstants.ContentChangeCipherSpec, 0x0303, new byte[] { 1 }));
            rl.NextRecord();
            rl.ReadChangeCipherSpec();
            Assert.AreEqual(0, rl.Remaining);
        }

        [TestMethod]
        public void WritesAreFragmentedAtTheSendLimitAndCoalescedByType()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            rl.Write(Handshake, Pattern(100, 0), 0, 100);
            rl.Write(Handshake, Pattern(50, 1), 0, 50);     // same record as the 100
            rl.WriteByte(TlsConstants.ContentChangeCipherSpec, 1); // type change flushes
            rl.Write(AppData, Pattern(1100, 2), 0, 1100);  // 512 + 512 sent at once, 76 pending
            rl.Flush();

            byte[] wire = new byte[peer.Available];
            peer.Read(wire, 0, wire.Length);
            int p = 0;
            int[] expectedTypes = new int[] { Handshake, TlsConstants.ContentChangeCipherSpec, AppData, AppData, AppData };
            int[] expectedLengths = new int[] { 150, 1, 512, 512, 76 };
            for (int i = 0; i < expectedTypes.Length; i++)
            {
                Assert.AreEqual(expectedTypes[i], (int)wire[p]);
                Assert.AreEqual(0x0303, (int)Bytes.ReadUInt16BE(wire, p + 1));
                Assert.AreEqual(expectedLengths[i], (int)Bytes.ReadUInt16BE(wire, p + 3));
                p += 5 + expectedLengths[i];
            }
            Assert.AreEqual(wire.Length, p);
            Assert.AreEqual((long)wire.Length, rl.BytesSent);
            Assert.AreEqual((byte)(2 * 7 + 2), wire[5 + 150 + 5 + 1 + 5 + 2]);
        }

        [TestMethod]
        public void ProtectedRecordsRoundTripWithSequenceNumbersAndExplicitNonce()
        {
            MemoryTransport peer;
            RecordLayer writer = NewLayer(512, out peer);
            writer.SetWriteCipher(FakeCipherState.Keyed(16, 0x5A, 9));
            writer.Write(AppData, Pattern(512, 4), 0, 512);
            writer.Write(AppData, Pattern(10, 5), 0, 10);
            writer.Flush();
            byte[] wire = new byte[peer.Available];
            peer.Read(wire, 0, wire.Length);
            Assert.AreEqual(2 * (5 + 8 + 16) + 522, wire.Length);
            // Explicit nonce of record 0 is sequence 0, of record 1 sequence 1.
            Assert.AreEqual(0UL, Bytes.ReadUInt64BE(wire, 5));
            Assert.AreEqual(1UL, Bytes.ReadUInt64BE(wire, 5 + 8 + 512 + 16 + 5));

            MemoryTransport readerPeer;
            RecordLayer reader = NewLayer(512, out readerPeer);
            reader.LockVersion();
            reader.SetReceiveLimit(512);
            reader.SetReadCipher(FakeCipherState.Keyed(16, 0x5A, 9));
            readerPeer.Write(wire, 0, wire.Length);
            Assert.AreEqual(AppData, reader.NextRecord());
            CollectionAssert.AreEqual(Pattern(512, 4), ReadAll(reader, 512));
            Assert.AreEqual(AppData, reader.NextRecord());
            CollectionAssert.AreEqual(Pattern(10, 5), ReadAll(reader, 10));
        }

        [TestMethod]
        public void TamperedOrReorderedProtectedRecordIsBadRecordMac()
        {
            byte[] wire = SealTwo();
            // Flip one ciphertext bit of the first record.
            wire[5 + 8 + 3] ^= 1;
            TlsAssert.Protocol(TlsAlert.BadRecordMac, () => OpenFirst(wire));

            // Deliver the second record first: its sequence number (in the AAD) does not match.
            wire = SealTwo();
            int first = 5 + 8 + 20 + 16;
            byte[] swapped = new byte[wire.Length];
            Array.Copy(wire, first, swapped, 0, wire.Length - first);
            Array.Copy(wire, 0, swapped, wire.Length - first, first);
            TlsAssert.Protocol(TlsAlert.BadRecordMac, () => OpenFirst(swapped));

            // Change the content type in the header: it is authenticated too.
            wire = SealTwo();
            wire[0] = Handshake;
            TlsAssert.Protocol(TlsAlert.BadRecordMac, () => OpenFirst(wire));
        }

        [TestMethod]
        public void ProtectedRecordShorterThanItsOverheadIsBadRecordMac()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            rl.SetReadCipher(FakeCipherState.Keyed(16, 1, 1));
            Send(peer, Record(AppData, 0x0303, Pattern(23, 0)));
            TlsAssert.Protocol(TlsAlert.BadRecordMac, () => rl.NextRecord());
        }

        [TestMethod]
        public void ProtectedRecordOverLimitPlusOverheadIsRecordOverflow()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            rl.SetReceiveLimit(512);
            rl.SetReadCipher(FakeCipherState.Keyed(8, 1, 1));
            Send(peer, Record(AppData, 0x0303, Pattern(512 + 16 + 1, 0)));
            TlsAssert.Protocol(TlsAlert.RecordOverflow, () => rl.NextRecord());
        }

        [TestMethod]
        public void FullRecordFallbackGrowsOnlyTheInputBuffer()
        {
            MemoryTransport peer;
            RecordLayer rl = NewLayer(512, out peer);
            int outSize = rl.OutputBufferSize;
            rl.SetReceiveLimit(TlsConstants.MaxPlaintext);
            Assert.AreEqual(5 + 16384 + 24, rl.InputBufferSize);
            Assert.AreEqual(outSize, rl.OutputBufferSize);
            Assert.AreEqual(rl.InputBufferSize + rl.OutputBufferSize, rl.HeldBytes);
        }

        private static byte[] SealTwo()
        {
            MemoryTransport peer;
            RecordLayer writer = NewLayer(512, out peer);
            writer.SetWriteCipher(FakeCipherState.Keyed(16, 3, 4));
            writer.Write(AppData, Pattern(20, 1), 0, 20);
            writer.Flush();
            writer.Write(AppData, Pattern(20, 2), 0, 20);
            writer.Flush();
            byte[] wire = new byte[peer.Available];
            peer.Read(wire, 0, wire.Length);
            return wire;
        }

        private static void OpenFirst(byte[] wire)
        {
            MemoryTransport peer;
            RecordLayer reader = NewLayer(512, out peer);
            reader.SetReadCipher(FakeCipherState.Keyed(16, 3, 4));
            peer.Write(wire, 0, wire.Length);
            reader.NextRecord();
        }
    }
}

using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>
    /// Parsers of the server's handshake messages against valid and malformed bodies. Truncating a valid body at every
    /// byte makes each length field in turn run past the end, so every length field is exercised.
    /// </summary>
    [TestClass]
    public class ServerMessagesTests
    {
        internal static MessageReader Reader(byte[] body, int count)
        {
            MessageReader r = new MessageReader();
            r.Reset(body, 0, count, "test");
            return r;
        }

        // ---------------------------------------------------------------- ServerHello

        /// <summary>A ServerHello body with every extension the client may get back.</summary>
        internal static ByteBuilder ServerHelloBody(bool withExtensions)
        {
            ByteBuilder b = new ByteBuilder().U16(0x0303).Fill(32, 0x11).Begin(1).Fill(32, 0x22).End().U16(0xC02B).U8(0);
            if (!withExtensions) return b;
            return b.Begin(2)
                .U16(23).U16(0)                           // extended_master_secret
                .U16(0xFF01).Begin(2).Begin(1).End().End() // renegotiation_info, empty
                .U16(1).Begin(2).U8(1).End()              // max_fragment_length 512
                .U16(11).Begin(2).Begin(1).U8(0).End().End() // ec_point_formats [uncompressed]
                .U16(35).U16(0)                           // session_ticket
                .U16(0).U16(0)                            // server_name
                .End();
        }

        [TestMethod]
        public void ServerHelloParsesEveryField()
        {
            byte[] body = ServerHelloBody(true).ToArray();
            ServerHello sh = new ServerHello();
            sh.Parse(Reader(body, body.Length));
            Assert.AreEqual(0x0303, sh.Version);
            Assert.AreEqual((byte)0x11, sh.Random[31]);
            Assert.AreEqual(32, sh.SessionIdLength);
            Assert.AreEqual((byte)0x22, sh.SessionId[0]);
            Assert.AreEqual(0xC02B, sh.CipherSuite);
            Assert.AreEqual(0, sh.Compression);
            Assert.IsTrue(sh.Has(TlsConstants.ExtExtendedMasterSecret));
            Assert.IsTrue(sh.Has(TlsConstants.ExtSessionTicket));
            Assert.IsTrue(sh.Has(TlsConstants.ExtServerName));
            Assert.IsFalse(sh.Has(TlsConstants.ExtSupportedGroups));
            Assert.AreEqual(1, sh.FragmentLengthCode);
            Assert.IsTrue(sh.PointFormatUncompressed);
            Assert.AreEqual(0, sh.RenegotiatedConnectionLength);
        }

        [TestMethod]
        public void ServerHelloWithoutExtensionsBlockIsValid()
        {
            byte[] body = ServerHelloBody(false).ToArray();
            ServerHello sh = new ServerHello();
            sh.Parse(Reader(body, body.Length));
            Assert.AreEqual(0, sh.ExtensionsSeen);
            Assert.AreEqual(-1, sh.RenegotiatedConnectionLength);
        }

        [TestMethod]
        public void ServerHelloTruncatedAnywhereIsDecodeError()
        {
            byte[] body = ServerHelloBody(true).ToArray();
            int noExtensions = ServerHelloBody(false).Length;
            for (int n = 0; n < body.Length; n++)
            {
                if (n == noExtensions) continue; // a hello that simply has no extensions block
                int count = n;
                TlsAssert.Decode(() => new ServerHello().Parse(Reader(body, count)));
            }
        }

        [TestMethod]
        public void ServerHelloLengthFieldsOffByOneAreDecodeErrors()
        {
            // session_id length 33
            byte[] body = ServerHelloBody(true).ToArray();
            body[34] = 33;
            TlsAssert.Decode(() => new ServerHello().Parse(Reader(body, body.Length)));
            // extensions block length one short and one long
            int ext = ServerHelloBody(false).Length;
            for (int delta = -1; delta <= 1; delta += 2)
            {
                body = ServerHelloBody(true).ToArray();
                Bytes.WriteUInt16BE(body, ext, Bytes.ReadUInt16BE(body, ext) + delta);
                byte[] b = body;
                TlsAssert.Decode(() => new ServerHello().Parse(Reader(b, b.Length)));
            }
        }

        [TestMethod]
        public void ServerHelloExtensionContentsAreChecked()
        {
            // max_fragment_length with two bytes
            ExpectExtensionFailure(new ByteBuilder().U16(1).Begin(2).U8(1).U8(1).End(), TlsAlert.DecodeError);
            // ec_point_formats with an empty list, and with a list length disagreeing with the extension length
            ExpectExtensionFailure(new ByteBuilder().U16(11).Begin(2).Begin(1).End().End(), TlsAlert.DecodeError);
            ExpectExtensionFailure(new ByteBuilder().U16(11).Begin(2).U8(2).U8(0).End(), TlsAlert.DecodeError);
            // renegotiation_info length disagreeing
            ExpectExtensionFailure(new ByteBuilder().U16(0xFF01).Begin(2).U8(3).U8(0).End(), TlsAlert.DecodeError);
            // extended_master_secret / session_ticket / server_name with content
            ExpectExtensionFailure(new ByteBuilder().U16(23).Begin(2).U8(0).End(), TlsAlert.DecodeError);
            ExpectExtensionFailure(new ByteBuilder().U16(35).Begin(2).U8(0).End(), TlsAlert.DecodeError);
            ExpectExtensionFailure(new ByteBuilder().U16(0).Begin(2).U8(0).End(), TlsAlert.DecodeError);
            // an unknown extension, and ones servers must not send
            ExpectExtensionFailure(new ByteBuilder().U16(5).U16(0), TlsAlert.UnsupportedExtension);
            ExpectExtensionFailure(new ByteBuilder().U16(10).Begin(2).U16(2).U16(23).End(), TlsAlert.UnsupportedExtension);
            ExpectExtensionFailure(new ByteBuilder().U16(13).Begin(2).U16(2).U16(0x0403).End(), TlsAlert.UnsupportedExtension);
            // the same extension twice
            ExpectExtensionFailure(new ByteBuilder().U16(23).U16(0).U16(23).U16(0), TlsAlert.IllegalParameter);
        }

        private static void ExpectExtensionFailure(ByteBuilder extensions, int alert)
        {
            byte[] ext = extensions.ToArray();
            byte[] body = ServerHelloBody(false).Begin(2).Raw(ext).End().ToArray();
            TlsAssert.Protocol(alert, () => new ServerHello().Parse(Reader(body, body.Length)));
        }

        // ---------------------------------------------------------------- Certificate

        private static byte[] CertificateBody(int count, int size)
        {
            ByteBuilder b = new ByteBuilder().Begin(3);
            for (int i = 0; i < count; i++) b.Begin(3).Fill(size, 0x30 + i).End();
            return b.End().ToArray();
        }

        [TestMethod]
        public void CertificateListGivesOffsetsIntoTheBuffer()
        {
            byte[] body = CertificateBody(2, 10);
            int[] offsets = new int[3];
            int[] lengths = new int[3];
            Assert.AreEqual(2, CertificateMessage.Parse(Reader(body, body.Length), offsets, lengths));
            Assert.AreEqual(6, offsets[0]);
            Assert.AreEqual(10, lengths[0]);
            Assert.AreEqual(19, offsets[1]);
            Assert.AreEqual((byte)0x31, body[offsets[1]]);
        }

        [TestMethod]
        public void CertificateMalformedOrTruncatedIsDecodeError()
        {
            byte[] body = CertificateBody(2, 10);
            for (int n = 0; n < body.Length; n++)
            {
                int count = n;
                TlsAssert.Decode(() => CertificateMessage.Parse(Reader(body, count), new int[3], new int[3]));
            }
            byte[] empty = new ByteBuilder().Begin(3).U24(0).End().ToArray();
            TlsAssert.Decode(() => CertificateMessage.Parse(Reader(empty, empty.Length), new int[3], new int[3]));
        }

        [TestMethod]
        public void CertificateCountOutsidePolicyIsACertificateError()
        {
            byte[] none = CertificateBody(0, 0);
            byte[] four = CertificateBody(4, 5);
            TlsAssert.Throws(typeof(TlsCertificateException), TlsAlert.BadCertificate,
                () => CertificateMessage.Parse(Reader(none, none.Length), new int[3], new int[3]));
            TlsAssert.Throws(typeof(TlsCertificateException), TlsAlert.BadCertificate,
                () => CertificateMessage.Parse(Reader(four, four.Length), new int[3], new int[3]));
        }

        // ---------------------------------------------------------------- ServerKeyExchange

        internal static ByteBuilder KeyExchangeBody(int curveType, int group, int pointLength, int prefix, int algorithm, int signatureLength)
        {
            ByteBuilder b = new ByteBuilder().U8(curveType).U16(group).Begin(1);
            if (pointLength > 0) b.U8(prefix).Fill(pointLength - 1, 0x42);
            return b.End().U16(algorithm).Begin(2).Fill(signatureLength, 0x30).End();
        }

        [TestMethod]
        public void ServerKeyExchangeLocatesParamsPointAndSignature()
        {
            byte[] body = KeyExchangeBody(3, 23, 65, 4, 0x0403, 70).ToArray();
            ServerKeyExchange ske = new ServerKeyExchange();
            ske.Parse(Reader(body, body.Length));
            Assert.AreEqual(0, ske.ParamsOffset);
            Assert.AreEqual(4, ske.PointOffset);
            Assert.AreEqual(4 + 65 + 2 + 2, ske.SignatureOffset);
            Assert.AreEqual(70, ske.SignatureLength);
        }

        [TestMethod]
        public void ServerKeyExchangeTruncatedAnywhereFails()
        {
            byte[] body = KeyExchangeBody(3, 23, 65, 4, 0x0403, 70).ToArray();
            for (int n = 0; n < body.Length; n++)
            {
                int count = n;
                TlsAssert.Decode(() => new ServerKeyExchange().Parse(Reader(body, count)));
            }
            byte[] trailing = KeyExchangeBody(3, 23, 65, 4, 0x0403, 70).U8(0).ToArray();
            TlsAssert.Decode(() => new ServerKeyExchange().Parse(Reader(trailing, trailing.Length)));
        }

        [TestMethod]
        public void ServerKeyExchangeRefusesWhatWasNotOffered()
        {
            ExpectKeyExchange(KeyExchangeBody(1, 23, 65, 4, 0x0403, 70), TlsAlert.IllegalParameter);   // explicit curve
            ExpectKeyExchange(KeyExchangeBody(3, 24, 97, 4, 0x0403, 70), TlsAlert.IllegalParameter);   // secp384r1
            ExpectKeyExchange(KeyExchangeBody(3, 29, 32, 4, 0x0403, 70), TlsAlert.IllegalParameter);   // x25519
            ExpectKeyExchange(KeyExchangeBody(3, 23, 33, 2, 0x0403, 70), TlsAlert.IllegalParameter);   // compressed point
            ExpectKeyExchange(KeyExchangeBody(3, 23, 65, 3, 0x0403, 70), TlsAlert.IllegalParameter);   // bad prefix
            ExpectKeyExchange(KeyExchangeBody(3, 23, 65, 4, 0x0503, 70), TlsAlert.IllegalParameter);   // ecdsa_secp384r1_sha384
            ExpectKeyExchange(KeyExchangeBody(3, 23, 65, 4, 0x0804, 70), TlsAlert.IllegalParameter);   // rsa_pss
            ExpectKeyExchange(KeyExchangeBody(3, 23, 65, 4, 0x0403, 0), TlsAlert.DecodeError);         // empty signature
            ExpectKeyExchange(KeyExchangeBody(3, 23, 65, 4, 0x0403, 73), TlsAlert.DecodeError);        // longer than any P-256 DER signature
        }

        private static void ExpectKeyExchange(ByteBuilder b, int alert)
        {
            byte[] body = b.ToArray();
            TlsAssert.Protocol(alert, () => new ServerKeyExchange().Parse(Reader(body, body.Length)));
        }

        // ---------------------------------------------------------------- CertificateRequest

        private static ByteBuilder RequestBody(byte[] types, int[] algorithms, int dnCount)
        {
            ByteBuilder b = new ByteBuilder().Begin(1).Raw(types).End().Begin(2);
            for (int i = 0; i < algorithms.Length; i++) b.U16(algorithms[i]);
            b.End().Begin(2);
            for (int i = 0; i < dnCount; i++) b.Begin(2).Fill(20, 0x30).End();
            return b.End();
        }

        [TestMethod]
        public void CertificateRequestAcceptsOnlyEcdsaP256Sha256()
        {
            Assert.IsTrue(ParseRequest(RequestBody(new byte[] { 1, 64 }, new int[] { 0x0804, 0x0403 }, 2)));
            Assert.IsFalse(ParseRequest(RequestBody(new byte[] { 1 }, new int[] { 0x0403 }, 0)));          // rsa_sign only
            Assert.IsFalse(ParseRequest(RequestBody(new byte[] { 64 }, new int[] { 0x0503, 0x0804 }, 0))); // no P-256/SHA-256
        }

        [TestMethod]
        public void CertificateRequestMalformedIsDecodeError()
        {
            byte[] body = RequestBody(new byte[] { 64 }, new int[] { 0x0403 }, 1).ToArray();
            for (int n = 0; n < body.Length; n++)
            {
                int count = n;
                TlsAssert.Decode(() => CertificateRequest.Parse(Reader(body, count)));
            }
            ExpectRequestDecodeError(RequestBody(new byte[0], new int[] { 0x0403 }, 0));                   // no types
            ExpectRequestDecodeError(new ByteBuilder().Begin(1).U8(64).End().Begin(2).U8(4).End().U16(0)); // odd algorithms length
            ExpectRequestDecodeError(new ByteBuilder().Begin(1).U8(64).End().U16(0).U16(0));                // no algorithms
            ExpectRequestDecodeError(new ByteBuilder().Begin(1).U8(64).End().U16(2).U16(0x0403).Begin(2).U16(0).End()); // empty DN
            ExpectRequestDecodeError(RequestBody(new byte[] { 64 }, new int[] { 0x0403 }, 0).U8(0));        // trailing byte
        }

        private static bool ParseRequest(ByteBuilder b)
        {
            byte[] body = b.ToArray();
            return CertificateRequest.Parse(Reader(body, body.Length));
        }

        private static void ExpectRequestDecodeError(ByteBuilder b)
        {
            byte[] body = b.ToArray();
            TlsAssert.Decode(() => CertificateRequest.Parse(Reader(body, body.Length)));
        }

        // ---------------------------------------------------------------- NewSessionTicket

        [TestMethod]
        public void NewSessionTicketParsesAndRejectsMalformed()
        {
            byte[] body = new ByteBuilder().U32(7200).Begin(2).Fill(100, 0xAB).End().ToArray();
            int offset;
            uint lifetime;
            Assert.AreEqual(100, NewSessionTicket.Parse(Reader(body, body.Length), out offset, out lifetime));
            Assert.AreEqual(6, offset);
            Assert.AreEqual(7200u, lifetime);
            for (int n = 0; n < body.Length; n++)
            {
                int count = n;
                TlsAssert.Decode(() => NewSessionTicket.Parse(Reader(body, count), out offset, out lifetime));
            }
            byte[] trailing = new ByteBuilder().U32(1).U16(0).U8(0).ToArray();
            TlsAssert.Decode(() => NewSessionTicket.Parse(Reader(trailing, trailing.Length), out offset, out lifetime));
        }
    }
}

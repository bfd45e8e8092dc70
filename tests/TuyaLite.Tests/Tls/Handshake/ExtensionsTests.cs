using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    [TestClass]
    public class ExtensionsTests
    {
        private static byte[] WriteExtensions(string sni, int mflCode, bool offerTicket, byte[] ticket, out int offered)
        {
            MessageWriter w = new MessageWriter();
            w.Reset(new byte[2048]);
            offered = Extensions.WriteClientHello(w, sni, mflCode, offerTicket, ticket);
            Assert.AreEqual(Extensions.ClientHelloSize(sni, mflCode, offerTicket, ticket), w.Length);
            return Bytes.Slice(w.Buffer, 0, w.Length);
        }

        /// <summary>Finds extension type in a written block; returns its data offset (or -1) and sets length.</summary>
        private static int Find(byte[] block, int type, out int length)
        {
            Assert.AreEqual(block.Length - 2, (int)Bytes.ReadUInt16BE(block, 0));
            int p = 2;
            length = 0;
            while (p < block.Length)
            {
                int t = Bytes.ReadUInt16BE(block, p);
                int n = Bytes.ReadUInt16BE(block, p + 2);
                if (t == type)
                {
                    length = n;
                    return p + 4;
                }
                p += 4 + n;
            }
            Assert.AreEqual(block.Length, p);
            return -1;
        }

        [TestMethod]
        public void ClientHelloCarriesEachOfferedExtension()
        {
            int offered;
            byte[] block = WriteExtensions("device.example.com", 1, true, new byte[] { 9, 8, 7 }, out offered);
            int n;
            int sni = Find(block, TlsConstants.ExtServerName, out n);
            Assert.AreEqual(2 + 1 + 2 + 18, n);
            Assert.AreEqual(0, (int)block[sni + 2]);
            Assert.AreEqual("device.example.com", Bytes.ToAscii(block, sni + 5, 18));
            int mfl = Find(block, TlsConstants.ExtMaxFragmentLength, out n);
            Assert.AreEqual(1, n);
            Assert.AreEqual(1, (int)block[mfl]);
            int groups = Find(block, TlsConstants.ExtSupportedGroups, out n);
            Assert.AreEqual(23, (int)Bytes.ReadUInt16BE(block, groups + 2));
            int formats = Find(block, TlsConstants.ExtEcPointFormats, out n);
            Assert.AreEqual(2, n);
            Assert.AreEqual(0, (int)block[formats + 1]);
            int sigs = Find(block, TlsConstants.ExtSignatureAlgorithms, out n);
            Assert.AreEqual(0x0403, (int)Bytes.ReadUInt16BE(block, sigs + 2));
            Assert.IsTrue(Find(block, TlsConstants.ExtExtendedMasterSecret, out n) > 0);
            Assert.AreEqual(0, n);
            int ticket = Find(block, TlsConstants.ExtSessionTicket, out n);
            Assert.AreEqual(3, n);
            Assert.AreEqual(7, (int)block[ticket + 2]);
            int reneg = Find(block, TlsConstants.ExtRenegotiationInfo, out n);
            Assert.AreEqual(1, n);
            Assert.AreEqual(0, (int)block[reneg]);
            Assert.AreEqual(0xFF, offered);
        }

        [TestMethod]
        public void OptionalExtensionsAreLeftOutWhenNotWanted()
        {
            int offered;
            byte[] block = WriteExtensions(null, 0, false, null, out offered);
            int n;
            Assert.AreEqual(-1, Find(block, TlsConstants.ExtServerName, out n));
            Assert.AreEqual(-1, Find(block, TlsConstants.ExtMaxFragmentLength, out n));
            Assert.AreEqual(-1, Find(block, TlsConstants.ExtSessionTicket, out n));
            Assert.AreEqual(0, offered & (Extensions.Bit(0) | Extensions.Bit(1) | Extensions.Bit(35)));
            block = WriteExtensions(null, 4, true, null, out offered);
            Assert.IsTrue(Find(block, TlsConstants.ExtSessionTicket, out n) > 0);
            Assert.AreEqual(0, n); // empty: asks for a new ticket
        }

        private static ServerHello Hello(ByteBuilder extensions)
        {
            ByteBuilder b = ServerMessagesTests.ServerHelloBody(false);
            if (extensions != null) b.Begin(2).Raw(extensions.ToArray()).End();
            byte[] body = b.ToArray();
            ServerHello sh = new ServerHello();
            sh.Parse(ServerMessagesTests.Reader(body, body.Length));
            return sh;
        }

        private const int AllButSniAndTicket = 0xFF & ~1 & ~64;

        [TestMethod]
        public void ServerMayEchoWhatWasOffered()
        {
            ServerHello sh = Hello(new ByteBuilder().U16(1).U16(1).U8(2).U16(23).U16(0).U16(0xFF01).U16(1).U8(0));
            Extensions.CheckServerHello(sh, 0xFF, 2);
            Extensions.CheckServerHello(Hello(null), 0xFF, 2); // echoing nothing is also legal here
        }

        [TestMethod]
        public void ExtensionNotOfferedIsUnsupportedExtension()
        {
            TlsAssert.Protocol(TlsAlert.UnsupportedExtension,
                () => Extensions.CheckServerHello(Hello(new ByteBuilder().U16(0).U16(0)), AllButSniAndTicket, 1));
            TlsAssert.Protocol(TlsAlert.UnsupportedExtension,
                () => Extensions.CheckServerHello(Hello(new ByteBuilder().U16(35).U16(0)), AllButSniAndTicket, 1));
            TlsAssert.Protocol(TlsAlert.UnsupportedExtension,
                () => Extensions.CheckServerHello(Hello(new ByteBuilder().U16(1).U16(1).U8(1)), 0xFF & ~2, 0));
        }

        [TestMethod]
        public void MaxFragmentLengthMustEchoOurCode()
        {
            TlsAssert.Protocol(TlsAlert.IllegalParameter,
                () => Extensions.CheckServerHello(Hello(new ByteBuilder().U16(1).U16(1).U8(3)), 0xFF, 1));
        }

        [TestMethod]
        public void PointFormatsMustAllowUncompressed()
        {
            TlsAssert.Protocol(TlsAlert.IllegalParameter,
                () => Extensions.CheckServerHello(Hello(new ByteBuilder().U16(11).U16(3).U8(2).U8(1).U8(2)), 0xFF, 1));
        }

        [TestMethod]
        public void RenegotiationInfoMustBeEmptyOnAnInitialHandshake()
        {
            TlsAssert.Protocol(TlsAlert.HandshakeFailure,
                () => Extensions.CheckServerHello(Hello(new ByteBuilder().U16(0xFF01).U16(13).U8(12).Fill(12, 1)), 0xFF, 1));
        }

        [TestMethod]
        public void IpLiteralsAreRecognisedForSni()
        {
            Assert.IsTrue(HandshakeClient.IsIpLiteral("127.0.0.1"));
            Assert.IsTrue(HandshakeClient.IsIpLiteral("::1"));
            Assert.IsFalse(HandshakeClient.IsIpLiteral("localhost"));
            Assert.IsFalse(HandshakeClient.IsIpLiteral("10.0.0.example"));
            // What looks like an address (valid or not) is judged as one, as the certificate validator does
            // (IpAddressText): never sent as a host name.
            string[] hosts = new string[] { "1.2.3", "1.2.3.4.5", "1.2.3.256", "[::1]", "1:2", "a.b", "123", "1.2.3.4." };
            byte[] scratch = new byte[16];
            for (int i = 0; i < hosts.Length; i++)
                Assert.AreEqual(IpAddressText.Parse(hosts[i], scratch, 0) != IpAddressText.NotAnAddress,
                    HandshakeClient.IsIpLiteral(hosts[i]), hosts[i]);
            Assert.IsTrue(HandshakeClient.IsIpLiteral("1.2.3.4.5"));
        }

        [TestMethod]
        public void MflCodesMapBothWays()
        {
            int[] lengths = new int[] { 512, 1024, 2048, 4096 };
            for (int i = 0; i < lengths.Length; i++)
            {
                Assert.AreEqual(i + 1, TlsConstants.MflCode(lengths[i]));
                Assert.AreEqual(lengths[i], TlsConstants.MflLength(i + 1));
            }
            Assert.AreEqual(0, TlsConstants.MflCode(16384));
            Assert.AreEqual(0, TlsConstants.MflLength(5));
        }
    }
}

using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>The real AEAD record states (AES-128-GCM, AES-128-CCM-8) through the record layer.</summary>
    [TestClass]
    public class RecordCipherTests
    {
        private static CipherState Keyed(int suite)
        {
            CipherState c = CipherState.Create(suite, null);
            c.Init(Bytes.FromHex("000102030405060708090a0b0c0d0e0f"), 0, Bytes.FromHex("a0a1a2a3"), 0);
            return c;
        }

        private static byte[] Seal(int suite, int count, out int tag)
        {
            MemoryTransport a, b;
            MemoryTransport.CreatePair(4096, out a, out b);
            RecordLayer writer = new RecordLayer(a, 512, 512, 24);
            CipherState c = Keyed(suite);
            tag = c.TagSize;
            writer.SetWriteCipher(c);
            byte[] data = new byte[count];
            for (int i = 0; i < count; i++) data[i] = (byte)i;
            writer.Write(TlsConstants.ContentApplicationData, data, 0, count);
            writer.Flush();
            byte[] wire = new byte[b.Available];
            b.Read(wire, 0, wire.Length);
            return wire;
        }

        private static RecordLayer Reader(int suite, byte[] wire)
        {
            MemoryTransport a, b;
            MemoryTransport.CreatePair(4096, out a, out b);
            RecordLayer reader = new RecordLayer(a, 512, 512, 24);
            reader.SetReceiveLimit(512);
            reader.SetReadCipher(Keyed(suite));
            b.Write(wire, 0, wire.Length);
            return reader;
        }

        [TestMethod]
        public void GcmAndCcm8RecordsRoundTripAndRejectTampering()
        {
            int[] suites = new int[] { TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 };
            for (int s = 0; s < suites.Length; s++)
            {
                int suite = suites[s];
                int tag;
                byte[] wire = Seal(suite, 300, out tag);
                Assert.AreEqual(5 + 8 + 300 + tag, wire.Length);
                RecordLayer reader = Reader(suite, wire);
                Assert.AreEqual(TlsConstants.ContentApplicationData, reader.NextRecord());
                byte[] back = new byte[300];
                Assert.AreEqual(300, reader.ReadData(back, 0, 300));
                Assert.AreEqual((byte)(299 & 0xFF), back[299]);

                for (int at = 5; at < wire.Length; at += 97)
                {
                    byte[] bad = Seal(suite, 300, out tag);
                    bad[at] ^= 0x10;
                    RecordLayer r = Reader(suite, bad);
                    TlsAssert.Protocol(TlsAlert.BadRecordMac, () => r.NextRecord());
                }
            }
        }
    }
}

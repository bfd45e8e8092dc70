using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    [TestClass]
    public class CcmTests
    {
        private static Ccm NewCcm(byte[] key, int tagSize)
        {
            Ccm ccm = new Ccm(new Aes128(), tagSize);
            ccm.SetKey(key, 0, key.Length);
            return ccm;
        }

        /// <summary>cipherAndTagHex is the spec's output: ciphertext followed by the tag.</summary>
        private static void CheckVector(string keyHex, string nonceHex, string aadHex, string plainHex, int tagSize,
            string cipherAndTagHex)
        {
            byte[] key = Bytes.FromHex(keyHex), nonce = Bytes.FromHex(nonceHex), aad = Bytes.FromHex(aadHex);
            byte[] plain = Bytes.FromHex(plainHex);
            Ccm ccm = NewCcm(key, tagSize);
            byte[] output = new byte[plain.Length + tagSize];
            ccm.Encrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, plain, 0, plain.Length, output, 0, output, plain.Length);
            Assert.AreEqual(cipherAndTagHex, Bytes.ToHex(output));

            byte[] back = new byte[plain.Length];
            Assert.IsTrue(ccm.Decrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, output, 0, plain.Length, back, 0,
                output, plain.Length));
            Assert.AreEqual(plainHex, Bytes.ToHex(back));
            Assert.IsTrue(ccm.Decrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, output, 0, plain.Length, output, 0,
                output, plain.Length));
            Assert.AreEqual(plainHex, Bytes.ToHex(output, 0, plain.Length, false));
        }

        // NIST SP 800-38C Appendix C, examples 1-3.
        [TestMethod]
        public void Sp800_38cExample1()
        {
            CheckVector("404142434445464748494a4b4c4d4e4f", "10111213141516", "0001020304050607", "20212223", 4,
                "7162015b4dac255d");
        }

        [TestMethod]
        public void Sp800_38cExample2()
        {
            CheckVector("404142434445464748494a4b4c4d4e4f", "1011121314151617", "000102030405060708090a0b0c0d0e0f",
                "202122232425262728292a2b2c2d2e2f", 6, "d2a1f0e051ea5f62081a7792073d593d1fc64fbfaccd");
        }

        [TestMethod]
        public void Sp800_38cExample3TwelveByteNonceEightByteTag()
        {
            // The CCM-8 shape of TLS (12-byte nonce, 8-byte tag).
            CheckVector("404142434445464748494a4b4c4d4e4f", "101112131415161718191a1b",
                "000102030405060708090a0b0c0d0e0f10111213", "202122232425262728292a2b2c2d2e2f3031323334353637", 8,
                "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5484392fbc1b09951");
        }

        // RFC 3610 section 8, packet vectors #1 and #2 (13-byte nonce, 8-byte tag, 8 bytes of header as AAD).
        [TestMethod]
        public void Rfc3610PacketVector1()
        {
            CheckVector("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", "00000003020100a0a1a2a3a4a5", "0001020304050607",
                "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e", 8,
                "588c979a61c663d2f066d0c2c0f989806d5f6b61dac38417e8d12cfdf926e0");
        }

        [TestMethod]
        public void Rfc3610PacketVector2()
        {
            CheckVector("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", "00000004030201a0a1a2a3a4a5", "0001020304050607",
                "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", 8,
                "72c91a36e135f8cf291ca894085c87e3cc15c439c9e43a3ba091d56e10400916");
        }

        [TestMethod]
        public void RoundTripsEveryLengthUpTo70ForCcm8AndOtherShapes()
        {
            byte[] key = AeadTestSupport.Pseudo(16, 3);
            for (int len = 0; len <= 70; len++)
            {
                // Walk the nonce sizes 7..13 and even tag sizes 4..16; every other length uses TLS's CCM-8 shape.
                int nonceLen = (len & 1) == 0 ? 12 : 7 + len % 7;
                int tagSize = (len & 1) == 0 ? 8 : 4 + 2 * (len % 7);
                Ccm ccm = NewCcm(key, tagSize);
                Assert.AreEqual(tagSize, ccm.TagSize);
                byte[] nonce = AeadTestSupport.Pseudo(nonceLen, (uint)(400 + len));
                int aadLen = (len * 3) % 29;
                byte[] aad = AeadTestSupport.Pseudo(aadLen, (uint)(500 + len));
                byte[] plain = AeadTestSupport.Pseudo(len, (uint)(600 + len));

                byte[] ct = new byte[len + 4];
                byte[] tag = new byte[tagSize + 2];
                ccm.Encrypt(nonce, 0, nonceLen, aad, 0, aadLen, plain, 0, len, ct, 2, tag, 2);
                Assert.IsTrue(AeadTestSupport.AllZero(ct, 0, 2) && AeadTestSupport.AllZero(ct, len + 2, 2), "borders, len " + len);
                Assert.IsTrue(AeadTestSupport.AllZero(tag, 0, 2), "tag border, len " + len);

                byte[] inPlace = Bytes.Slice(plain, 0, len);
                byte[] tag2 = new byte[tagSize];
                ccm.Encrypt(nonce, 0, nonceLen, aad, 0, aadLen, inPlace, 0, len, inPlace, 0, tag2, 0);
                Assert.IsTrue(AeadTestSupport.RangeEquals(ct, 2, inPlace, 0, len), "in-place ciphertext, len " + len);
                Assert.IsTrue(AeadTestSupport.RangeEquals(tag, 2, tag2, 0, tagSize), "in-place tag, len " + len);

                byte[] back = new byte[len];
                Assert.IsTrue(ccm.Decrypt(nonce, 0, nonceLen, aad, 0, aadLen, ct, 2, len, back, 0, tag, 2), "decrypt, len " + len);
                Assert.IsTrue(AeadTestSupport.RangeEquals(plain, 0, back, 0, len), "plaintext, len " + len);
                Assert.IsTrue(ccm.Decrypt(nonce, 0, nonceLen, aad, 0, aadLen, inPlace, 0, len, inPlace, 0, tag2, 0),
                    "in-place decrypt, len " + len);
                Assert.IsTrue(AeadTestSupport.RangeEquals(plain, 0, inPlace, 0, len), "in-place plaintext, len " + len);
            }
        }

        [TestMethod]
        public void TamperedCiphertextTagAadOrNonceFailsAndZeroesOutput()
        {
            byte[] key = AeadTestSupport.Pseudo(16, 21);
            byte[] nonce = AeadTestSupport.Pseudo(12, 22);
            byte[] aad = AeadTestSupport.Pseudo(13, 23);
            byte[] plain = AeadTestSupport.Pseudo(37, 24);
            Ccm ccm = NewCcm(key, 8);
            byte[] ct = new byte[37];
            byte[] tag = new byte[8];
            ccm.Encrypt(nonce, 0, 12, aad, 0, 13, plain, 0, 37, ct, 0, tag, 0);

            for (int what = 0; what < 4; what++)
            {
                for (int bit = 0; bit < 3; bit++)
                {
                    byte[] c = Bytes.Slice(ct, 0, 37), t = Bytes.Slice(tag, 0, 8);
                    byte[] a = Bytes.Slice(aad, 0, 13), n = Bytes.Slice(nonce, 0, 12);
                    int pos = bit * 3;
                    if (what == 0) c[pos + 30] ^= (byte)(1 << bit);
                    if (what == 1) t[pos] ^= (byte)(1 << bit);
                    if (what == 2) a[pos] ^= (byte)(1 << bit);
                    if (what == 3) n[pos] ^= (byte)(1 << bit);

                    byte[] output = AeadTestSupport.Pseudo(37, 98);
                    Assert.IsFalse(ccm.Decrypt(n, 0, 12, a, 0, 13, c, 0, 37, output, 0, t, 0), "tamper " + what + "/" + bit);
                    Assert.IsTrue(AeadTestSupport.AllZero(output, 0, 37), "output zeroed " + what + "/" + bit);
                    Assert.IsFalse(ccm.Decrypt(n, 0, 12, a, 0, 13, c, 0, 37, c, 0, t, 0), "in place " + what + "/" + bit);
                    Assert.IsTrue(AeadTestSupport.AllZero(c, 0, 37), "in-place output zeroed " + what + "/" + bit);
                }
            }
            // A truncated-tag decryptor (CCM-4) must not accept the CCM-8 tag's prefix under the same key and nonce.
            Ccm ccm4 = NewCcm(key, 4);
            byte[] out4 = new byte[37];
            Assert.IsFalse(ccm4.Decrypt(nonce, 0, 12, aad, 0, 13, ct, 0, 37, out4, 0, tag, 0));

            byte[] back = new byte[37];
            Assert.IsTrue(ccm.Decrypt(nonce, 0, 12, aad, 0, 13, ct, 0, 37, back, 0, tag, 0));
            Assert.IsTrue(AeadTestSupport.RangeEquals(plain, 0, back, 0, 37));
        }

        [TestMethod]
        public void InvalidTagSizesAreRejected()
        {
            int[] bad = new int[] { 0, 2, 3, 5, 7, 15, 17, 18, -4 };
            for (int i = 0; i < bad.Length; i++)
            {
                int size = bad[i];
                Assert.ThrowsException(typeof(CryptoException), () => new Ccm(new Aes128(), size), "tag size " + size);
            }
            for (int size = 4; size <= 16; size += 2) Assert.AreEqual(size, new Ccm(new Aes128(), size).TagSize);
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Ccm(null, 8));
        }

        [TestMethod]
        public void InvalidNonceLengthsAndOversizedMessagesAreRejected()
        {
            Ccm ccm = NewCcm(new byte[16], 8);
            byte[] nonce = new byte[16];
            byte[] buf = new byte[32];
            byte[] tag = new byte[8];
            int[] bad = new int[] { 0, 6, 14, 15, 16 };
            for (int i = 0; i < bad.Length; i++)
            {
                int n = bad[i];
                Assert.ThrowsException(typeof(CryptoException),
                    () => ccm.Encrypt(nonce, 0, n, null, 0, 0, buf, 0, 16, buf, 0, tag, 0), "nonce " + n);
                Assert.ThrowsException(typeof(CryptoException),
                    () => ccm.Decrypt(nonce, 0, n, null, 0, 0, buf, 0, 16, buf, 0, tag, 0), "nonce " + n);
            }
            // A 13-byte nonce leaves a 2-byte length field: 65535 bytes at most. The limit is checked before the buffers.
            Assert.ThrowsException(typeof(CryptoException),
                () => ccm.Encrypt(nonce, 0, 13, null, 0, 0, buf, 0, 65536, buf, 0, tag, 0));
            // A 12-byte nonce: 3 bytes, 2^24 - 1 at most.
            Assert.ThrowsException(typeof(CryptoException),
                () => ccm.Decrypt(nonce, 0, 12, null, 0, 0, buf, 0, 1 << 24, buf, 0, tag, 0));
            // Within the limit, a buffer too short is a range error instead.
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => ccm.Encrypt(nonce, 0, 13, null, 0, 0, buf, 0, 65535, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => ccm.Encrypt(nonce, 0, 12, null, 0, 0, buf, 0, 16, buf, 0, new byte[7], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => ccm.Encrypt(nonce, 8, 12, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentException),
                () => ccm.Encrypt(nonce, 0, 12, null, 0, 0, buf, 0, 16, buf, 1, tag, 0));
            Assert.ThrowsException(typeof(InvalidOperationException),
                () => new Ccm(new Aes128(), 8).Encrypt(nonce, 0, 12, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
        }

        [TestMethod]
        public void RefusesAnOutputOverlappingTheNonceAadOrTag()
        {
            // One record buffer: nonce [0,12), aad [12,25), data [32,48), tag [48,56). Decrypt writes the output before
            // it reads the AAD, the nonce (again) and the tag, so an output over any of them would change what is checked.
            Ccm ccm = NewCcm(AeadTestSupport.Pseudo(16, 3), 8);
            byte[] buf = AeadTestSupport.Pseudo(64, 4);
            byte[] src = new byte[16];
            int[] outputs = new int[] { 44, 20, 4 };   // over the tag, the aad, the nonce
            for (int i = 0; i < outputs.Length; i++)
            {
                int o = outputs[i];
                Assert.ThrowsException(typeof(ArgumentException),
                    () => ccm.Decrypt(buf, 0, 12, buf, 12, 13, src, 0, 16, buf, o, buf, 48), "decrypt, output at " + o);
                Assert.ThrowsException(typeof(ArgumentException),
                    () => ccm.Encrypt(buf, 0, 12, buf, 12, 13, src, 0, 16, buf, o, buf, 48), "encrypt, output at " + o);
            }
            // In place with the tag right behind the data is the record layer's layout and stays allowed.
            ccm.Encrypt(buf, 0, 12, buf, 12, 13, buf, 32, 16, buf, 32, buf, 48);
            Assert.IsTrue(ccm.Decrypt(buf, 0, 12, buf, 12, 13, buf, 32, 16, buf, 32, buf, 48));
        }
    }
}

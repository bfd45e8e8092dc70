using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    [TestClass]
    public class GcmTests
    {
        private const string K3 = "feffe9928665731c6d6a8f9467308308";
        private const string P3 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
        private const string C3 = "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
            + "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985";
        private const string Iv3 = "cafebabefacedbaddecaf888";
        private const string A4 = "feedfacedeadbeeffeedfacedeadbeefabaddad2";

        private static Gcm NewGcm(byte[] key)
        {
            Gcm gcm = new Gcm(new Aes128());
            gcm.SetKey(key, 0, key.Length);
            return gcm;
        }

        /// <summary>Encrypts, checks ciphertext and tag, then decrypts the expected values back (out of place and in place).</summary>
        private static void CheckVector(string keyHex, string ivHex, string aadHex, string plainHex, string cipherHex, string tagHex)
        {
            byte[] key = Bytes.FromHex(keyHex), iv = Bytes.FromHex(ivHex), aad = Bytes.FromHex(aadHex);
            byte[] plain = Bytes.FromHex(plainHex);
            Gcm gcm = NewGcm(key);
            byte[] ct = new byte[plain.Length];
            byte[] tag = new byte[16];
            gcm.Encrypt(iv, 0, aad, 0, aad.Length, plain, 0, plain.Length, ct, 0, tag, 0);
            Assert.AreEqual(cipherHex, Bytes.ToHex(ct));
            Assert.AreEqual(tagHex, Bytes.ToHex(tag));

            byte[] back = new byte[ct.Length];
            Assert.IsTrue(gcm.Decrypt(iv, 0, aad, 0, aad.Length, ct, 0, ct.Length, back, 0, tag, 0));
            Assert.AreEqual(plainHex, Bytes.ToHex(back));
            Assert.IsTrue(gcm.Decrypt(iv, 0, aad, 0, aad.Length, ct, 0, ct.Length, ct, 0, tag, 0));
            Assert.AreEqual(plainHex, Bytes.ToHex(ct));
        }

        // McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", test cases 1-4 (AES-128); also in SP 800-38D's
        // validation examples.
        [TestMethod]
        public void McGrewViegaTestCase1()
        {
            CheckVector("00000000000000000000000000000000", "000000000000000000000000", "", "", "",
                "58e2fccefa7e3061367f1d57a4e7455a");
        }

        [TestMethod]
        public void McGrewViegaTestCase2()
        {
            CheckVector("00000000000000000000000000000000", "000000000000000000000000", "",
                "00000000000000000000000000000000", "0388dace60b6a392f328c2b971b2fe78", "ab6e47d42cec13bdf53a67b21257bddf");
        }

        [TestMethod]
        public void McGrewViegaTestCase3()
        {
            CheckVector(K3, Iv3, "", P3, C3, "4d5c2af327cd64a62cf35abd2ba6fab4");
        }

        [TestMethod]
        public void McGrewViegaTestCase4SixtyBytesWithTwentyBytesOfAad()
        {
            CheckVector(K3, Iv3, A4, P3.Substring(0, 120), C3.Substring(0, 120), "5bc94fbc3221a5db94fae95ae7121a47");
        }

        [TestMethod]
        public void RoundTripsEveryLengthUpTo70InPlaceAndOutOfPlace()
        {
            Gcm gcm = NewGcm(AeadTestSupport.Pseudo(16, 1));
            for (int len = 0; len <= 70; len++)
            {
                byte[] nonce = AeadTestSupport.Pseudo(12, (uint)(100 + len));
                int aadLen = (len * 5) % 37;
                byte[] aad = AeadTestSupport.Pseudo(aadLen, (uint)(200 + len));
                byte[] plain = AeadTestSupport.Pseudo(len, (uint)(300 + len));

                // Out of place, with offsets, into a buffer whose borders must stay untouched.
                byte[] ct = new byte[len + 6];
                byte[] tag = new byte[18];
                gcm.Encrypt(nonce, 0, aad, 0, aadLen, plain, 0, len, ct, 3, tag, 1);
                Assert.IsTrue(AeadTestSupport.AllZero(ct, 0, 3) && AeadTestSupport.AllZero(ct, len + 3, 3), "borders, len " + len);

                // In place gives the same ciphertext and tag.
                byte[] inPlace = new byte[len];
                Array.Copy(plain, inPlace, len);
                byte[] tag2 = new byte[16];
                gcm.Encrypt(nonce, 0, aad, 0, aadLen, inPlace, 0, len, inPlace, 0, tag2, 0);
                Assert.IsTrue(AeadTestSupport.RangeEquals(ct, 3, inPlace, 0, len), "in-place ciphertext, len " + len);
                Assert.IsTrue(AeadTestSupport.RangeEquals(tag, 1, tag2, 0, 16), "in-place tag, len " + len);

                byte[] back = new byte[len];
                Assert.IsTrue(gcm.Decrypt(nonce, 0, aad, 0, aadLen, ct, 3, len, back, 0, tag, 1), "decrypt, len " + len);
                Assert.IsTrue(AeadTestSupport.RangeEquals(plain, 0, back, 0, len), "plaintext, len " + len);
                Assert.IsTrue(gcm.Decrypt(nonce, 0, aad, 0, aadLen, inPlace, 0, len, inPlace, 0, tag2, 0), "in-place decrypt, len " + len);
                Assert.IsTrue(AeadTestSupport.RangeEquals(plain, 0, inPlace, 0, len), "in-place plaintext, len " + len);
            }
        }

        [TestMethod]
        public void TamperedCiphertextTagAadOrNonceFailsAndZeroesOutput()
        {
            byte[] key = AeadTestSupport.Pseudo(16, 9);
            byte[] nonce = AeadTestSupport.Pseudo(12, 10);
            byte[] aad = AeadTestSupport.Pseudo(13, 11);
            byte[] plain = AeadTestSupport.Pseudo(41, 12);
            Gcm gcm = NewGcm(key);
            byte[] ct = new byte[41];
            byte[] tag = new byte[16];
            gcm.Encrypt(nonce, 0, aad, 0, 13, plain, 0, 41, ct, 0, tag, 0);

            for (int what = 0; what < 4; what++)
            {
                for (int bit = 0; bit < 3; bit++)
                {
                    byte[] c = Bytes.Slice(ct, 0, 41), t = Bytes.Slice(tag, 0, 16);
                    byte[] a = Bytes.Slice(aad, 0, 13), n = Bytes.Slice(nonce, 0, 12);
                    int pos = bit * 5;
                    if (what == 0) c[pos + 20] ^= (byte)(1 << bit);
                    if (what == 1) t[pos] ^= (byte)(1 << bit);
                    if (what == 2) a[pos] ^= (byte)(1 << bit);
                    if (what == 3) n[pos] ^= (byte)(1 << bit);

                    byte[] output = AeadTestSupport.Pseudo(41, 99);
                    Assert.IsFalse(gcm.Decrypt(n, 0, a, 0, 13, c, 0, 41, output, 0, t, 0), "tamper " + what + "/" + bit);
                    Assert.IsTrue(AeadTestSupport.AllZero(output, 0, 41), "output zeroed " + what + "/" + bit);
                    Assert.IsFalse(gcm.Decrypt(n, 0, a, 0, 13, c, 0, 41, c, 0, t, 0), "in place " + what + "/" + bit);
                    Assert.IsTrue(AeadTestSupport.AllZero(c, 0, 41), "in-place output zeroed " + what + "/" + bit);
                }
            }
            // The untampered message still verifies after all those failures (no state leaks between calls).
            byte[] back = new byte[41];
            Assert.IsTrue(gcm.Decrypt(nonce, 0, aad, 0, 13, ct, 0, 41, back, 0, tag, 0));
            Assert.IsTrue(AeadTestSupport.RangeEquals(plain, 0, back, 0, 41));
        }

        [TestMethod]
        public void InvalidParametersThrowSpecificExceptions()
        {
            byte[] buf = new byte[32];
            byte[] tag = new byte[16];
            byte[] nonce = new byte[12];
            Gcm unkeyed = new Gcm(new Aes128());
            Assert.ThrowsException(typeof(InvalidOperationException),
                () => unkeyed.Encrypt(nonce, 0, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Gcm(null));
            Assert.ThrowsException(typeof(CryptoException), () => unkeyed.SetKey(new byte[32], 0, 32));

            Gcm gcm = NewGcm(new byte[16]);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => gcm.Encrypt(new byte[8], 0, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => gcm.Encrypt(nonce, 1, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => gcm.Decrypt(nonce, 0, null, 0, 0, buf, 0, 16, buf, 0, new byte[8], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => gcm.Encrypt(nonce, 0, null, 0, 0, buf, 20, 16, buf, 20, tag, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => gcm.Encrypt(nonce, 0, buf, 0, -1, buf, 0, 16, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentNullException),
                () => gcm.Encrypt(null, 0, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
            Assert.ThrowsException(typeof(ArgumentException),
                () => gcm.Encrypt(nonce, 0, null, 0, 0, buf, 0, 16, buf, 8, tag, 0));
        }

        [TestMethod]
        public void ClearForgetsTheKey()
        {
            Gcm gcm = NewGcm(new byte[16]);
            byte[] buf = new byte[16];
            byte[] tag = new byte[16];
            gcm.Clear();
            Assert.ThrowsException(typeof(InvalidOperationException),
                () => gcm.Encrypt(new byte[12], 0, null, 0, 0, buf, 0, 16, buf, 0, tag, 0));
        }

        [TestMethod]
        public void RefusesAnOutputOverlappingTheNonceAadOrTag()
        {
            // One record buffer: nonce [0,12), aad [12,25), data [32,48), tag [48,64). Encrypt writes the tag after the
            // output, and the same rule as CCM's keeps the two modes interchangeable under the record layer.
            Gcm gcm = NewGcm(AeadTestSupport.Pseudo(16, 3));
            byte[] buf = AeadTestSupport.Pseudo(80, 4);
            byte[] src = new byte[16];
            int[] outputs = new int[] { 44, 60, 20, 4 };   // over the tag (twice), the aad, the nonce
            for (int i = 0; i < outputs.Length; i++)
            {
                int o = outputs[i];
                Assert.ThrowsException(typeof(ArgumentException),
                    () => gcm.Decrypt(buf, 0, buf, 12, 13, src, 0, 16, buf, o, buf, 48), "decrypt, output at " + o);
                Assert.ThrowsException(typeof(ArgumentException),
                    () => gcm.Encrypt(buf, 0, buf, 12, 13, src, 0, 16, buf, o, buf, 48), "encrypt, output at " + o);
            }
            // In place with the tag right behind the data is the record layer's layout and stays allowed.
            gcm.Encrypt(buf, 0, buf, 12, 13, buf, 32, 16, buf, 32, buf, 48);
            Assert.IsTrue(gcm.Decrypt(buf, 0, buf, 12, 13, buf, 32, 16, buf, 32, buf, 48));
        }
    }
}

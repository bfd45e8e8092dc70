using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>RFC 5869 appendix A, test cases 1-3 (SHA-256), and the output-length limit.</summary>
    [TestClass]
    public class HkdfTests
    {
        [TestMethod]
        public void Rfc5869Case1()
        {
            Check(HmacSha256Tests.Repeat(0x0b, 22), Range(0x00, 13), Range(0xf0, 10), 42,
                "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        }

        [TestMethod]
        public void Rfc5869Case2LongInputs()
        {
            Check(Range(0x00, 80), Range(0x60, 80), Range(0xb0, 80), 82,
                "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
                "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
        }

        [TestMethod]
        public void Rfc5869Case3EmptySaltAndInfo()
        {
            Check(HmacSha256Tests.Repeat(0x0b, 22), new byte[0], new byte[0], 42,
                "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
            // A null salt means the same as an empty one (32 zero bytes).
            byte[] ikm = HmacSha256Tests.Repeat(0x0b, 22);
            byte[] prk = new byte[32];
            Hkdf.Extract(null, 0, 0, ikm, 0, ikm.Length, prk, 0);
            Assert.AreEqual("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", Bytes.ToHex(prk));
            byte[] zeros = new byte[32];
            Hkdf.Extract(zeros, 0, 32, ikm, 0, ikm.Length, prk, 0);
            Assert.AreEqual("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", Bytes.ToHex(prk));
        }

        [TestMethod]
        public void EnforcesTheOutputLimit()
        {
            byte[] prk = HmacSha256Tests.Repeat(7, 32);
            byte[] okm = new byte[Hkdf.MaxOutputLength + 1];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => Hkdf.Expand(prk, 0, 32, null, 0, 0, okm, 0, Hkdf.MaxOutputLength + 1));
            Assert.ThrowsException(typeof(ArgumentException), () => Hkdf.Expand(prk, 0, 31, null, 0, 0, okm, 0, 32));
            Hkdf.Expand(prk, 0, 32, null, 0, 0, okm, 0, Hkdf.MaxOutputLength);
            // The last block (counter 255) was written and is not a copy of its predecessor.
            Assert.IsFalse(Bytes.ConstantTimeEquals(okm, Hkdf.MaxOutputLength - 32, okm, Hkdf.MaxOutputLength - 64, 32));
            Assert.AreEqual((byte)0, okm[Hkdf.MaxOutputLength]);
        }

        [TestMethod]
        public void BadRangesThrowBeforeTheCallersHmacIsRekeyed()
        {
            byte[] key = HmacSha256Tests.Repeat(0x42, 32);
            byte[] message = Bytes.FromAscii("still keyed with the caller's key");
            byte[] expected = new byte[32];
            HmacSha256.Compute(key, 0, 32, message, 0, message.Length, expected, 0);
            HmacSha256 hmac = new HmacSha256(key, 0, 32);
            byte[] secret = HmacSha256Tests.Repeat(7, 32);
            byte[] small = new byte[8];
            byte[] output = new byte[32];

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => Hkdf.Expand(hmac, secret, 0, 32, small, 4, 5, output, 0, 32));
            AssertStillKeyed(hmac, message, expected, "Expand: info out of range");
            Assert.ThrowsException(typeof(ArgumentNullException),
                () => Hkdf.Expand(hmac, secret, 0, 32, null, 0, 3, output, 0, 32));
            AssertStillKeyed(hmac, message, expected, "Expand: null info with a count");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => Hkdf.Extract(hmac, secret, 0, 32, small, 0, 9, output, 0));
            AssertStillKeyed(hmac, message, expected, "Extract: ikm out of range");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => Hkdf.Extract(hmac, secret, 0, 32, small, 0, 8, output, 1));
            AssertStillKeyed(hmac, message, expected, "Extract: prk output out of range");
        }

        private static void AssertStillKeyed(HmacSha256 hmac, byte[] message, byte[] expected, string what)
        {
            byte[] tag = new byte[32];
            hmac.Update(message, 0, message.Length);
            hmac.Final(tag, 0);
            Assert.AreEqual(Bytes.ToHex(expected), Bytes.ToHex(tag), what);
        }

        private static void Check(byte[] ikm, byte[] salt, byte[] info, int length, string prkHex, string okmHex)
        {
            HmacSha256 hmac = new HmacSha256();
            byte[] prk = new byte[32];
            Hkdf.Extract(hmac, salt, 0, salt.Length, ikm, 0, ikm.Length, prk, 0);
            Assert.AreEqual(prkHex, Bytes.ToHex(prk));
            byte[] okm = new byte[length + 1];
            Hkdf.Expand(hmac, prk, 0, 32, info, 0, info.Length, okm, 1, length);
            Assert.AreEqual(okmHex, Bytes.ToHex(okm, 1, length, false));

            // The allocating overloads agree.
            byte[] prk2 = new byte[32];
            Hkdf.Extract(salt, 0, salt.Length, ikm, 0, ikm.Length, prk2, 0);
            byte[] okm2 = new byte[length];
            Hkdf.Expand(prk2, 0, 32, info, 0, info.Length, okm2, 0, length);
            Assert.AreEqual(okmHex, Bytes.ToHex(okm2));
        }

        private static byte[] Range(int first, int count)
        {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++) b[i] = (byte)(first + i);
            return b;
        }
    }
}

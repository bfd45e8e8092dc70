using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>Minimal DER for ECDSA signatures: shortest integers, a 0x00 pad only when the top bit is set.</summary>
    [TestClass]
    public class EcdsaDerTests
    {
        [TestMethod]
        public void SmallValuesUseOneByteIntegers()
        {
            AssertRoundTrip(new string('0', 62) + "01", new string('0', 62) + "7F", "300602010102017F");
        }

        [TestMethod]
        public void TopBitSetGetsOnePadByte()
        {
            string s = "00FF" + new string('0', 60);
            AssertRoundTrip(new string('0', 62) + "80", s, "3026" + "02020080" + "022000FF" + new string('0', 60));
        }

        [TestMethod]
        public void LargestSignatureIs72Bytes()
        {
            string r = new string('F', 64), s = "7F" + new string('F', 62);
            string der = AssertRoundTrip(r, s, "3045" + "022100" + r + "0220" + s);
            AssertRoundTrip(r, r, "3046" + "022100" + r + "022100" + r);
            Assert.AreEqual(71 * 2, der.Length);
        }

        [TestMethod]
        public void DecodeRejectsWhatEncodeNeverWrites()
        {
            string[] bad =
            {
                "300702020001020101",                               // r padded although positive
                "300602018102017F",                                 // r negative
                "3006020101020180",                                 // s negative
                "300602010102017F00",                               // trailing byte
                "300502010102017F",                                 // sequence length too short
                "300702010102017F",                                 // sequence length too long
                "30060201010201",                                   // truncated
                "3006020101020200",                                 // integer longer than the rest
            };
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] der = Bytes.FromHex(bad[i]);
                Assert.IsFalse(EcdsaDer.Decode(der, 0, der.Length, new byte[64], 0), bad[i]);
            }
        }

        private static string AssertRoundTrip(string r, string s, string expectedDer)
        {
            byte[] rs = Bytes.FromHex(r + s);
            byte[] der = new byte[P256.MaxDerSignatureSize];
            int length = EcdsaDer.Encode(rs, 0, der, 0);
            Assert.AreEqual(length, EcdsaDer.EncodedLength(rs, 0));
            string hex = Bytes.ToHex(der, 0, length, true);
            Assert.AreEqual(expectedDer, hex);
            byte[] back = new byte[64];
            Assert.IsTrue(EcdsaDer.Decode(der, 0, length, back, 0));
            CollectionAssert.AreEqual(rs, back);
            return hex;
        }
    }
}

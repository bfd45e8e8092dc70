using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>RFC 4231 test cases 1-7 for HMAC-SHA-256, reuse and wiping.</summary>
    [TestClass]
    public class HmacSha256Tests
    {
        private const string Case6Data = "Test Using Larger Than Block-Size Key - Hash Key First";
        private const string Case7Data = "This is a test using a larger than block-size key and a larger than block-size data. "
            + "The key needs to be hashed before being used by the HMAC algorithm.";

        [TestMethod]
        public void Rfc4231Case1()
        {
            Check(Repeat(0x0b, 20), Bytes.FromAscii("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        }

        [TestMethod]
        public void Rfc4231Case2KeyShorterThanOutput()
        {
            Check(Bytes.FromAscii("Jefe"), Bytes.FromAscii("what do ya want for nothing?"),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        }

        [TestMethod]
        public void Rfc4231Case3()
        {
            Check(Repeat(0xaa, 20), Repeat(0xdd, 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
        }

        [TestMethod]
        public void Rfc4231Case4()
        {
            byte[] key = new byte[25];
            for (int i = 0; i < key.Length; i++) key[i] = (byte)(i + 1);
            Check(key, Repeat(0xcd, 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
        }

        [TestMethod]
        public void Rfc4231Case5Truncated()
        {
            byte[] key = Repeat(0x0c, 20);
            byte[] data = Bytes.FromAscii("Test With Truncation");
            HmacSha256 mac = new HmacSha256(key, 0, key.Length);
            mac.Update(data, 0, data.Length);
            byte[] tag = new byte[18];
            tag[16] = 0x55;
            mac.Final(tag, 0, 16);
            Assert.AreEqual("a3b6167473100ee06e0c796c2955552b", Bytes.ToHex(tag, 0, 16, false));
            Assert.AreEqual((byte)0x55, tag[16], "truncated final writes only count bytes");

            mac.Update(data, 0, data.Length);
            Assert.IsTrue(mac.Verify(tag, 0, 16));
            tag[15] ^= 1;
            mac.Update(data, 0, data.Length);
            Assert.IsFalse(mac.Verify(tag, 0, 16));
        }

        [TestMethod]
        public void Rfc4231Case6LongKey()
        {
            Check(Repeat(0xaa, 131), Bytes.FromAscii(Case6Data),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
        }

        [TestMethod]
        public void Rfc4231Case7LongKeyAndData()
        {
            Check(Repeat(0xaa, 131), Bytes.FromAscii(Case7Data),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
        }

        [TestMethod]
        public void ReusesTheKeyAcrossMessagesAndRekeys()
        {
            byte[] jefe = Bytes.FromAscii("Jefe");
            byte[] msg = Bytes.FromAscii("what do ya want for nothing?");
            HmacSha256 mac = new HmacSha256();
            byte[] tag = new byte[32];
            for (int round = 0; round < 3; round++)
            {
                mac.SetKey(jefe, 0, jefe.Length);
                mac.Update(msg, 0, 5);
                mac.Reset(); // drops the partial message
                for (int i = 0; i < msg.Length; i++) mac.Update(msg[i]);
                mac.Final(tag, 0);
                Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Bytes.ToHex(tag));
                // Same key, next message, without SetKey.
                mac.Update(msg, 0, msg.Length);
                mac.Final(tag, 0);
                Assert.AreEqual("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Bytes.ToHex(tag));
                byte[] other = Repeat(0x0b, 20);
                mac.SetKey(other, 0, other.Length);
                byte[] hi = Bytes.FromAscii("Hi There");
                mac.Update(hi, 0, hi.Length);
                mac.Final(tag, 0);
                Assert.AreEqual("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Bytes.ToHex(tag));
            }
        }

        [TestMethod]
        public void OneShotMatchesIncremental()
        {
            byte[] key = Repeat(0xaa, 131);
            byte[] data = Bytes.FromAscii(Case7Data);
            byte[] tag = new byte[34];
            HmacSha256.Compute(key, 0, key.Length, data, 0, data.Length, tag, 2);
            Assert.AreEqual("9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2", Bytes.ToHex(tag, 2, 32, false));
        }

        [TestMethod]
        public void ClearForgetsTheKey()
        {
            byte[] key = Repeat(0x0b, 20);
            HmacSha256 mac = new HmacSha256(key, 0, key.Length);
            mac.Clear();
            byte[] tag = new byte[32];
            Assert.ThrowsException(typeof(InvalidOperationException), () => mac.Update(tag, 0, 1));
            Assert.ThrowsException(typeof(InvalidOperationException), () => mac.Final(tag, 0));
            Assert.ThrowsException(typeof(InvalidOperationException), () => new HmacSha256().Reset());
        }

        [TestMethod]
        public void RejectsBadRanges()
        {
            byte[] key = Repeat(1, 16);
            HmacSha256 mac = new HmacSha256(key, 0, 16);
            byte[] tag = new byte[32];
            Assert.ThrowsException(typeof(ArgumentNullException), () => mac.SetKey(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => mac.SetKey(key, 10, 7));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => mac.Final(tag, 0, 33));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => mac.Final(tag, 1, 32));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => mac.Verify(tag, 0, 0));
        }

        private static void Check(byte[] key, byte[] data, string expectedHex)
        {
            HmacSha256 mac = new HmacSha256(key, 0, key.Length);
            // Odd split: exercises partial-block buffering across Update calls.
            int half = data.Length / 3;
            mac.Update(data, 0, half);
            mac.Update(data, half, data.Length - half);
            byte[] tag = new byte[32];
            mac.Final(tag, 0);
            Assert.AreEqual(expectedHex, Bytes.ToHex(tag));
        }

        internal static byte[] Repeat(int value, int count)
        {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++) b[i] = (byte)value;
            return b;
        }
    }
}

using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    [TestClass]
    public class GHashTests
    {
        /// <summary>X · Y in GF(2^128) exactly as NIST SP 800-38D Algorithm 1 states it: bit by bit, R = 11100001 || 0^120.</summary>
        private static byte[] ReferenceMultiply(byte[] x, byte[] y)
        {
            byte[] z = new byte[16];
            byte[] v = new byte[16];
            System.Array.Copy(y, v, 16);
            for (int i = 0; i < 128; i++)
            {
                if (((x[i >> 3] >> (7 - (i & 7))) & 1) != 0)
                    for (int j = 0; j < 16; j++) z[j] ^= v[j];
                bool lsb = (v[15] & 1) != 0;
                for (int j = 15; j > 0; j--) v[j] = (byte)((v[j] >> 1) | (v[j - 1] << 7));
                v[0] >>= 1;
                if (lsb) v[0] ^= 0xE1;
            }
            return z;
        }

        private static byte[] ReferenceGhash(byte[] h, byte[] data, int count)
        {
            byte[] y = new byte[16];
            for (int o = 0; o < count; o += 16)
            {
                for (int j = 0; j < 16 && o + j < count; j++) y[j] ^= data[o + j];
                y = ReferenceMultiply(y, h);
            }
            return y;
        }

        [TestMethod]
        public void MatchesTheSpecMultiplicationOnPseudoRandomInputs()
        {
            for (uint seed = 1; seed <= 24; seed++)
            {
                byte[] h = AeadTestSupport.Pseudo(16, seed);
                if (seed == 1) h = Bytes.FromHex("80000000000000000000000000000000");   // H = 1: GHASH is a plain xor fold
                if (seed == 2) h = Bytes.FromHex("00000000000000000000000000000001");   // x^127: exercises the reduction
                if (seed == 3) h = Bytes.FromHex("ffffffffffffffffffffffffffffffff");
                int count = (int)(seed * 7 % 67);
                byte[] data = AeadTestSupport.Pseudo(count, seed + 1000);
                GHash g = new GHash();
                g.SetKey(h, 0);
                g.Update(data, 0, count);
                byte[] actual = new byte[16];
                g.GetState(actual, 0);
                Assert.AreEqual(Bytes.ToHex(ReferenceGhash(h, data, count)), Bytes.ToHex(actual), "seed " + seed);
            }
        }

        [TestMethod]
        public void AllOnesTimesAllOnes()
        {
            // Both operands with every bit set: every partial product and every reduction step is active.
            byte[] ones = Bytes.FromHex("ffffffffffffffffffffffffffffffff");
            GHash g = new GHash();
            g.SetKey(ones, 0);
            g.Update(ones, 0, 16);
            byte[] actual = new byte[16];
            g.GetState(actual, 0);
            Assert.AreEqual(Bytes.ToHex(ReferenceMultiply(ones, ones)), Bytes.ToHex(actual));
        }

        [TestMethod]
        public void LengthBlockAndPaddedTailAgreeWithExplicitBlocks()
        {
            byte[] h = AeadTestSupport.Pseudo(16, 77);
            byte[] data = AeadTestSupport.Pseudo(21, 78);
            GHash a = new GHash();
            a.SetKey(h, 0);
            a.Update(data, 0, 21);
            a.UpdateLengths(3, 0x12345);

            byte[] padded = new byte[48];
            System.Array.Copy(data, padded, 21);
            Bytes.WriteUInt64BE(padded, 32, 3 * 8);
            Bytes.WriteUInt64BE(padded, 40, 0x12345 * 8);
            GHash b = new GHash();
            b.SetKey(h, 0);
            b.Update(padded, 0, 48);

            byte[] sa = new byte[16], sb = new byte[16];
            a.GetState(sa, 0);
            b.GetState(sb, 0);
            Assert.AreEqual(Bytes.ToHex(sb), Bytes.ToHex(sa));
            Assert.AreEqual(Bytes.ToHex(ReferenceGhash(h, padded, 48)), Bytes.ToHex(sa));
        }

        [TestMethod]
        public void ResetAndClearRestartTheState()
        {
            byte[] h = AeadTestSupport.Pseudo(16, 5);
            byte[] data = AeadTestSupport.Pseudo(32, 6);
            GHash g = new GHash();
            g.SetKey(h, 0);
            g.Update(data, 0, 32);
            g.Reset();
            g.Update(data, 0, 32);
            byte[] s = new byte[16];
            g.GetState(s, 0);
            Assert.AreEqual(Bytes.ToHex(ReferenceGhash(h, data, 32)), Bytes.ToHex(s));
            g.Clear();
            g.Update(data, 0, 32);
            g.GetState(s, 0);
            Assert.IsTrue(AeadTestSupport.AllZero(s, 0, 16), "H erased: every product is zero");
        }
    }
}

using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Platform
{
    [TestClass]
    public class BytesTests
    {
        [TestMethod]
        public void BigEndianRoundTrips()
        {
            byte[] b = new byte[8];
            Bytes.WriteUInt16BE(b, 0, 0xABCD);
            Assert.AreEqual((ushort)0xABCD, Bytes.ReadUInt16BE(b, 0));
            Assert.AreEqual((byte)0xAB, b[0]);
            Bytes.WriteUInt24BE(b, 1, 0x123456);
            Assert.AreEqual(0x123456, Bytes.ReadUInt24BE(b, 1));
            Bytes.WriteUInt32BE(b, 0, 0xDEADBEEF);
            Assert.AreEqual(0xDEADBEEFu, Bytes.ReadUInt32BE(b, 0));
            Bytes.WriteUInt64BE(b, 0, 0x0102030405060708UL);
            Assert.AreEqual(0x0102030405060708UL, Bytes.ReadUInt64BE(b, 0));
            Assert.AreEqual((byte)8, b[7]);
        }

        [TestMethod]
        public void HexRoundTripsAndRejectsGarbage()
        {
            byte[] b = Bytes.FromHex("00ff10Ab");
            Assert.AreEqual(4, b.Length);
            Assert.AreEqual((byte)0xAB, b[3]);
            Assert.AreEqual("00ff10ab", Bytes.ToHex(b));
            Assert.AreEqual("00FF10AB", Bytes.ToHex(b, 0, 4, true));
            Assert.ThrowsException(typeof(FormatException), () => Bytes.FromHex("abc"));
            Assert.ThrowsException(typeof(FormatException), () => Bytes.FromHex("zz"));
        }

        [TestMethod]
        public void ConstantTimeEqualsComparesWholeRange()
        {
            byte[] a = Bytes.FromHex("0102030405");
            byte[] b = Bytes.FromHex("0102030406");
            Assert.IsTrue(Bytes.ConstantTimeEquals(a, 0, b, 0, 4));
            Assert.IsFalse(Bytes.ConstantTimeEquals(a, 0, b, 0, 5));
        }

        [TestMethod]
        public void AsciiRejectsNonAscii()
        {
            byte[] b = Bytes.FromAscii("tls");
            Assert.AreEqual("tls", Bytes.ToAscii(b, 0, b.Length));
            Assert.ThrowsException(typeof(ArgumentException), () => Bytes.FromAscii("caf\u00e9"));
        }

        [TestMethod]
        public void CheckRangeRefusesNullAndRangesOutsideTheArray()
        {
            byte[] b = new byte[8];
            Bytes.CheckRange(b, 0, 8, "b");
            Bytes.CheckRange(b, 8, 0, "b");
            Assert.ThrowsException(typeof(ArgumentNullException), () => Bytes.CheckRange(null, 0, 0, "b"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Bytes.CheckRange(b, 1, 8, "b"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Bytes.CheckRange(b, -1, 1, "b"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Bytes.CheckRange(b, 0, -1, "b"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Bytes.CheckRange(b, 9, 0, "b"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Bytes.CheckRange(b, int.MaxValue, 2, "b"));
        }

        [TestMethod]
        public void CheckOptionalRangeAllowsNullOnlyForAnEmptyRange()
        {
            Bytes.CheckOptionalRange(null, 0, 0, "b");
            Bytes.CheckOptionalRange(null, 5, 0, "b");
            Bytes.CheckOptionalRange(new byte[2], 0, 2, "b");
            Assert.ThrowsException(typeof(ArgumentNullException), () => Bytes.CheckOptionalRange(null, 0, 1, "b"));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Bytes.CheckOptionalRange(new byte[2], 1, 2, "b"));
        }
    }
}

using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto.Asn1
{
    [TestClass]
    public class DerReaderTests
    {
        private static DerReader Reader(string hex)
        {
            byte[] b = Bytes.FromHex(hex);
            return new DerReader(b, 0, b.Length);
        }

        /// <summary>Reads the first element of hex with ReadAny; returns its content length.</summary>
        private static int ContentLength(string hex)
        {
            DerReader r = Reader(hex);
            int o, l;
            r.ReadAny(out o, out l);
            return l;
        }

        private static void Rejects(string hex)
        {
            Assert.ThrowsException(typeof(DerException), () => ContentLength(hex));
        }

        [TestMethod]
        public void ShortAndLongLengths()
        {
            Assert.AreEqual(3, ContentLength("0403010203"));
            Assert.AreEqual(0x80, ContentLength("048180" + new string('0', 0x100)));
            Assert.AreEqual(0x100, ContentLength("04820100" + new string('0', 0x200)));
        }

        [TestMethod]
        public void RejectsIndefiniteNonMinimalOverlongAndTruncatedLengths()
        {
            Rejects("30800000");                      // indefinite
            Rejects("0481050102030405");               // 0x81 for a length under 128
            Rejects("0482008001");                    // leading zero length byte
            Rejects("0484000000010000");              // more than 3 length bytes
            Rejects("040301");                        // content shorter than the length
            Rejects("04");                            // no length byte
            Rejects("0482");                          // truncated long length
            Rejects("");                              // nothing at all
        }

        [TestMethod]
        public void RejectsHighTagNumbersAndEndOfContents()
        {
            Rejects("1F0100");
            Rejects("0000");
        }

        [TestMethod]
        public void ReadChecksTheTag()
        {
            DerReader r = Reader("020101");
            int o, l;
            Assert.ThrowsException(typeof(DerException), () => { DerReader c = Reader("020101"); c.Read(DerTag.OctetString, out o, out l); });
            r.Read(DerTag.Integer, out o, out l);
            Assert.AreEqual(2, o);
            Assert.AreEqual(1, l);
            Assert.IsTrue(r.IsEmpty);
            Assert.AreEqual(-1, r.PeekTag());
        }

        [TestMethod]
        public void ConstructedElementsGiveChildCursorsAndWholeElementRanges()
        {
            // SEQUENCE { INTEGER 5, SEQUENCE { BOOLEAN TRUE } } followed by NULL
            DerReader r = Reader("300802010530030101FF0500");
            DerReader seq = r.ReadSequence();
            Assert.AreEqual(0, r.LastElementOffset);
            Assert.AreEqual(10, r.LastElementLength);
            Assert.AreEqual(5, seq.ReadSmallNonNegativeInteger());
            DerReader inner = seq.ReadSequence();
            Assert.IsTrue(inner.ReadBoolean());
            inner.ExpectEnd();
            seq.ExpectEnd();
            r.ReadNull();
            r.ExpectEnd();
        }

        [TestMethod]
        public void ExpectEndRejectsTrailingData()
        {
            Assert.ThrowsException(typeof(DerException), () =>
            {
                DerReader r = Reader("30040201010000");
                DerReader s = r.ReadSequence();
                s.ReadSmallNonNegativeInteger();
                s.ExpectEnd();
            });
        }

        [TestMethod]
        public void SkipMovesPastAnyElement()
        {
            DerReader r = Reader("A0030201020401AA");
            Assert.AreEqual(0xA0, r.Skip());
            int o, l;
            r.ReadOctetString(out o, out l);
            Assert.AreEqual(1, l);
            Assert.AreEqual(7, o);
        }

        [TestMethod]
        public void BooleanIsStrictDer()
        {
            Assert.IsTrue(Reader("0101FF").ReadBoolean());
            Assert.IsFalse(Reader("010100").ReadBoolean());
            Assert.ThrowsException(typeof(DerException), () => Reader("010101").ReadBoolean());
            Assert.ThrowsException(typeof(DerException), () => Reader("0102FFFF").ReadBoolean());
            Assert.ThrowsException(typeof(DerException), () => Reader("0100").ReadBoolean());
        }

        [TestMethod]
        public void IntegersMustBeMinimal()
        {
            int o, l;
            DerReader ok = Reader("02020080");
            ok.ReadInteger(out o, out l);
            Assert.AreEqual(2, l);
            DerReader neg = Reader("0202FF7F");
            neg.ReadInteger(out o, out l);
            Assert.AreEqual(2, l);
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("0200"); r.ReadInteger(out o, out l); });
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("02020001"); r.ReadInteger(out o, out l); });
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("0202FF80"); r.ReadInteger(out o, out l); });
        }

        [TestMethod]
        public void SmallIntegersRejectNegativeAndOversizedValues()
        {
            Assert.AreEqual(0, Reader("020100").ReadSmallNonNegativeInteger());
            Assert.AreEqual(0x7FFFFFFF, Reader("02047FFFFFFF").ReadSmallNonNegativeInteger());
            Assert.ThrowsException(typeof(DerException), () => Reader("0201FF").ReadSmallNonNegativeInteger());
            Assert.ThrowsException(typeof(DerException), () => Reader("02050080000000").ReadSmallNonNegativeInteger());
        }

        [TestMethod]
        public void OidsCompareAgainstConstantsAndMustBeWellFormed()
        {
            byte[] p256 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07 };
            Assert.IsTrue(Reader("06082A8648CE3D030107").ReadOidEquals(p256));
            Assert.IsFalse(Reader("06082A8648CE3D030108").ReadOidEquals(p256));
            Assert.IsFalse(Reader("06052B81040022").ReadOidEquals(p256));
            int o, l;
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("0600"); r.ReadOid(out o, out l); });
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("06022A80"); r.ReadOid(out o, out l); }); // unterminated
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("06032A8001"); r.ReadOid(out o, out l); }); // 0x80 lead
        }

        [TestMethod]
        public void BitStringsCheckUnusedBits()
        {
            int o, l;
            DerReader ku = Reader("03020780");
            Assert.AreEqual(7, ku.ReadBitString(out o, out l));
            Assert.AreEqual(3, o);
            Assert.AreEqual(1, l);
            DerReader empty = Reader("030100");
            Assert.AreEqual(0, empty.ReadBitString(out o, out l));
            Assert.AreEqual(0, l);
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("0300"); r.ReadBitString(out o, out l); });
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("030108"); r.ReadBitString(out o, out l); });
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("03020881"); r.ReadBitString(out o, out l); });
            Assert.ThrowsException(typeof(DerException), () => { DerReader r = Reader("03020781"); r.ReadBitString(out o, out l); }); // unused bit set
        }

        private static DateTime Time(int tag, string text)
        {
            byte[] content = Bytes.FromAscii(text);
            byte[] b = new byte[2 + content.Length];
            b[0] = (byte)tag;
            b[1] = (byte)content.Length;
            Array.Copy(content, 0, b, 2, content.Length);
            DerReader r = new DerReader(b, 0, b.Length);
            return r.ReadTime();
        }

        [TestMethod]
        public void UtcTimeUsesTheRfc5280Century()
        {
            Assert.AreEqual(new DateTime(2049, 12, 31, 23, 59, 59), Time(DerTag.UtcTime, "491231235959Z"));
            Assert.AreEqual(new DateTime(1950, 1, 1, 0, 0, 0), Time(DerTag.UtcTime, "500101000000Z"));
            Assert.AreEqual(new DateTime(2024, 2, 29, 12, 30, 45), Time(DerTag.UtcTime, "240229123045Z"));
        }

        [TestMethod]
        public void GeneralizedTimeAndClamping()
        {
            Assert.AreEqual(new DateTime(2050, 6, 1, 8, 0, 0), Time(DerTag.GeneralizedTime, "20500601080000Z"));
            Assert.AreEqual(DerReader.LatestTime, Time(DerTag.GeneralizedTime, "99991231235959Z"));
            Assert.AreEqual(DerReader.EarliestTime, Time(DerTag.GeneralizedTime, "00010101000000Z"));
        }

        [TestMethod]
        public void TimesAreStrict()
        {
            string[] utcBad = { "4912312359Z", "491231235959", "491231235959+0000", "491331235959Z", "490230235959Z",
                "230229000000Z", "491231245959Z", "491231236059Z", "491231235960Z", "4912312359 9Z", "491200235959Z" };
            for (int i = 0; i < utcBad.Length; i++)
            {
                string text = utcBad[i];
                Assert.ThrowsException(typeof(DerException), () => Time(DerTag.UtcTime, text), text);
            }
            Assert.ThrowsException(typeof(DerException), () => Time(DerTag.GeneralizedTime, "20500601080000.5Z"));
            Assert.ThrowsException(typeof(DerException), () => Time(DerTag.GeneralizedTime, "205006010800Z"));
            Assert.ThrowsException(typeof(DerException), () => Time(DerTag.OctetString, "491231235959Z"));
        }

        [TestMethod]
        public void ConstructorRejectsBadRanges()
        {
            byte[] b = new byte[4];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new DerReader(b, 3, 2));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new DerReader(b, -1, 1));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new DerReader(null, 0, 0));
        }

        [TestMethod]
        public void ReadsWithinAWindowOfALargerBuffer()
        {
            // The window holds only "020101"; the 0x04 after it must not be reachable.
            byte[] b = Bytes.FromHex("FF02010104");
            DerReader r = new DerReader(b, 1, 3);
            Assert.AreEqual(1, r.ReadSmallNonNegativeInteger());
            Assert.IsTrue(r.IsEmpty);
            DerReader shortWindow = new DerReader(b, 1, 2);
            Assert.ThrowsException(typeof(DerException), () => shortWindow.Skip());
        }
    }
}

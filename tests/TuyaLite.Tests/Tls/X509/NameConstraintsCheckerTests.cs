using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    [TestClass]
    public class NameConstraintsCheckerTests
    {
        private static bool ValidIp(string hex)
        {
            byte[] b = Bytes.FromHex(hex);
            return NameConstraintsChecker.IsValidIpConstraint(b, 0, b.Length);
        }

        private static bool WithinIp(string ipHex, string constraintHex)
        {
            byte[] ip = Bytes.FromHex(ipHex), c = Bytes.FromHex(constraintHex);
            return NameConstraintsChecker.IsWithinIpConstraint(ip, 0, ip.Length, c, 0, c.Length);
        }

        private static bool WithinDn(string nameHex, string constraintHex)
        {
            byte[] n = Bytes.FromHex(nameHex), c = Bytes.FromHex(constraintHex);
            return NameConstraintsChecker.IsWithinDirectoryName(n, 0, n.Length, c, 0, c.Length);
        }

        [TestMethod]
        public void IpConstraintsAreAddressAndContiguousMask()
        {
            Assert.IsTrue(ValidIp("0a000000ff000000"));
            Assert.IsTrue(ValidIp("0000000000000000"));
            Assert.IsTrue(ValidIp("c0000201ffffffff"));
            Assert.IsTrue(ValidIp("20010db8000000000000000000000000ffffffff000000000000000000000000"));
            Assert.IsFalse(ValidIp("7f000001"), "no mask");
            Assert.IsFalse(ValidIp("0a000000ff00ff00"), "holes in the mask");
            Assert.IsFalse(ValidIp("0a000000fe800000"));
            Assert.IsFalse(ValidIp("0a000000ff000000ff"));
        }

        [TestMethod]
        public void IpNamesMatchByPrefixAndFamily()
        {
            Assert.IsTrue(WithinIp("0a010203", "0a000000ff000000"));
            Assert.IsFalse(WithinIp("0b010203", "0a000000ff000000"));
            Assert.IsTrue(WithinIp("c0000201", "c0000200ffffff00"));
            Assert.IsFalse(WithinIp("c0000301", "c0000200ffffff00"));
            Assert.IsFalse(WithinIp("00000000000000000000ffff0a010203", "0a000000ff000000"), "IPv6 never matches an IPv4 subtree");
            Assert.IsTrue(WithinIp("00000000000000000000000000000001",
                "00000000000000000000000000000001ffffffffffffffffffffffffffffffff"));
        }

        // Names as DER: SEQUENCE OF SET OF SEQUENCE { OID, UTF8String }
        private const string CnFoo = "300e310c300a06035504030c03666f6f";               // CN=foo
        private const string CnNotFoo = "30123110300e06035504030c076e6f742d666f6f";    // CN=not-foo
        private const string OAcmeCnFoo = "301f310d300b060355040a0c0441636d65310e300c06035504030c05666f6f2d31"; // O=Acme, CN=foo-1
        private const string OAcme = "300f310d300b060355040a0c0441636d65";            // O=Acme

        [TestMethod]
        public void DirectoryNamesMatchByRdnPrefix()
        {
            Assert.IsTrue(WithinDn(CnFoo, CnFoo));
            Assert.IsFalse(WithinDn(CnNotFoo, CnFoo));
            Assert.IsTrue(WithinDn(OAcmeCnFoo, OAcme));
            Assert.IsFalse(WithinDn(OAcme, OAcmeCnFoo), "a shorter name is not inside a longer constraint");
            Assert.IsTrue(WithinDn(CnFoo, "3000"), "the empty name constrains nothing");
        }
    }
}

using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    [TestClass]
    public class HostnameMatcherTests
    {
        // presented (SAN dNSName), host, expected
        private static readonly string[] MatchTable =
        {
            "device.example.com", "device.example.com", "yes",
            "DEVICE.Example.COM", "device.example.com", "yes",
            "device.example.com", "Device.EXAMPLE.com", "yes",
            "device.example.com", "device.example.com.", "yes",   // one trailing dot on the host is dropped
            "localhost", "localhost", "yes",
            "device.example.com", "device.example.org", "no",
            "device.example.com", "evice.example.com", "no",
            "device.example.com", "xdevice.example.com", "no",
            "example.com.", "example.com", "no",                  // presented names never end in a dot
            "*.example.com", "foo.example.com", "yes",
            "*.EXAMPLE.com", "FOO.example.COM", "yes",
            "*.example.com", "example.com", "no",                 // the wildcard needs a label
            "*.example.com", "a.b.example.com", "no",             // and matches exactly one
            "*.example.com", ".example.com", "no",
            "*.com", "example.com", "no",                         // at least two labels after the wildcard
            "*", "localhost", "no",
            "*.", "a.", "no",
            "f*.example.com", "foo.example.com", "no",           // no partial wildcards
            "*o.example.com", "foo.example.com", "no",
            "ba*.example.com", "baz.example.com", "no",
            "foo.*.example.com", "foo.bar.example.com", "no",     // only the left-most label
            "*.*.example.com", "a.b.example.com", "no",
            "xn--*-1b3c148a.example.com", "xn--bliss-1b3c148a.example.com", "no",
            "**.example.com", "a.example.com", "no",
            "*.example.com", "*.example.com", "no",               // '*' is not a host character
            "exa mple.com", "exa mple.com", "no",
        };

        [TestMethod]
        public void MatchTableHolds()
        {
            for (int i = 0; i < MatchTable.Length; i += 3)
            {
                bool expected = MatchTable[i + 2] == "yes";
                Assert.AreEqual(expected, HostnameMatcher.Matches(MatchTable[i], MatchTable[i + 1]),
                    MatchTable[i] + " vs " + MatchTable[i + 1]);
            }
        }

        [TestMethod]
        public void HostNamesCompareIgnoringAsciiCase()
        {
            Assert.IsTrue(HostnameMatcher.EqualsIgnoreCase("Device.Example.COM", "device.example.com"));
            Assert.IsFalse(HostnameMatcher.EqualsIgnoreCase("device.example.com", "device.example.co"));
            Assert.IsFalse(HostnameMatcher.EqualsIgnoreCase("a-b", "a_b"));
        }

        [TestMethod]
        public void NormalizesValidHostsAndRefusesOthers()
        {
            byte[] b = new byte[HostnameMatcher.MaxHostLength];
            int n = HostnameMatcher.NormalizeDnsHost("Foo-1.Example_Zone.COM.", b, 0);
            Assert.AreEqual("foo-1.example_zone.com", Bytes.ToAscii(b, 0, n));
            string[] bad = { "", ".", "a..b", ".a", "a b", "a/b", "caf\u00e9.com", "*.example.com", "a.b..", "a:b" };
            for (int i = 0; i < bad.Length; i++)
                Assert.AreEqual(-1, HostnameMatcher.NormalizeDnsHost(bad[i], b, 0), bad[i]);
            Assert.AreEqual(-1, HostnameMatcher.NormalizeDnsHost(null, b, 0));
            string label63 = new string('a', 63);
            Assert.AreEqual(67, HostnameMatcher.NormalizeDnsHost(label63 + ".com", b, 0));
            Assert.AreEqual(-1, HostnameMatcher.NormalizeDnsHost(label63 + "a.com", b, 0));
            string long254 = new string('a', 50) + "." + new string('b', 50) + "." + new string('c', 50) + "." + new string('d', 50) + "." + new string('e', 50);
            Assert.AreEqual(254, long254.Length);
            Assert.AreEqual(-1, HostnameMatcher.NormalizeDnsHost(long254, b, 0));
            Assert.AreEqual(253, HostnameMatcher.NormalizeDnsHost(long254.Substring(1), b, 0));
        }

        private static bool Within(string name, string constraint)
        {
            byte[] n = Bytes.FromAscii(name), c = Bytes.FromAscii(constraint);
            return HostnameMatcher.IsWithinDnsConstraint(n, 0, n.Length, c, 0, c.Length);
        }

        private static bool ValidConstraint(string constraint)
        {
            byte[] c = Bytes.FromAscii(constraint);
            return HostnameMatcher.IsValidDnsConstraint(c, 0, c.Length);
        }

        [TestMethod]
        public void DnsConstraintsMatchWholeLabels()
        {
            Assert.IsTrue(Within("example.com", "example.com"));
            Assert.IsTrue(Within("Foo.Example.com", "example.COM"));
            Assert.IsTrue(Within("foo.bar.example.com", "example.com"));
            Assert.IsTrue(Within("*.example.com", "example.com"));
            Assert.IsFalse(Within("badexample.com", "example.com"));
            Assert.IsFalse(Within("example.com.evil", "example.com"));
            Assert.IsFalse(Within("example.org", "example.com"));
            Assert.IsFalse(Within("example.com", ".example.com"), "a leading dot means subdomains only");
            Assert.IsTrue(Within("a.example.com", ".example.com"));
            Assert.IsTrue(Within("anything.at.all", ""), "an empty constraint covers every name");
        }

        [TestMethod]
        public void DnsConstraintSyntax()
        {
            Assert.IsTrue(ValidConstraint(""));
            Assert.IsTrue(ValidConstraint("example.com"));
            Assert.IsTrue(ValidConstraint(".example.com"));
            Assert.IsTrue(ValidConstraint("com"));
            Assert.IsFalse(ValidConstraint("*.example.com"));
            Assert.IsFalse(ValidConstraint("."));
            Assert.IsFalse(ValidConstraint("example.com."));
            Assert.IsFalse(ValidConstraint("a..b"));
            Assert.IsFalse(ValidConstraint("exa mple.com"));
        }
    }
}

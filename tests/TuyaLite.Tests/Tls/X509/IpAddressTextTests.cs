using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    [TestClass]
    public class IpAddressTextTests
    {
        private static string Parsed(string text)
        {
            byte[] b = new byte[20];
            int n = IpAddressText.Parse(text, b, 2);
            return n > 0 ? Bytes.ToHex(b, 2, n, false) : n.ToString();
        }

        // text, expected hex (or 0 = not an IP literal, -1 = invalid literal)
        private static readonly string[] Table =
        {
            "192.0.2.1", "c0000201",
            "0.0.0.0", "00000000",
            "255.255.255.255", "ffffffff",
            "::1", "00000000000000000000000000000001",
            "::", "00000000000000000000000000000000",
            "[::1]", "00000000000000000000000000000001",
            "2001:db8::10", "20010db8000000000000000000000010",
            "2001:DB8:0:0:0:0:0:10", "20010db8000000000000000000000010",
            "1::", "00010000000000000000000000000000",
            "1:2:3:4:5:6:7::", "00010002000300040005000600070000",
            "::ffff:192.0.2.1", "00000000000000000000ffffc0000201",
            "64:ff9b::1.2.3.4", "0064ff9b000000000000000001020304",
            "example.com", "0",
            "localhost", "0",
            "1.example", "0",
            "1.2.3", "-1",
            "1.2.3.4.5", "-1",
            "1.2.3.256", "-1",
            "01.2.3.4", "-1",
            "1..2.3", "-1",
            "1.2.3.4.", "-1",
            "1:2:3:4:5:6:7:8:9", "-1",
            "1::2::3", "-1",
            ":1", "-1",
            "1:", "-1",
            "1:2:3:4:5:6:7", "-1",
            "12345::", "-1",
            "g::1", "-1",
            "[::1", "-1",
            "1:2:3:4:5:6:7:1.2.3.4", "-1",
            "::1.2.3", "-1",
        };

        [TestMethod]
        public void ParsesLiteralsAndRefusesLookAlikes()
        {
            for (int i = 0; i < Table.Length; i += 2)
                Assert.AreEqual(Table[i + 1], Parsed(Table[i]), Table[i]);
            Assert.AreEqual("0", Parsed(""));
            Assert.AreEqual("0", Parsed(null));
        }
    }
}

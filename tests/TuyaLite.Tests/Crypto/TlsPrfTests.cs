using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>
    /// The published TLS 1.2 PRF (P_SHA256) test vector, posted to the IETF TLS working group list
    /// (www.ietf.org/mail-archive/web/tls/current/msg03416.html, cited by many TLS stacks). Re-checked for this project
    /// with OpenSSL 3.0.19 (`openssl kdf -keylen 100 -kdfopt digest:SHA256 ... TLS1-PRF`) and with Python's hmac module.
    /// </summary>
    [TestClass]
    public class TlsPrfTests
    {
        private const string Secret = "9bbe436ba940f017b17652849a71db35";
        private const string Seed = "a0ba9f936cda311827a6f796ffd5198c";
        private const string Expected =
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17"
            + "abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66";

        [TestMethod]
        public void MatchesThePublishedVector()
        {
            byte[] secret = Bytes.FromHex(Secret);
            byte[] seed = Bytes.FromHex(Seed);
            byte[] output = new byte[102];
            TlsPrf prf = new TlsPrf();
            prf.Compute(secret, 0, secret.Length, "test label", seed, 0, seed.Length, null, 0, 0, output, 1, 100);
            Assert.AreEqual(Expected, Bytes.ToHex(output, 1, 100, false));
            Assert.AreEqual((byte)0, output[0]);
            Assert.AreEqual((byte)0, output[101]);

            // The same instance again, with the seed split in two (client_random || server_random style).
            byte[] again = new byte[100];
            prf.Compute(secret, 0, secret.Length, "test label", seed, 0, 5, seed, 5, seed.Length - 5, again, 0, 100);
            Assert.AreEqual(Expected, Bytes.ToHex(again));
        }

        [TestMethod]
        public void ShorterOutputsArePrefixes()
        {
            byte[] secret = Bytes.FromHex(Secret);
            byte[] seed = Bytes.FromHex(Seed);
            TlsPrf prf = new TlsPrf();
            int[] lengths = { 0, 1, 12, 32, 33, 48, 64, 65 };
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] output = new byte[lengths[i]];
                prf.Compute(secret, 0, secret.Length, "test label", seed, 0, seed.Length, null, 0, 0, output, 0, output.Length);
                Assert.AreEqual(Expected.Substring(0, 2 * lengths[i]), Bytes.ToHex(output));
            }
        }

        [TestMethod]
        public void RejectsBadArguments()
        {
            byte[] secret = new byte[48];
            byte[] seed = new byte[64];
            byte[] output = new byte[12];
            TlsPrf prf = new TlsPrf();
            Assert.ThrowsException(typeof(ArgumentNullException),
                () => prf.Compute(secret, 0, 48, null, seed, 0, 64, null, 0, 0, output, 0, 12));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => prf.Compute(secret, 0, 48, "client finished", seed, 0, 64, null, 0, 0, output, 0, 13));
            Assert.ThrowsException(typeof(ArgumentNullException),
                () => prf.Compute(secret, 0, 48, "client finished", seed, 0, 32, null, 0, 32, output, 0, 12));
            Assert.ThrowsException(typeof(ArgumentException),
                () => prf.Compute(secret, 0, 48, "caf\u00e9", seed, 0, 64, null, 0, 0, output, 0, 12));
        }

        [TestMethod]
        public void ABadSeedRangeThrowsBeforeTheSecretIsKeyed()
        {
            byte[] secret = new byte[48];
            byte[] seed = new byte[64];
            byte[] output = new byte[12];
            TlsPrf prf = new TlsPrf();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => prf.Compute(secret, 0, 48, "client finished", seed, 0, 65, null, 0, 0, output, 0, 12));
            Assert.IsFalse(prf.HoldsKey, "seed1 out of range");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => prf.Compute(secret, 0, 48, "client finished", seed, 0, 32, seed, 40, 32, output, 0, 12));
            Assert.IsFalse(prf.HoldsKey, "seed2 out of range");
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => prf.Compute(secret, 0, 48, "client finished", seed, -1, 32, null, 0, 0, output, 0, 12));
            Assert.IsFalse(prf.HoldsKey, "negative seed1 offset");
            prf.Compute(secret, 0, 48, "client finished", seed, 0, 64, null, 0, 0, output, 0, 12);
            Assert.IsFalse(prf.HoldsKey, "wiped after a good call too");
        }
    }
}

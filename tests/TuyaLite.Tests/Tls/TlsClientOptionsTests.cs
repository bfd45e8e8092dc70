using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    [TestClass]
    public class TlsClientOptionsTests
    {
        private sealed class NullRandom : IRandom
        {
            public void NextBytes(byte[] buffer, int offset, int count) { }
        }

        private static TlsClientOptions Valid()
        {
            TlsClientOptions o = new TlsClientOptions();
            o.TrustedRoots = new byte[][] { new byte[] { 0x30, 0 } };
            o.Clock = new FixedClock(new DateTime(2027, 1, 1), true);
            o.Random = new NullRandom();
            return o;
        }

        private static void Invalid(TlsClientOptions o)
        {
            Assert.ThrowsException(typeof(ArgumentException), () => o.Validate());
        }

        [TestMethod]
        public void DefaultsAreDocumentedValues()
        {
            TlsClientOptions o = Valid();
            o.Validate();
            Assert.AreEqual(1024, o.MaxFragmentLength);
            Assert.AreEqual(2048, o.MaxHandshakeMessageSize);
            Assert.IsTrue(o.RequireExtendedMasterSecret);
            Assert.IsFalse(o.AllowFullRecordFallback);
            Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, o.CipherSuites[0]);
            Assert.AreEqual(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, o.CipherSuites[1]);
            Assert.AreEqual("tls.session", o.SessionStorageKey);
        }

        [TestMethod]
        public void TrustClockAndRandomnessAreRequired()
        {
            TlsClientOptions o = Valid(); o.TrustedRoots = null; Invalid(o);
            o = Valid(); o.TrustedRoots = new byte[0][]; Invalid(o);
            o = Valid(); o.TrustedRoots = new byte[][] { new byte[0] }; Invalid(o);
            o = Valid(); o.Clock = null; Invalid(o);
            o = Valid(); o.Random = null; Invalid(o);
        }

        [TestMethod]
        public void NegotiationLimitsAreChecked()
        {
            TlsClientOptions o = Valid(); o.MaxFragmentLength = 1000; Invalid(o);
            o = Valid(); o.MaxFragmentLength = 0; o.Validate();
            o = Valid(); o.CipherSuites = new int[] { 0xC02F }; Invalid(o);
            o = Valid(); o.CipherSuites = new int[] { 0xC02B, 0xC02B }; Invalid(o);
            o = Valid(); o.CipherSuites = new int[0]; Invalid(o);
            o = Valid(); o.MaxHandshakeMessageSize = 100; Invalid(o);
            o = Valid(); o.MaxServerCertificates = 0; Invalid(o);
            o = Valid(); o.ClientCertificate = new byte[10]; Invalid(o);
            o = Valid(); o.ClientCertificate = new byte[10]; o.ClientPrivateKey = new byte[31]; Invalid(o);
            o = Valid(); o.SessionStorage = new MemoryStorage(); o.SessionStorageKey = ""; Invalid(o);
        }
    }
}

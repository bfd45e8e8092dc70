using System;
using nanoFramework.TestFramework;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    /// <summary>Refusals of the 2-level policy. Each is decided before the ECDSA signature step.</summary>
    [TestClass]
    public class CertificateValidatorTests
    {
        private const string Host = "device.example.com";

        private static void Refused(int error, string leafBase64, string host)
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            X509TestSupport.AssertError(error, () => X509TestSupport.Validate(v, host, leafBase64));
        }

        private static void RefusedChain(int error, string[] chain)
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            X509TestSupport.AssertError(error, () => X509TestSupport.Validate(v, Host, X509TestSupport.KnownClock(), chain));
        }

        [TestMethod]
        public void NoBufferOfTheChainIsKeptAfterValidation()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            X509TestSupport.Validate(v, Host, TestCerts.LeafBase64);
            Assert.IsFalse(v.HoldsCertificateBuffer, "accepted chain");
            Assert.AreEqual(Host, v.LastLeafCommonName);
            X509TestSupport.AssertError(CertificateError.HostnameMismatch, () => X509TestSupport.Validate(v, "other.example.com", TestCerts.LeafBase64));
            Assert.IsFalse(v.HoldsCertificateBuffer, "refused chain");
        }

        [TestMethod]
        public void ValidityIsCheckedAgainstAKnownClock()
        {
            Refused(CertificateError.Expired, TestCerts.LeafExpiredBase64, Host);
            Refused(CertificateError.NotYetValid, TestCerts.LeafFutureBase64, Host);
        }

        [TestMethod]
        public void OnlyP256LeafKeys()
        {
            Refused(CertificateError.UnsupportedKey, TestCerts.LeafRsaBase64, Host);
            Refused(CertificateError.UnsupportedKey, TestCerts.LeafP384Base64, Host);
        }

        [TestMethod]
        public void HostMustBeASubjectAltName()
        {
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "other.example.com");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "example.com");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "a.b.iot.example.com");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "iot.example.com");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "192.0.2.11");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "2001:db8::11");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "1.2.3.256");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "bad host");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, "");
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafBase64, null);
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafMinBase64, "device.example.com");
        }

        [TestMethod]
        public void NoCommonNameFallback()
        {
            // Both leaves have CN=device.example.com; only a subjectAltName may name the host.
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafCnOnlyBase64, Host);
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafNoSanBase64, Host);
            // An IP host is never compared with dNSNames (LeafMin: DNS:localhost).
            Refused(CertificateError.HostnameMismatch, TestCerts.LeafMinBase64, "127.0.0.1");
        }

        [TestMethod]
        public void LeafProfile()
        {
            Refused(CertificateError.BasicConstraints, TestCerts.LeafCaBase64, Host);
            Refused(CertificateError.UnknownCriticalExtension, TestCerts.LeafCritextBase64, Host);
            Refused(CertificateError.ExtendedKeyUsage, TestCerts.LeafEkuClientBase64, Host);
            Refused(CertificateError.KeyUsage, TestCerts.LeafKuAgreementBase64, Host);
        }

        [TestMethod]
        public void TrustIsTheIssuingPinnedRoot()
        {
            Refused(CertificateError.UntrustedRoot, TestCerts.LeafOtherRootBase64, Host);
            Refused(CertificateError.UntrustedRoot, TestCerts.LeafViaIntermediateBase64, Host);
            Refused(CertificateError.BasicConstraints, TestCerts.RootBase64, Host);   // the root itself is a CA, not a server
        }

        [TestMethod]
        public void ChainShapeIsLeafOptionallyFollowedByItsPinnedRoot()
        {
            RefusedChain(CertificateError.ChainShape, new string[0]);
            RefusedChain(CertificateError.ChainShape, new string[] { TestCerts.LeafViaIntermediateBase64, TestCerts.IntermediateBase64 });
            RefusedChain(CertificateError.ChainShape, new string[] { TestCerts.LeafViaIntermediateBase64, TestCerts.IntermediateBase64, TestCerts.RootBase64 });
            RefusedChain(CertificateError.ChainShape, new string[] { TestCerts.LeafBase64, TestCerts.OtherRootBase64 });
            RefusedChain(CertificateError.ChainShape, new string[] { TestCerts.LeafBase64, TestCerts.ImpostorRootBase64 });
            RefusedChain(CertificateError.ChainShape, new string[] { TestCerts.LeafBase64, TestCerts.RootBase64, TestCerts.RootBase64 });
        }

        [TestMethod]
        public void RootNameConstraintsCoverSansAndTheHost()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.NcRootBase64);
            X509TestSupport.AssertError(CertificateError.NameConstraints,
                () => X509TestSupport.Validate(v, "device.example.org", TestCerts.LeafNcOutBase64));
            // *.example.com is inside example.com, but the host asked for is in the excluded subtree.
            X509TestSupport.AssertError(CertificateError.NameConstraints,
                () => X509TestSupport.Validate(v, "blocked.example.com", TestCerts.LeafNcWildBase64));
        }

        [TestMethod]
        public void UnknownClockNeedsALowerBound()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            TestClock cold = new TestClock(new DateTime(1970, 1, 1, 0, 0, 0), false);
            X509TestSupport.AssertError(CertificateError.ClockUnknown,
                () => X509TestSupport.Validate(v, Host, cold, new string[] { TestCerts.LeafBase64 }));
            v.TimeLowerBound = new DateTime(2026, 1, 1, 0, 0, 0);
            X509TestSupport.AssertError(CertificateError.Expired,
                () => X509TestSupport.Validate(v, Host, cold, new string[] { TestCerts.LeafExpiredBase64 }));
        }

        [TestMethod]
        public void MalformedLeavesAreMalformed()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            byte[] leaf = TestCerts.Der(TestCerts.LeafBase64);
            byte[] key = new byte[65];
            X509TestSupport.AssertError(CertificateError.Malformed, () => v.ValidateServerChain(leaf, new int[] { 0 },
                new int[] { leaf.Length - 1 }, 1, Host, X509TestSupport.KnownClock(), key, 0));
            byte[] junk = new byte[40];
            X509TestSupport.AssertError(CertificateError.Malformed, () => v.ValidateServerChain(junk, new int[] { 0 },
                new int[] { junk.Length }, 1, Host, X509TestSupport.KnownClock(), key, 0));
        }

        [TestMethod]
        public void BadArgumentsAreProgrammingErrors()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            byte[] leaf = TestCerts.Der(TestCerts.LeafBase64);
            int[] offsets = { 0 }, lengths = { leaf.Length };
            TestClock clock = X509TestSupport.KnownClock();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => v.ValidateServerChain(leaf, offsets, lengths, 1, Host, clock, new byte[64], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => v.ValidateServerChain(leaf, offsets, new int[] { leaf.Length + 1 }, 1, Host, clock, new byte[65], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException),
                () => v.ValidateServerChain(leaf, offsets, lengths, 2, Host, clock, new byte[65], 0));
            Assert.ThrowsException(typeof(ArgumentNullException),
                () => v.ValidateServerChain(leaf, offsets, lengths, 1, Host, null, new byte[65], 0));
            Assert.ThrowsException(typeof(InvalidOperationException), () => v.RevalidateTime(X509TestSupport.Now));
        }

        [TestMethod]
        public void PinnedRootsMustBeP256Cas()
        {
            X509TestSupport.AssertError(CertificateError.Malformed, () => X509TestSupport.ValidatorFor(TestCerts.LeafMinBase64));
            X509TestSupport.AssertError(CertificateError.Malformed, () => X509TestSupport.ValidatorFor(TestCerts.LeafRsaBase64));
            X509TestSupport.AssertError(CertificateError.Malformed,
                () => new CertificateValidator(new byte[][] { TestCerts.Der(TestCerts.RootBase64), new byte[] { 0x30, 0x00 } }));
            Assert.ThrowsException(typeof(ArgumentException), () => new CertificateValidator(new byte[0][]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new CertificateValidator(new byte[][] { null }));
            CertificateValidator two = new CertificateValidator(new byte[][] {
                TestCerts.Der(TestCerts.RootBase64), TestCerts.Der(TestCerts.NcRootBase64) });
            Assert.AreEqual(2, two.RootCount);
            Assert.AreEqual("TuyaLite Constrained Root", two.Root(1).SubjectCommonName);
        }

        [TestMethod]
        public void RootProblemsAreNamedInTheDetail()
        {
            try
            {
                X509TestSupport.ValidatorFor(TestCerts.LeafMinBase64);
                Assert.IsTrue(false, "a leaf is not a root");
            }
            catch (TlsCertificateException e)
            {
                Assert.AreEqual("pinned root 0: basic constraints violated: root is not a CA (no basicConstraints cA=TRUE)", e.Detail);
                Assert.AreEqual(TlsAlert.DecodeError, e.Alert);
            }
        }
    }
}

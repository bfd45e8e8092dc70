using System;
using nanoFramework.TestFramework;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    /// <summary>Chains the 2-level policy accepts, and refusals decided by the ECDSA-SHA256 signature itself
    /// (these run Sha256 and P256.VerifyDer).</summary>
    [TestClass]
    public class CertificateValidatorAcceptanceTests
    {
        private const string Host = "device.example.com";

        private static byte[] LeafKey(string leafBase64)
        {
            X509Certificate leaf = X509Certificate.Parse(TestCerts.Der(leafBase64));
            byte[] key = new byte[65];
            leaf.CopyPublicKey(key, 0);
            return key;
        }

        [TestMethod]
        public void AcceptsTheLeafForEachOfItsNames()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            string[] hosts = { Host, "DEVICE.example.com.", "sensor-7.iot.example.com", "192.0.2.10", "2001:db8::10", "[2001:DB8:0::10]" };
            byte[] expectedKey = LeafKey(TestCerts.LeafBase64);
            for (int i = 0; i < hosts.Length; i++)
            {
                byte[] key = X509TestSupport.Validate(v, hosts[i], TestCerts.LeafBase64);
                CollectionAssert.AreEqual(expectedKey, key, hosts[i]);
            }
            Assert.AreEqual(new DateTime(2025, 1, 1, 0, 0, 0), v.LastLeafNotBefore);
            Assert.AreEqual(new DateTime(2035, 1, 1, 0, 0, 0), v.LastLeafNotAfter);
            Assert.IsFalse(v.LastTimeCheckProvisional);
        }

        [TestMethod]
        public void AcceptsThePeersMdLeafAndACopyOfThePinnedRoot()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            CollectionAssert.AreEqual(LeafKey(TestCerts.LeafMinBase64), X509TestSupport.Validate(v, "localhost", TestCerts.LeafMinBase64));
            X509TestSupport.Validate(v, Host, X509TestSupport.KnownClock(), new string[] { TestCerts.LeafBase64, TestCerts.RootBase64 });
        }

        [TestMethod]
        public void TriesEveryPinnedRootWithTheIssuerName()
        {
            // The impostor has the same subject as Root: its signature check fails, then Root's succeeds.
            CertificateValidator v = new CertificateValidator(new byte[][] {
                TestCerts.Der(TestCerts.OtherRootBase64), TestCerts.Der(TestCerts.ImpostorRootBase64), TestCerts.Der(TestCerts.RootBase64) });
            X509TestSupport.Validate(v, Host, TestCerts.LeafBase64);
            X509TestSupport.Validate(v, Host, TestCerts.LeafOtherRootBase64);
            X509TestSupport.Validate(v, Host, TestCerts.LeafImpostorBase64);
        }

        [TestMethod]
        public void AForgedSignatureIsBadSignature()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            // Issued by a key pretending to be Root (same name).
            X509TestSupport.AssertError(CertificateError.BadSignature, () => X509TestSupport.Validate(v, Host, TestCerts.LeafImpostorBase64));

            byte[] leaf = TestCerts.Der(TestCerts.LeafBase64);
            X509Certificate parsed = X509Certificate.Parse(leaf);
            byte[] key = new byte[65];
            // A flipped bit in r of the signature.
            byte[] sig = (byte[])leaf.Clone();
            sig[parsed.SignatureOffset + 10] ^= 0x01;
            X509TestSupport.AssertError(CertificateError.BadSignature, () => v.ValidateServerChain(sig, new int[] { 0 },
                new int[] { sig.Length }, 1, Host, X509TestSupport.KnownClock(), key, 0));
            // A changed signed byte: the last byte of the public key (still a parseable certificate).
            byte[] tbs = (byte[])leaf.Clone();
            tbs[parsed.PublicKeyOffset + 64] ^= 0x01;
            X509TestSupport.AssertError(CertificateError.BadSignature, () => v.ValidateServerChain(tbs, new int[] { 0 },
                new int[] { tbs.Length }, 1, Host, X509TestSupport.KnownClock(), key, 0));
        }

        [TestMethod]
        public void NameConstrainedRootAcceptsNamesInsideItsSubtrees()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.NcRootBase64);
            X509TestSupport.Validate(v, Host, TestCerts.LeafNcOkBase64);
            X509TestSupport.Validate(v, "10.1.2.3", TestCerts.LeafNcOkBase64);
            X509TestSupport.Validate(v, "ok.example.com", TestCerts.LeafNcWildBase64);
        }

        [TestMethod]
        public void UnknownClockIsProvisionalUntilRevalidated()
        {
            CertificateValidator v = X509TestSupport.ValidatorFor(TestCerts.RootBase64);
            v.TimeLowerBound = new DateTime(2026, 1, 1, 0, 0, 0);
            TestClock cold = new TestClock(new DateTime(1970, 1, 1, 0, 0, 0), false);
            // notBefore is not checked while the clock is unknown.
            X509TestSupport.Validate(v, Host, cold, new string[] { TestCerts.LeafFutureBase64 });
            Assert.IsTrue(v.LastTimeCheckProvisional);
            X509TestSupport.AssertError(CertificateError.NotYetValid, () => v.RevalidateTime(X509TestSupport.Now));
            Assert.IsTrue(v.LastTimeCheckProvisional);

            X509TestSupport.Validate(v, Host, cold, new string[] { TestCerts.LeafBase64 });
            Assert.IsTrue(v.LastTimeCheckProvisional);
            X509TestSupport.AssertError(CertificateError.Expired, () => v.RevalidateTime(new DateTime(2035, 1, 1, 0, 0, 1)));
            v.RevalidateTime(X509TestSupport.Now);
            Assert.IsFalse(v.LastTimeCheckProvisional);
        }
    }
}

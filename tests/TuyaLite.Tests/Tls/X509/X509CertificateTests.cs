using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    [TestClass]
    public class X509CertificateTests
    {
        private static int IndexOf(byte[] b, byte[] pattern, int from)
        {
            for (int i = from; i <= b.Length - pattern.Length; i++)
            {
                int j = 0;
                while (j < pattern.Length && b[i + j] == pattern[j]) j++;
                if (j == pattern.Length) return i;
            }
            return -1;
        }

        /// <summary>The leaf with the first occurrence of pattern replaced (same length), parsed.</summary>
        private static int ErrorOfMutatedLeaf(string patternHex, string replacementHex)
        {
            byte[] der = TestCerts.Der(TestCerts.LeafBase64);
            byte[] pattern = Bytes.FromHex(patternHex), replacement = Bytes.FromHex(replacementHex);
            int at = IndexOf(der, pattern, 0);
            Assert.IsTrue(at > 0, "pattern " + patternHex + " is in the test leaf");
            Array.Copy(replacement, 0, der, at, replacement.Length);
            return X509TestSupport.ErrorOf(() => X509Certificate.Parse(der));
        }

        [TestMethod]
        public void ParsesTheRoot()
        {
            byte[] der = TestCerts.Der(TestCerts.RootBase64);
            X509Certificate root = X509Certificate.Parse(der);
            Assert.IsTrue(root.IsLoaded);
            Assert.AreEqual(3, root.Version);
            Assert.AreEqual("TuyaLite Test Root", root.SubjectCommonName);
            Assert.IsTrue(root.HasBasicConstraints);
            Assert.IsTrue(root.BasicConstraintsCritical);
            Assert.IsTrue(root.IsCA);
            Assert.AreEqual(-1, root.KeyUsage);
            Assert.IsFalse(root.HasSubjectAltNames);
            Assert.IsFalse(root.HasSubjectKeyIdentifier);
            Assert.IsTrue(root.IsIssuedBy(root), "self-issued");
            Assert.AreEqual(new DateTime(2025, 1, 1, 0, 0, 0), root.NotBefore);
            Assert.AreEqual(new DateTime(2045, 1, 1, 0, 0, 0), root.NotAfter);
            Assert.AreEqual((byte)0x04, der[root.PublicKeyOffset]);
        }

        [TestMethod]
        public void ParsesTheLeafInPlace()
        {
            byte[] der = TestCerts.Der(TestCerts.LeafBase64);
            byte[] buf = new byte[der.Length + 20];
            Array.Copy(der, 0, buf, 11, der.Length);
            X509Certificate leaf = new X509Certificate();
            leaf.Load(buf, 11, der.Length);
            Assert.AreSame(buf, leaf.Buffer);
            Assert.AreEqual(11, leaf.Offset);
            Assert.AreEqual("device.example.com", leaf.SubjectCommonName);
            Assert.IsFalse(leaf.HasBasicConstraints);
            Assert.IsFalse(leaf.IsCA);
            Assert.AreEqual(KeyUsageBits.DigitalSignature, leaf.KeyUsage);
            Assert.IsTrue(leaf.HasExtendedKeyUsage);
            Assert.IsTrue(leaf.ExtendedKeyUsageServerAuth);
            Assert.IsFalse(leaf.ExtendedKeyUsageAny);
            Assert.IsTrue(leaf.HasSubjectAltNames);
            Assert.IsFalse(leaf.SubjectAltNamesCritical);
            Assert.AreEqual((1 << 2) | (1 << 7), leaf.SubjectAltNameForms);
            Assert.AreEqual(new DateTime(2035, 1, 1, 0, 0, 0), leaf.NotAfter);
            // tbsCertificate is the SEQUENCE right after the outer header, followed by the outer algorithm.
            Assert.AreEqual((byte)0x30, buf[leaf.TbsOffset]);
            Assert.AreEqual(15, leaf.TbsOffset);
            Assert.AreEqual((byte)0x30, buf[leaf.TbsOffset + leaf.TbsLength]);
            Assert.AreEqual(leaf.Offset + leaf.Length, leaf.SignatureOffset + leaf.SignatureLength);
            Assert.AreEqual((byte)0x30, buf[leaf.SignatureOffset], "a DER ECDSA-Sig-Value");

            X509Certificate root = X509Certificate.Parse(TestCerts.Der(TestCerts.RootBase64));
            Assert.IsTrue(leaf.IsIssuedBy(root));
            Assert.IsFalse(root.IsIssuedBy(leaf));
            byte[] key = new byte[65];
            leaf.CopyPublicKey(key, 0);
            Assert.AreEqual((byte)0x04, key[0]);
            Assert.AreEqual(buf[leaf.PublicKeyOffset + 64], key[64]);
        }

        [TestMethod]
        public void ReloadingReplacesEveryField()
        {
            X509Certificate c = new X509Certificate();
            byte[] leaf = TestCerts.Der(TestCerts.LeafBase64);
            c.Load(leaf, 0, leaf.Length);
            Assert.IsTrue(c.HasSubjectAltNames);
            byte[] root = TestCerts.Der(TestCerts.RootBase64);
            c.Load(root, 0, root.Length);
            Assert.IsFalse(c.HasSubjectAltNames);
            Assert.IsFalse(c.HasExtendedKeyUsage);
            Assert.AreEqual(-1, c.KeyUsage);
            Assert.IsTrue(c.IsCA);
        }

        [TestMethod]
        public void AFailedLoadLeavesNothingBehind()
        {
            X509Certificate c = new X509Certificate();
            byte[] leaf = TestCerts.Der(TestCerts.LeafBase64);
            c.Load(leaf, 0, leaf.Length);
            Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => c.Load(leaf, 0, leaf.Length - 1)));
            Assert.IsFalse(c.IsLoaded);
            Assert.IsFalse(c.HasSubjectAltNames);
            Assert.AreEqual("", c.SubjectCommonName);
        }

        [TestMethod]
        public void RejectsTruncationAndTrailingBytes()
        {
            byte[] leaf = TestCerts.Der(TestCerts.LeafBase64);
            byte[] longer = new byte[leaf.Length + 1];
            Array.Copy(leaf, longer, leaf.Length);
            Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => new X509Certificate().Load(longer, 0, longer.Length)));
            for (int cut = 1; cut < leaf.Length; cut += 37)
            {
                int count = leaf.Length - cut;
                Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => new X509Certificate().Load(leaf, 0, count)));
            }
            Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => X509Certificate.Parse(new byte[0])));
            Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => X509Certificate.Parse(Bytes.FromHex("3000"))));
        }

        [TestMethod]
        public void UnsupportedKeysAreNamed()
        {
            Assert.AreEqual(CertificateError.UnsupportedKey, X509TestSupport.ErrorOf(() => X509Certificate.Parse(TestCerts.Der(TestCerts.LeafRsaBase64))));
            Assert.AreEqual(CertificateError.UnsupportedKey, X509TestSupport.ErrorOf(() => X509Certificate.Parse(TestCerts.Der(TestCerts.LeafP384Base64))));
        }

        [TestMethod]
        public void UnknownCriticalExtensionIsRejectedAndUnknownNonCriticalIgnored()
        {
            Assert.AreEqual(CertificateError.UnknownCriticalExtension,
                X509TestSupport.ErrorOf(() => X509Certificate.Parse(TestCerts.Der(TestCerts.LeafCritextBase64))));
            // keyUsage (critical) renamed to an unknown OID 2.5.29.127.
            Assert.AreEqual(CertificateError.UnknownCriticalExtension, ErrorOfMutatedLeaf("551D0F0101FF", "551D7F0101FF"));
            // extKeyUsage (non-critical) renamed to an unknown OID: ignored.
            byte[] der = TestCerts.Der(TestCerts.LeafBase64);
            int at = IndexOf(der, Bytes.FromHex("0603551D25"), 0);
            der[at + 4] = 0x7F;
            X509Certificate c = X509Certificate.Parse(der);
            Assert.IsFalse(c.HasExtendedKeyUsage);
        }

        [TestMethod]
        public void SignatureAlgorithmsMustBeEcdsaSha256AndAgree()
        {
            byte[] der = TestCerts.Der(TestCerts.LeafBase64);
            byte[] oid = Bytes.FromHex("2A8648CE3D040302");
            int inner = IndexOf(der, oid, 0);
            int outer = IndexOf(der, oid, inner + 1);
            Assert.IsTrue(inner > 0 && outer > inner);
            der[outer + 7] = 0x03;   // outer: ecdsa-with-SHA384
            Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => X509Certificate.Parse(der)));
            der[inner + 7] = 0x03;   // both: agree, but not SHA-256
            Assert.AreEqual(CertificateError.UnsupportedSignatureAlgorithm, X509TestSupport.ErrorOf(() => X509Certificate.Parse(der)));
        }

        [TestMethod]
        public void ExtensionEncodingIsStrict()
        {
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("551D0F0101FF", "551D0F010100"), "explicit critical FALSE");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("551D0F0101FF", "551D0F010101"), "BOOLEAN 01");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("03020780", "03020700"), "keyUsage without bits");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("03020780", "03020680"), "keyUsage trailing zero bit");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("0603551D25", "0603551D0F"), "duplicate keyUsage");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("8212646576696365", "82126465C3696365"), "non-ASCII dNSName");
        }

        [TestMethod]
        public void TbsFieldsAreStrict()
        {
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("A003020102", "A003020101"), "version 2");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("A003020102", "A003020100"), "explicit version 1");
            Assert.AreEqual(CertificateError.Malformed, ErrorOfMutatedLeaf("3235303130313030", "3235313330313030"), "month 13");
            byte[] der = TestCerts.Der(TestCerts.LeafBase64);
            int serial = IndexOf(der, Bytes.FromHex("A003020102"), 0) + 5;
            Assert.AreEqual((byte)0x02, der[serial], "INTEGER serialNumber follows the version");
            der[serial + 2] |= 0x80;
            Assert.AreEqual(CertificateError.Malformed, X509TestSupport.ErrorOf(() => X509Certificate.Parse(der)), "negative serial");
        }
    }
}

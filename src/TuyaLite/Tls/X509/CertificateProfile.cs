using TuyaLite.Platform;
namespace TuyaLite.Tls
{
    /// <summary>
    /// What a pinned root and a server leaf must look like in the compact 2-level profile (docs/x509-policy.md), beyond
    /// the structural checks of the parser. Each check throws TlsCertificateException with its specific error.
    /// </summary>
    public static class CertificateProfile
    {
        /// <summary>A pinned root: a CA (critical basicConstraints cA=TRUE), allowed to sign certificates, no EKU, a
        /// non-empty subject, well-formed key identifiers.</summary>
        public static void CheckRoot(X509Certificate root)
        {
            if (root.IsSubjectEmpty) throw Error(CertificateError.Malformed, "root has an empty subject");
            if (!root.HasBasicConstraints || !root.IsCA)
                throw Error(CertificateError.BasicConstraints, "root is not a CA (no basicConstraints cA=TRUE)");
            if (!root.BasicConstraintsCritical)
                throw Error(CertificateError.BasicConstraints, "root basicConstraints is not critical");
            if (root.KeyUsage >= 0 && (root.KeyUsage & KeyUsageBits.KeyCertSign) == 0)
                throw Error(CertificateError.KeyUsage, "root keyUsage lacks keyCertSign");
            if (root.HasExtendedKeyUsage)
                throw Error(CertificateError.ExtendedKeyUsage, "root carries extKeyUsage");
            CheckKeyIdentifiers(root);
            if (root.HasAuthorityKeyIdentifier)
            {
                if (root.AuthorityKeyIdLength < 0)
                    throw Error(CertificateError.Malformed, "root authorityKeyIdentifier without keyIdentifier");
                if (root.AuthorityKeyIdHasIssuerOrSerial)
                    throw Error(CertificateError.Malformed, "root authorityKeyIdentifier with authorityCertIssuer/SerialNumber");
                if (root.HasSubjectKeyIdentifier && !Bytes.RangeEquals(root.Buffer, root.AuthorityKeyIdOffset,
                        root.AuthorityKeyIdLength, root.Buffer, root.SubjectKeyIdOffset, root.SubjectKeyIdLength))
                    throw Error(CertificateError.Malformed, "root authorityKeyIdentifier differs from its subjectKeyIdentifier");
            }
        }

        /// <summary>A server leaf: not a CA, keyUsage (if any) allows ECDSA signing, extKeyUsage (if any) is a
        /// non-critical list with serverAuth and without anyExtendedKeyUsage, no nameConstraints, a subjectAltName whose
        /// criticality matches the subject (critical exactly when the subject is empty).</summary>
        public static void CheckLeaf(X509Certificate leaf)
        {
            CheckKeyIdentifiers(leaf);
            if (leaf.HasBasicConstraints && leaf.IsCA)
                throw Error(CertificateError.BasicConstraints, "leaf is a CA certificate");
            int ku = leaf.KeyUsage;
            if (ku >= 0 && (ku & KeyUsageBits.DigitalSignature) == 0)
                throw Error(CertificateError.KeyUsage, "leaf keyUsage lacks digitalSignature (needed for ECDHE-ECDSA)");
            if (ku >= 0 && (ku & KeyUsageBits.KeyCertSign) != 0)
                throw Error(CertificateError.KeyUsage, "leaf keyUsage has keyCertSign but the leaf is not a CA");
            if (leaf.HasExtendedKeyUsage)
            {
                if (leaf.ExtendedKeyUsageCritical) throw Error(CertificateError.ExtendedKeyUsage, "critical extKeyUsage");
                if (leaf.ExtendedKeyUsageAny) throw Error(CertificateError.ExtendedKeyUsage, "anyExtendedKeyUsage in a server leaf");
                if (!leaf.ExtendedKeyUsageServerAuth) throw Error(CertificateError.ExtendedKeyUsage, "extKeyUsage without serverAuth");
            }
            if (leaf.HasNameConstraints)
                throw Error(CertificateError.NameConstraints, "nameConstraints in a leaf certificate");
            if (!leaf.HasSubjectAltNames)
                throw Error(CertificateError.HostnameMismatch, "leaf has no subjectAltName (the common name is never used)");
            if (leaf.IsSubjectEmpty && !leaf.SubjectAltNamesCritical)
                throw Error(CertificateError.Malformed, "empty subject with a non-critical subjectAltName");
            if (!leaf.IsSubjectEmpty && leaf.SubjectAltNamesCritical)
                throw Error(CertificateError.Malformed, "critical subjectAltName with a non-empty subject");
        }

        /// <summary>Key identifiers are optional in this profile, but when present they must be non-critical (RFC 5280).</summary>
        private static void CheckKeyIdentifiers(X509Certificate c)
        {
            if (c.HasAuthorityKeyIdentifier && c.AuthorityKeyIdentifierCritical)
                throw Error(CertificateError.Malformed, "critical authorityKeyIdentifier");
            if (c.HasSubjectKeyIdentifier && c.SubjectKeyIdentifierCritical)
                throw Error(CertificateError.Malformed, "critical subjectKeyIdentifier");
        }

        private static TlsCertificateException Error(int error, string detail)
        {
            return new TlsCertificateException(error, detail);
        }
    }
}

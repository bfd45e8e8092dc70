namespace TuyaLite.Tls
{
    /// <summary>DER content bytes of the object identifiers the X.509 profile recognises (compared byte-wise).</summary>
    public static class X509Oids
    {
        /// <summary>1.2.840.10045.4.3.2 ecdsa-with-SHA256, the only signature algorithm accepted.</summary>
        public static readonly byte[] EcdsaWithSha256 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x02 };
        /// <summary>1.2.840.10045.2.1 id-ecPublicKey.</summary>
        public static readonly byte[] EcPublicKey = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01 };
        /// <summary>1.2.840.10045.3.1.7 prime256v1 (secp256r1, P-256).</summary>
        public static readonly byte[] Prime256v1 = { 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07 };

        /// <summary>2.5.4.3 id-at-commonName (diagnostics only, never used for host matching).</summary>
        public static readonly byte[] CommonName = { 0x55, 0x04, 0x03 };

        public static readonly byte[] SubjectKeyIdentifier = { 0x55, 0x1D, 0x0E };   // 2.5.29.14
        public static readonly byte[] KeyUsage = { 0x55, 0x1D, 0x0F };               // 2.5.29.15
        public static readonly byte[] SubjectAltName = { 0x55, 0x1D, 0x11 };         // 2.5.29.17
        public static readonly byte[] BasicConstraints = { 0x55, 0x1D, 0x13 };       // 2.5.29.19
        public static readonly byte[] NameConstraints = { 0x55, 0x1D, 0x1E };        // 2.5.29.30
        public static readonly byte[] AuthorityKeyIdentifier = { 0x55, 0x1D, 0x23 }; // 2.5.29.35
        public static readonly byte[] ExtKeyUsage = { 0x55, 0x1D, 0x25 };            // 2.5.29.37

        /// <summary>1.3.6.1.5.5.7.3.1 id-kp-serverAuth.</summary>
        public static readonly byte[] ServerAuth = { 0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01 };
        /// <summary>2.5.29.37.0 anyExtendedKeyUsage.</summary>
        public static readonly byte[] AnyExtendedKeyUsage = { 0x55, 0x1D, 0x25, 0x00 };
    }
}

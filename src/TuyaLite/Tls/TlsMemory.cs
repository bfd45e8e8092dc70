namespace TuyaLite.Tls
{
    /// <summary>
    /// Bytes held inside crypto engines whose arrays the TLS layer cannot see (they are private to Crypto), read from
    /// those classes' sources: array payloads plus scalar state fields, without object headers. Everything else in
    /// <see cref="TlsClient.HeldBytes"/> is summed from the lengths of the arrays the client itself allocated.
    /// Keep in step with Crypto/ (the host test TlsMemoryTests cross-checks them against measured allocations).
    /// </summary>
    internal static class TlsMemory
    {
        /// <summary>Aes128: 44 round-key words (the 1 KB T-table is static, shared by every engine).</summary>
        public const int Aes128Bytes = 44 * 4;

        /// <summary>Gcm: AES + GHash (9 key words, 16-byte accumulator) + 32-byte counter/key-stream scratch.</summary>
        public const int GcmEngineBytes = Aes128Bytes + 9 * 4 + 16 + 32;

        /// <summary>Ccm: AES + 48-byte MAC/counter/key-stream scratch.</summary>
        public const int CcmEngineBytes = Aes128Bytes + 48;

        /// <summary>Sha256: 64-byte block buffer, 64-word schedule, 8 chaining words, byte count, buffered count.</summary>
        public const int Sha256Bytes = 64 + 64 * 4 + 8 * 4 + 8 + 4;

        /// <summary>HmacSha256: a Sha256, 16 pad-state words, 64-byte block.</summary>
        public const int HmacBytes = Sha256Bytes + 16 * 4 + 64;

        /// <summary>TlsPrf: an HMAC, the 32-byte A(i) and the 64-byte label buffer.</summary>
        public const int PrfBytes = HmacBytes + 32 + 64;

        /// <summary>HmacDrbg (only when the client makes its own from an entropy source): an HMAC, K, V, 48-byte seed.</summary>
        public const int DrbgBytes = HmacBytes + 32 + 32 + 48;

        /// <summary>X509Certificate: two extension-slot arrays (16 OID offsets and lengths), 25 int, 2 DateTime, 16 bool
        /// and one reference fields; the DER stays the caller's array, parsed in place. A CertificateValidator holds one
        /// per pinned root for its life.</summary>
        public const int ParsedCertificateBytes = 2 * X509Certificate.MaxExtensions * 4 + 25 * 4 + 2 * 8 + 16 + 4;

        /// <summary>CertificateValidator's working state, only during ValidateServerChain: a parsed leaf, the 253-byte
        /// host name buffer, a SHA-256 context and the 32-byte hash.</summary>
        public const int ValidationBytes = ParsedCertificateBytes + 253 + Sha256Bytes + 32;
    }
}

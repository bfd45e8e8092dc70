namespace TuyaLite.Tls
{
    /// <summary>
    /// CertificateRequest (RFC 5246 section 7.4.4): certificate_types &lt;1..2^8-1&gt;, supported_signature_algorithms
    /// &lt;2..2^16-2&gt;, certificate_authorities &lt;0..2^16-1&gt; of DistinguishedName &lt;1..2^16-1&gt;. The device can answer
    /// only when ecdsa_sign and ecdsa_secp256r1_sha256 are both allowed.
    /// </summary>
    internal static class CertificateRequest
    {
        /// <summary>Parses and returns whether the device's ECDSA P-256/SHA-256 certificate is acceptable.</summary>
        public static bool Parse(MessageReader r)
        {
            int types = r.Vector8();
            if (types == 0) throw r.Fail("empty certificate_types");
            bool ecdsaSign = false;
            for (int i = 0; i < types; i++)
                if (r.U8() == TlsConstants.ClientCertTypeEcdsaSign) ecdsaSign = true;

            int algorithms = r.Vector16();
            if (algorithms < 2 || (algorithms & 1) != 0) throw r.Fail("supported_signature_algorithms length");
            bool p256Sha256 = false;
            for (int i = 0; i < algorithms; i += 2)
                if (r.U16() == TlsConstants.SignatureEcdsaSecp256r1Sha256) p256Sha256 = true;

            int authorities = r.Vector16();
            int end = r.Position + authorities;
            while (r.Position < end)
            {
                int dn = r.Vector16();
                if (dn == 0 || r.Position + dn > end) throw r.Fail("certificate_authorities entry");
                r.Skip(dn);
            }
            r.ExpectEnd();
            return ecdsaSign && p256Sha256;
        }
    }
}

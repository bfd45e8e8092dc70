namespace TuyaLite.Tls
{
    /// <summary>
    /// The server's Certificate message (RFC 5246 section 7.4.2): certificate_list &lt;0..2^24-1&gt; of ASN.1Cert
    /// &lt;1..2^24-1&gt;. Parsing records where each DER certificate lies in the handshake buffer (no copies).
    /// </summary>
    internal static class CertificateMessage
    {
        /// <summary>Fills offsets/lengths with the certificates found; returns their count.</summary>
        public static int Parse(MessageReader r, int[] offsets, int[] lengths)
        {
            int total = r.Vector24();
            if (total != r.Remaining) throw r.Fail("certificate_list length");
            int count = 0;
            while (r.Remaining > 0)
            {
                int length = r.Vector24();
                if (length == 0) throw r.Fail("empty certificate");
                if (count == offsets.Length)
                    throw new TlsCertificateException(CertificateError.ChainShape, "server sent more than " + offsets.Length + " certificates");
                offsets[count] = r.Skip(length);
                lengths[count] = length;
                count++;
            }
            if (count == 0) throw new TlsCertificateException(CertificateError.ChainShape, "server sent no certificate");
            return count;
        }
    }
}

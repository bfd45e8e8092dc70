namespace TuyaLite.Tls
{
    /// <summary>
    /// Display-only facts about a DER certificate for diagnostics: the subject common name. This is NOT validation
    /// (the chain policy decides trust); malformed input simply yields null.
    /// </summary>
    internal static class CertificateSummary
    {
        /// <summary>The first subject CN (2.5.4.3) as printable ASCII ('?' for other bytes), or null.</summary>
        public static string CommonName(byte[] der, int offset, int count)
        {
            int end = offset + count;
            int p = offset;
            // Certificate SEQUENCE → tbsCertificate SEQUENCE
            if (!Enter(der, ref p, ref end, 0x30) || !Enter(der, ref p, ref end, 0x30)) return null;
            if (p < end && der[p] == 0xA0 && !Skip(der, ref p, end)) return null;      // [0] version
            for (int i = 0; i < 4; i++) if (!Skip(der, ref p, end)) return null;       // serial, signature, issuer, validity
            int nameEnd = end;
            if (!Enter(der, ref p, ref nameEnd, 0x30)) return null;                    // subject Name
            while (p < nameEnd)
            {
                int setEnd = nameEnd;
                if (!Enter(der, ref p, ref setEnd, 0x31)) return null;                 // RelativeDistinguishedName SET
                while (p < setEnd)
                {
                    int atvEnd = setEnd;
                    if (!Enter(der, ref p, ref atvEnd, 0x30)) return null;             // AttributeTypeAndValue
                    int oidStart = p;
                    if (!Skip(der, ref p, atvEnd)) return null;
                    bool isCn = p - oidStart == 5 && der[oidStart] == 0x06 && der[oidStart + 1] == 3
                        && der[oidStart + 2] == 0x55 && der[oidStart + 3] == 0x04 && der[oidStart + 4] == 0x03;
                    if (isCn)
                    {
                        int valueEnd = atvEnd;
                        int tagAt = p;
                        if (!Header(der, ref p, ref valueEnd)) return null;
                        return Printable(der, p, valueEnd - p, der[tagAt]);
                    }
                    p = atvEnd;
                }
                p = setEnd;
            }
            return null;
        }

        private static string Printable(byte[] b, int offset, int count, int tag)
        {
            if (count > 64) count = 64;
            char[] c = new char[count];
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                int v = b[offset + i];
                if (tag == 0x1E && (i & 1) == 0) continue; // BMPString: keep the low byte of each pair
                c[n++] = v >= 32 && v < 127 ? (char)v : '?';
            }
            return new string(c, 0, n);
        }

        /// <summary>Reads a header with the expected tag; p moves to the content and end becomes the content end.</summary>
        private static bool Enter(byte[] b, ref int p, ref int end, int tag)
        {
            if (p >= end || b[p] != tag) return false;
            return Header(b, ref p, ref end);
        }

        private static bool Skip(byte[] b, ref int p, int end)
        {
            int e = end;
            if (!Header(b, ref p, ref e)) return false;
            p = e;
            return true;
        }

        private static bool Header(byte[] b, ref int p, ref int end)
        {
            if (end - p < 2) return false;
            p++; // tag (single-byte tags only in certificates' outer structure)
            int len = b[p++];
            if (len >= 0x80)
            {
                int octets = len & 0x7F;
                if (octets == 0 || octets > 3 || end - p < octets) return false;
                len = 0;
                for (int i = 0; i < octets; i++) len = (len << 8) | b[p++];
            }
            if (len > end - p) return false;
            end = p + len;
            return true;
        }
    }
}

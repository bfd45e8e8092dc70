using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// DNS names for server identity (RFC 6125) and dNSName name constraints (RFC 5280 4.2.1.10), on ASCII bytes,
    /// case-insensitive, without allocation. Rules of the compact profile:
    /// - the reference host is letters, digits, '-' and '_' in dot-separated labels of 1..63 characters, at most 253
    ///   characters; one trailing dot is dropped;
    /// - a presented name matches when equal ignoring ASCII case, or when it is exactly "*." + suffix where suffix has at
    ///   least two labels, the host is one non-empty label + "." + suffix; a '*' anywhere else never matches
    ///   ("f*.example.com", "*.*.example.com", "foo.*.example.com"), nor does "*.com";
    /// - presented names ending in a dot never match.
    /// </summary>
    public static class HostnameMatcher
    {
        public const int MaxHostLength = 253;
        private const int MaxLabelLength = 63;

        /// <summary>
        /// Validates a reference DNS host name and writes it lowercased, without trailing dot, at output[offset];
        /// returns its length, or -1 when it is not a valid host name (or does not fit).
        /// </summary>
        public static int NormalizeDnsHost(string host, byte[] output, int offset)
        {
            if (host == null) return -1;
            int n = host.Length;
            if (n > 0 && host[n - 1] == '.') n--;
            if (n == 0 || n > MaxHostLength || n > output.Length - offset) return -1;
            int label = 0;
            for (int i = 0; i < n; i++)
            {
                int c = host[i];
                if (c == '.')
                {
                    if (label == 0) return -1;
                    label = 0;
                }
                else if (IsHostChar(c))
                {
                    if (++label > MaxLabelLength) return -1;
                }
                else
                {
                    return -1;
                }
                output[offset + i] = (byte)Lower(c);
            }
            return label == 0 ? -1 : n;
        }

        /// <summary>Does the presented dNSName p match the normalized host h (from <see cref="NormalizeDnsHost"/>)?</summary>
        public static bool MatchesPresented(byte[] p, int po, int pl, byte[] h, int ho, int hl)
        {
            if (pl == 0 || hl == 0 || p[po + pl - 1] == '.') return false;
            if (p[po] != '*')
            {
                for (int i = 0; i < pl; i++)
                    if (p[po + i] == '*') return false;
                return pl == hl && EqualsIgnoreCase(p, po, h, ho, pl);
            }
            // Wildcard: "*." then a suffix of at least two labels; '*' matches exactly one whole host label.
            if (pl < 2 || p[po + 1] != '.') return false;
            int so = po + 2, sl = pl - 2;
            if (!ContainsInnerDot(p, so, sl)) return false;
            int dot = IndexOf(h, ho, hl, '.');
            if (dot <= 0) return false;
            int rest = hl - dot - 1;
            return rest == sl && EqualsIgnoreCase(p, so, h, ho + dot + 1, sl);
        }

        /// <summary>
        /// A dNSName constraint: empty (every name), "example.com" (that name and its subdomains) or ".example.com"
        /// (subdomains only); labels as for host names, no '*', no trailing dot.
        /// </summary>
        public static bool IsValidDnsConstraint(byte[] c, int o, int l)
        {
            if (l == 0) return true;
            if (l > MaxHostLength + 1) return false;
            int i = o, end = o + l;
            if (c[i] == '.') i++;
            if (i == end) return false;
            int label = 0;
            for (; i < end; i++)
            {
                int ch = c[i];
                if (ch == '.')
                {
                    if (label == 0) return false;
                    label = 0;
                }
                else if (IsHostChar(ch))
                {
                    if (++label > MaxLabelLength) return false;
                }
                else
                {
                    return false;
                }
            }
            return label != 0;
        }

        /// <summary>Is the DNS name n (a host, or a presented name, wildcard included) within constraint c?</summary>
        public static bool IsWithinDnsConstraint(byte[] n, int no, int nl, byte[] c, int co, int cl)
        {
            if (cl == 0) return true;
            if (c[co] == '.') return nl > cl && EqualsIgnoreCase(n, no + nl - cl, c, co, cl);
            if (nl == cl) return EqualsIgnoreCase(n, no, c, co, cl);
            return nl > cl && n[no + nl - cl - 1] == '.' && EqualsIgnoreCase(n, no + nl - cl, c, co, cl);
        }

        /// <summary>
        /// Does the leaf name the host? A DNS host (normalized) is compared with the dNSName subjectAltNames only, an IP
        /// host (4 or 16 bytes) with the iPAddress subjectAltNames only. The subject common name is never consulted.
        /// </summary>
        public static bool MatchesCertificate(X509Certificate leaf, byte[] host, int hostOffset, int hostLength, bool hostIsIp)
        {
            if (!leaf.HasSubjectAltNames) return false;
            byte[] b = leaf.Buffer;
            DerReader names = new DerReader(b, leaf.SubjectAltNamesOffset, leaf.SubjectAltNamesLength);
            while (!names.IsEmpty)
            {
                int o, l;
                int tag = names.ReadAny(out o, out l);
                if (hostIsIp)
                {
                    if (tag == GeneralNameTag.IpAddress && Bytes.RangeEquals(b, o, l, host, hostOffset, hostLength))
                        return true;
                }
                else if (tag == GeneralNameTag.DnsName && MatchesPresented(b, o, l, host, hostOffset, hostLength))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Convenience for tools and tests (allocates): does presented match host?</summary>
        public static bool Matches(string presented, string host)
        {
            byte[] h = new byte[MaxHostLength];
            int hl = NormalizeDnsHost(host, h, 0);
            if (hl < 0) return false;
            byte[] p = new byte[presented.Length];
            for (int i = 0; i < p.Length; i++)
            {
                int c = presented[i];
                if (c > 0x7E) return false;
                p[i] = (byte)c;
            }
            return MatchesPresented(p, 0, p.Length, h, 0, hl);
        }

        private static bool IsHostChar(int c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        }

        private static int Lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

        /// <summary>ASCII case-insensitive equality of two host names (e.g. a remembered session's server name).</summary>
        internal static bool EqualsIgnoreCase(string a, string b)
        {
            if (a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (Lower(a[i]) != Lower(b[i])) return false;
            return true;
        }

        private static bool EqualsIgnoreCase(byte[] a, int ao, byte[] b, int bo, int count)
        {
            for (int i = 0; i < count; i++)
                if (Lower(a[ao + i]) != Lower(b[bo + i])) return false;
            return true;
        }

        /// <summary>True when the range has a '.' that is neither its first nor its last byte (two labels or more).</summary>
        private static bool ContainsInnerDot(byte[] b, int o, int l)
        {
            for (int i = 1; i < l - 1; i++)
                if (b[o + i] == '.') return true;
            return false;
        }

        private static int IndexOf(byte[] b, int o, int l, char c)
        {
            for (int i = 0; i < l; i++)
                if (b[o + i] == c) return i;
            return -1;
        }
    }
}

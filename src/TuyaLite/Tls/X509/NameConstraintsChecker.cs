using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// Applies a pinned root's nameConstraints (RFC 5280 4.2.1.10) to the leaf. Names checked: every dNSName, iPAddress and
    /// directoryName subjectAltName, the subject (when not empty) as a directoryName, and the host name the client asked
    /// for (so a wildcard cannot reach an excluded host). For each form: a name inside any excluded subtree is refused; when
    /// permitted subtrees of that form exist, the name must be inside one of them. Constraints on forms TuyaLite does not
    /// evaluate (rfc822Name, URI, ...) refuse any leaf that carries a name of that form. Criticality is not required.
    /// </summary>
    public static class NameConstraintsChecker
    {
        /// <summary>Throws TlsCertificateException(NameConstraints) when a leaf name violates root's constraints.</summary>
        public static void Check(X509Certificate root, X509Certificate leaf, byte[] host, int hostOffset, int hostLength, bool hostIsIp)
        {
            if (!root.HasNameConstraints) return;
            int unevaluated = root.NameConstraintForms & ~GeneralNameTag.SupportedConstraintForms;
            if ((leaf.SubjectAltNameForms & unevaluated) != 0)
                throw Violation("the root constrains a name form TuyaLite does not evaluate, and the leaf has such a name");

            byte[] lb = leaf.Buffer;
            if (leaf.HasSubjectAltNames)
            {
                DerReader names = new DerReader(lb, leaf.SubjectAltNamesOffset, leaf.SubjectAltNamesLength);
                while (!names.IsEmpty)
                {
                    int o, l;
                    int tag = names.ReadAny(out o, out l);
                    if (tag == GeneralNameTag.DnsName || tag == GeneralNameTag.IpAddress || tag == GeneralNameTag.DirectoryName)
                        CheckName(root, tag, lb, o, l);
                }
            }
            if (!leaf.IsSubjectEmpty) CheckName(root, GeneralNameTag.DirectoryName, lb, leaf.SubjectOffset, leaf.SubjectLength);
            CheckName(root, hostIsIp ? GeneralNameTag.IpAddress : GeneralNameTag.DnsName, host, hostOffset, hostLength);
        }

        /// <summary>An iPAddress constraint: address then mask, 8 or 32 bytes, the mask a run of ones then zeros.</summary>
        public static bool IsValidIpConstraint(byte[] b, int o, int l)
        {
            if (l != 8 && l != 32) return false;
            bool zeros = false;
            for (int i = o + l / 2; i < o + l; i++)
            {
                int m = b[i];
                for (int bit = 0x80; bit != 0; bit >>= 1)
                {
                    if ((m & bit) != 0) { if (zeros) return false; }
                    else zeros = true;
                }
            }
            return true;
        }

        /// <summary>Is address ip (4 or 16 bytes) inside constraint c (address + mask of the same family)?</summary>
        public static bool IsWithinIpConstraint(byte[] ip, int io, int il, byte[] c, int co, int cl)
        {
            if (cl != 2 * il) return false;
            for (int i = 0; i < il; i++)
            {
                int mask = c[co + il + i];
                if ((ip[io + i] & mask) != (c[co + i] & mask)) return false;
            }
            return true;
        }

        /// <summary>Does Name n (whole TLV) start with the RDNs of Name c (whole TLV), compared byte-wise?</summary>
        public static bool IsWithinDirectoryName(byte[] n, int no, int nl, byte[] c, int co, int cl)
        {
            DerReader nOuter = new DerReader(n, no, nl);
            DerReader nRdns = nOuter.ReadSequence();
            DerReader cOuter = new DerReader(c, co, cl);
            DerReader cRdns = cOuter.ReadSequence();
            while (!cRdns.IsEmpty)
            {
                if (nRdns.IsEmpty) return false;
                cRdns.Skip();
                nRdns.Skip();
                if (!Bytes.RangeEquals(c, cRdns.LastElementOffset, cRdns.LastElementLength,
                        n, nRdns.LastElementOffset, nRdns.LastElementLength))
                    return false;
            }
            return true;
        }

        private static void CheckName(X509Certificate root, int tag, byte[] nb, int no, int nl)
        {
            byte[] rb = root.Buffer;
            DerReader nc = new DerReader(rb, root.NameConstraintsOffset, root.NameConstraintsLength);
            bool permittedForm = false, permitted = false;
            if (nc.PeekTag() == DerTag.ContextConstructed(0))
            {
                DerReader subtrees = nc.ReadConstructed(DerTag.ContextConstructed(0));
                while (!subtrees.IsEmpty)
                {
                    DerReader subtree = subtrees.ReadSequence();
                    int o, l;
                    if (subtree.ReadAny(out o, out l) != tag) continue;
                    permittedForm = true;
                    if (IsWithin(tag, nb, no, nl, rb, o, l)) permitted = true;
                }
            }
            if (nc.PeekTag() == DerTag.ContextConstructed(1))
            {
                DerReader subtrees = nc.ReadConstructed(DerTag.ContextConstructed(1));
                while (!subtrees.IsEmpty)
                {
                    DerReader subtree = subtrees.ReadSequence();
                    int o, l;
                    if (subtree.ReadAny(out o, out l) != tag) continue;
                    if (IsWithin(tag, nb, no, nl, rb, o, l)) throw Violation(Describe(tag, nb, no, nl) + " is in an excluded subtree");
                }
            }
            if (permittedForm && !permitted) throw Violation(Describe(tag, nb, no, nl) + " is outside the permitted subtrees");
        }

        private static bool IsWithin(int tag, byte[] nb, int no, int nl, byte[] cb, int co, int cl)
        {
            if (tag == GeneralNameTag.DnsName) return HostnameMatcher.IsWithinDnsConstraint(nb, no, nl, cb, co, cl);
            if (tag == GeneralNameTag.IpAddress) return IsWithinIpConstraint(nb, no, nl, cb, co, cl);
            return IsWithinDirectoryName(nb, no, nl, cb, co, cl);
        }

        private static string Describe(int tag, byte[] b, int o, int l)
        {
            if (tag == GeneralNameTag.DnsName) return "dNSName " + Bytes.ToAscii(b, o, l);
            if (tag == GeneralNameTag.IpAddress) return "iPAddress " + Bytes.ToHex(b, o, l, false);
            return "directoryName";
        }

        private static TlsCertificateException Violation(string detail)
        {
            return new TlsCertificateException(CertificateError.NameConstraints, detail);
        }
    }
}

using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>The v3 extensions of <see cref="X509Certificate"/>: parsed and checked for structure here, judged by the policy.</summary>
    public sealed partial class X509Certificate
    {
        private readonly int[] _extensionOidOffsets = new int[MaxExtensions];
        private readonly int[] _extensionOidLengths = new int[MaxExtensions];

        public bool HasBasicConstraints { get; private set; }
        public bool BasicConstraintsCritical { get; private set; }
        /// <summary>basicConstraints cA (false when the extension is absent).</summary>
        public bool IsCA { get; private set; }

        /// <summary>keyUsage bits as a <see cref="KeyUsageBits"/> mask, or -1 when the extension is absent.</summary>
        public int KeyUsage { get; private set; }

        public bool HasExtendedKeyUsage { get; private set; }
        public bool ExtendedKeyUsageCritical { get; private set; }
        public bool ExtendedKeyUsageServerAuth { get; private set; }
        public bool ExtendedKeyUsageAny { get; private set; }

        public bool HasSubjectAltNames { get; private set; }
        public bool SubjectAltNamesCritical { get; private set; }
        /// <summary>Content range of the GeneralNames SEQUENCE (a run of GeneralName elements).</summary>
        public int SubjectAltNamesOffset { get; private set; }
        public int SubjectAltNamesLength { get; private set; }
        /// <summary>Bit n set when a subjectAltName of GeneralName form n is present.</summary>
        public int SubjectAltNameForms { get; private set; }

        public bool HasNameConstraints { get; private set; }
        /// <summary>Content range of the NameConstraints SEQUENCE ([0] permitted, [1] excluded).</summary>
        public int NameConstraintsOffset { get; private set; }
        public int NameConstraintsLength { get; private set; }
        /// <summary>Bit n set when a subtree of GeneralName form n is present (permitted or excluded).</summary>
        public int NameConstraintForms { get; private set; }

        public bool HasAuthorityKeyIdentifier { get; private set; }
        public bool AuthorityKeyIdentifierCritical { get; private set; }
        /// <summary>keyIdentifier range; length -1 when absent.</summary>
        public int AuthorityKeyIdOffset { get; private set; }
        public int AuthorityKeyIdLength { get; private set; }
        /// <summary>authorityCertIssuer or authorityCertSerialNumber present.</summary>
        public bool AuthorityKeyIdHasIssuerOrSerial { get; private set; }

        public bool HasSubjectKeyIdentifier { get; private set; }
        public bool SubjectKeyIdentifierCritical { get; private set; }
        public int SubjectKeyIdOffset { get; private set; }
        public int SubjectKeyIdLength { get; private set; }

        private void ResetExtensions()
        {
            HasBasicConstraints = BasicConstraintsCritical = IsCA = false;
            KeyUsage = -1;
            HasExtendedKeyUsage = ExtendedKeyUsageCritical = ExtendedKeyUsageServerAuth = ExtendedKeyUsageAny = false;
            HasSubjectAltNames = SubjectAltNamesCritical = false;
            SubjectAltNamesOffset = SubjectAltNamesLength = SubjectAltNameForms = 0;
            HasNameConstraints = false;
            NameConstraintsOffset = NameConstraintsLength = NameConstraintForms = 0;
            HasAuthorityKeyIdentifier = AuthorityKeyIdentifierCritical = AuthorityKeyIdHasIssuerOrSerial = false;
            AuthorityKeyIdOffset = 0;
            AuthorityKeyIdLength = -1;
            HasSubjectKeyIdentifier = SubjectKeyIdentifierCritical = false;
            SubjectKeyIdOffset = SubjectKeyIdLength = 0;
        }

        private void ParseExtensions(DerReader extensions)
        {
            if (extensions.IsEmpty) throw Malformed("empty extensions");
            byte[] b = Buffer;
            int count = 0;
            while (!extensions.IsEmpty)
            {
                DerReader ext = extensions.ReadSequence();
                int oidOffset, oidLength;
                ext.ReadOid(out oidOffset, out oidLength);
                bool critical = false;
                if (ext.PeekTag() == DerTag.Boolean)
                {
                    critical = ext.ReadBoolean();
                    if (!critical) throw Malformed("explicit critical FALSE (DER omits the default)");
                }
                int vo, vl;
                ext.ReadOctetString(out vo, out vl);
                ext.ExpectEnd();

                for (int i = 0; i < count; i++)
                    if (Bytes.RangeEquals(b, _extensionOidOffsets[i], _extensionOidLengths[i], b, oidOffset, oidLength))
                        throw Malformed("duplicate extension");
                if (count == MaxExtensions) throw Malformed("more than " + MaxExtensions + " extensions");
                _extensionOidOffsets[count] = oidOffset;
                _extensionOidLengths[count] = oidLength;
                count++;

                DerReader value = new DerReader(b, vo, vl);
                if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.BasicConstraints)) ParseBasicConstraints(value, critical);
                else if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.KeyUsage)) ParseKeyUsage(value);
                else if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.ExtKeyUsage)) ParseExtendedKeyUsage(value, critical);
                else if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.SubjectAltName)) ParseSubjectAltName(value, critical);
                else if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.NameConstraints)) ParseNameConstraints(value);
                else if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.AuthorityKeyIdentifier)) ParseAuthorityKeyId(value, critical);
                else if (DerReader.ContentEquals(b, oidOffset, oidLength, X509Oids.SubjectKeyIdentifier)) ParseSubjectKeyId(value, critical);
                else
                {
                    if (critical)
                        throw new TlsCertificateException(CertificateError.UnknownCriticalExtension,
                            "OID bytes " + Bytes.ToHex(b, oidOffset, oidLength, false));
                    // Ignored, but its value must still be one well-formed DER element.
                    value.Skip();
                    value.ExpectEnd();
                }
            }
        }

        private void ParseBasicConstraints(DerReader value, bool critical)
        {
            DerReader bc = value.ReadSequence();
            value.ExpectEnd();
            bool ca = false;
            if (bc.PeekTag() == DerTag.Boolean)
            {
                ca = bc.ReadBoolean();
                if (!ca) throw Malformed("explicit cA FALSE (DER omits the default)");
            }
            if (bc.PeekTag() == DerTag.Integer)
            {
                if (!ca) throw Malformed("pathLenConstraint without cA");
                bc.ReadSmallNonNegativeInteger(); // pathLenConstraint: validated; the 2-level policy has no path to limit
            }
            bc.ExpectEnd();
            HasBasicConstraints = true;
            BasicConstraintsCritical = critical;
            IsCA = ca;
        }

        private void ParseKeyUsage(DerReader value)
        {
            int bo, bl;
            int unused = value.ReadBitString(out bo, out bl);
            value.ExpectEnd();
            if (bl == 0) throw Malformed("keyUsage with no bit set");
            if (bl > 2) throw Malformed("keyUsage longer than its 9 named bits");
            byte[] b = Buffer;
            // DER named bit list: no trailing zero bits, so the last used bit is set.
            if (((b[bo + bl - 1] >> unused) & 1) == 0) throw Malformed("keyUsage has trailing zero bits");
            int bits = bl * 8 - unused;
            if (bits > 9) throw Malformed("keyUsage bit beyond decipherOnly");
            int mask = 0;
            for (int i = 0; i < bits; i++)
                if ((b[bo + (i >> 3)] & (0x80 >> (i & 7))) != 0) mask |= 1 << i;
            KeyUsage = mask;
        }

        private void ParseExtendedKeyUsage(DerReader value, bool critical)
        {
            DerReader list = value.ReadSequence();
            value.ExpectEnd();
            if (list.IsEmpty) throw Malformed("empty extKeyUsage");
            byte[] b = Buffer;
            while (!list.IsEmpty)
            {
                int o, l;
                list.ReadOid(out o, out l);
                if (DerReader.ContentEquals(b, o, l, X509Oids.ServerAuth)) ExtendedKeyUsageServerAuth = true;
                else if (DerReader.ContentEquals(b, o, l, X509Oids.AnyExtendedKeyUsage)) ExtendedKeyUsageAny = true;
            }
            HasExtendedKeyUsage = true;
            ExtendedKeyUsageCritical = critical;
        }

        private void ParseSubjectAltName(DerReader value, bool critical)
        {
            DerReader names = value.ReadSequence();
            value.ExpectEnd();
            if (names.IsEmpty) throw Malformed("empty subjectAltName");
            SubjectAltNamesOffset = names.Position;
            SubjectAltNamesLength = names.Remaining;
            int forms = 0;
            while (!names.IsEmpty)
            {
                int o, l;
                int tag = names.ReadAny(out o, out l);
                forms |= 1 << ValidateGeneralName(tag, o, l);
            }
            HasSubjectAltNames = true;
            SubjectAltNamesCritical = critical;
            SubjectAltNameForms = forms;
        }

        /// <summary>Checks one subjectAltName entry; returns its form number.</summary>
        private int ValidateGeneralName(int tag, int o, int l)
        {
            byte[] b = Buffer;
            int form = GeneralNameTag.Form(tag);
            if (form < 0) throw Malformed("unknown GeneralName tag");
            switch (tag)
            {
                case GeneralNameTag.DnsName:
                    if (l == 0) throw Malformed("empty dNSName");
                    for (int i = 0; i < l; i++)
                    {
                        int c = b[o + i];
                        if (c < 0x21 || c > 0x7E) throw Malformed("dNSName is not printable ASCII");
                    }
                    break;
                case GeneralNameTag.IpAddress:
                    if (l != 4 && l != 16) throw Malformed("iPAddress is neither 4 nor 16 bytes");
                    break;
                case GeneralNameTag.Rfc822Name:
                case GeneralNameTag.Uri:
                    for (int i = 0; i < l; i++)
                        if (b[o + i] > 0x7F) throw Malformed("IA5String with a non-ASCII byte");
                    break;
                case GeneralNameTag.DirectoryName:
                    DerReader wrapper = new DerReader(b, o, l);
                    DerReader name = wrapper.ReadSequence();
                    wrapper.ExpectEnd();
                    ValidateName(name);
                    break;
            }
            return form;
        }

        private void ParseNameConstraints(DerReader value)
        {
            DerReader nc = value.ReadSequence();
            value.ExpectEnd();
            if (nc.IsEmpty) throw Malformed("empty nameConstraints");
            NameConstraintsOffset = nc.Position;
            NameConstraintsLength = nc.Remaining;
            int forms = 0;
            if (nc.PeekTag() == DerTag.ContextConstructed(0)) forms |= ValidateSubtrees(nc.ReadConstructed(DerTag.ContextConstructed(0)));
            if (nc.PeekTag() == DerTag.ContextConstructed(1)) forms |= ValidateSubtrees(nc.ReadConstructed(DerTag.ContextConstructed(1)));
            nc.ExpectEnd();
            HasNameConstraints = true;
            NameConstraintForms = forms;
        }

        /// <summary>GeneralSubtrees: SIZE (1..MAX) OF SEQUENCE { base GeneralName } (minimum/maximum must be absent,
        /// RFC 5280 4.2.1.10). Returns the mask of name forms seen.</summary>
        private int ValidateSubtrees(DerReader subtrees)
        {
            if (subtrees.IsEmpty) throw Malformed("empty GeneralSubtrees");
            byte[] b = Buffer;
            int forms = 0;
            while (!subtrees.IsEmpty)
            {
                DerReader subtree = subtrees.ReadSequence();
                int o, l;
                int tag = subtree.ReadAny(out o, out l);
                if (!subtree.IsEmpty) throw Malformed("GeneralSubtree minimum/maximum are not allowed");
                int form = GeneralNameTag.Form(tag);
                if (form < 0) throw Malformed("unknown GeneralName tag in nameConstraints");
                if (tag == GeneralNameTag.DnsName && !HostnameMatcher.IsValidDnsConstraint(b, o, l))
                    throw Malformed("invalid dNSName constraint");
                if (tag == GeneralNameTag.IpAddress && !NameConstraintsChecker.IsValidIpConstraint(b, o, l))
                    throw Malformed("iPAddress constraint is not an address and a contiguous mask");
                if (tag == GeneralNameTag.DirectoryName)
                {
                    DerReader wrapper = new DerReader(b, o, l);
                    DerReader name = wrapper.ReadSequence();
                    wrapper.ExpectEnd();
                    ValidateName(name);
                }
                forms |= 1 << form;
            }
            return forms;
        }

        private void ParseAuthorityKeyId(DerReader value, bool critical)
        {
            DerReader aki = value.ReadSequence();
            value.ExpectEnd();
            if (aki.PeekTag() == DerTag.ContextPrimitive(0))
            {
                int o, l;
                aki.Read(DerTag.ContextPrimitive(0), out o, out l);
                AuthorityKeyIdOffset = o;
                AuthorityKeyIdLength = l;
            }
            if (aki.PeekTag() == DerTag.ContextConstructed(1)) { aki.Skip(); AuthorityKeyIdHasIssuerOrSerial = true; }
            if (aki.PeekTag() == DerTag.ContextPrimitive(2)) { aki.Skip(); AuthorityKeyIdHasIssuerOrSerial = true; }
            aki.ExpectEnd();
            HasAuthorityKeyIdentifier = true;
            AuthorityKeyIdentifierCritical = critical;
        }

        private void ParseSubjectKeyId(DerReader value, bool critical)
        {
            int o, l;
            value.ReadOctetString(out o, out l);
            value.ExpectEnd();
            HasSubjectKeyIdentifier = true;
            SubjectKeyIdentifierCritical = critical;
            SubjectKeyIdOffset = o;
            SubjectKeyIdLength = l;
        }
    }
}

namespace TuyaLite.Tls
{
    /// <summary>GeneralName choices as they appear on the wire (RFC 5280 4.2.1.6), and a bit per form for masks.</summary>
    public static class GeneralNameTag
    {
        public const int OtherName = 0xA0;      // [0] constructed
        public const int Rfc822Name = 0x81;     // [1] IA5String
        public const int DnsName = 0x82;        // [2] IA5String
        public const int X400Address = 0xA3;    // [3] constructed
        public const int DirectoryName = 0xA4;  // [4] EXPLICIT Name
        public const int EdiPartyName = 0xA5;   // [5] constructed
        public const int Uri = 0x86;            // [6] IA5String
        public const int IpAddress = 0x87;      // [7] OCTET STRING
        public const int RegisteredId = 0x88;   // [8] OBJECT IDENTIFIER

        /// <summary>The GeneralName form number (0..8) of a tag, or -1 when the tag is not a GeneralName.</summary>
        public static int Form(int tag)
        {
            switch (tag)
            {
                case OtherName: return 0;
                case Rfc822Name: return 1;
                case DnsName: return 2;
                case X400Address: return 3;
                case DirectoryName: return 4;
                case EdiPartyName: return 5;
                case Uri: return 6;
                case IpAddress: return 7;
                case RegisteredId: return 8;
                default: return -1;
            }
        }

        /// <summary>The name forms whose constraints the policy evaluates; constraints on other forms reject any leaf
        /// carrying a name of that form (RFC 5280 4.2.1.10: process the constraint or reject).</summary>
        public const int SupportedConstraintForms = (1 << 2) | (1 << 4) | (1 << 7);
    }
}

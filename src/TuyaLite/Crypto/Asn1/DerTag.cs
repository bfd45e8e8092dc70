namespace TuyaLite.Crypto
{
    /// <summary>The one-byte DER tags TuyaLite reads (low tag numbers only; high-tag-number form is rejected).</summary>
    public static class DerTag
    {
        public const int Boolean = 0x01;
        public const int Integer = 0x02;
        public const int BitString = 0x03;
        public const int OctetString = 0x04;
        public const int Null = 0x05;
        public const int Oid = 0x06;
        public const int Utf8String = 0x0C;
        public const int PrintableString = 0x13;
        public const int Ia5String = 0x16;
        public const int UtcTime = 0x17;
        public const int GeneralizedTime = 0x18;
        public const int Sequence = 0x30;
        public const int Set = 0x31;

        /// <summary>[n] IMPLICIT of a primitive type (0x80 | n).</summary>
        public static int ContextPrimitive(int n) { return 0x80 | n; }

        /// <summary>[n] EXPLICIT, or IMPLICIT of a constructed type (0xA0 | n).</summary>
        public static int ContextConstructed(int n) { return 0xA0 | n; }
    }
}

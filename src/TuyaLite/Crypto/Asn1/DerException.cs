namespace TuyaLite.Crypto
{
    /// <summary>Malformed, non-DER or truncated ASN.1 input met by <see cref="DerReader"/>.</summary>
    public class DerException : CryptoException
    {
        public DerException(string message) : base("der: " + message) { }
    }
}

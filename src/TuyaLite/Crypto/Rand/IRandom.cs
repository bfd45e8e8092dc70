namespace TuyaLite.Crypto
{
    /// <summary>A cryptographically secure random byte generator (HmacDrbg in production; fixed bytes in tests).</summary>
    public interface IRandom
    {
        void NextBytes(byte[] buffer, int offset, int count);
    }
}

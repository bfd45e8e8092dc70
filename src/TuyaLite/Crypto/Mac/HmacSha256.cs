using System;

namespace TuyaLite.Crypto
{
    /// <summary>HMAC-SHA256 (RFC 2104), reusable and allocation-free after construction. API contract (issue #2).</summary>
    public sealed class HmacSha256
    {
        public const int MacSize = 32;

        public HmacSha256() { throw new NotImplementedException(); }
        public HmacSha256(byte[] key, int offset, int count) { throw new NotImplementedException(); }
        /// <summary>Sets a new key and starts a new message.</summary>
        public void SetKey(byte[] key, int offset, int count) { throw new NotImplementedException(); }
        /// <summary>Starts a new message with the current key.</summary>
        public void Reset() { throw new NotImplementedException(); }
        public void Update(byte[] data, int offset, int count) { throw new NotImplementedException(); }
        /// <summary>Writes the 32-byte tag and resets for a new message with the same key.</summary>
        public void Final(byte[] output, int offset) { throw new NotImplementedException(); }
        /// <summary>Erases key material.</summary>
        public void Clear() { throw new NotImplementedException(); }
        public static void Compute(byte[] key, int keyOffset, int keyCount, byte[] data, int dataOffset, int dataCount,
            byte[] output, int outputOffset) { throw new NotImplementedException(); }
    }
}

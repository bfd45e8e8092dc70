using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// AES-CCM (NIST SP 800-38C / RFC 3610) over any IBlockCipher, nonce 7..13 bytes, tag 4..16 even bytes; TLS's CCM-8
    /// (suite 0xC0AE) is a 12-byte nonce with an 8-byte tag. Allocation-free after construction; in-place allowed.
    /// API contract (issue #2).
    /// </summary>
    public sealed class Ccm
    {
        public Ccm(IBlockCipher cipher, int tagSize) { throw new NotImplementedException(); }
        public int TagSize { get { throw new NotImplementedException(); } }
        public void SetKey(byte[] key, int offset, int length) { throw new NotImplementedException(); }

        public void Encrypt(byte[] nonce, int nonceOffset, int nonceCount, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset) { throw new NotImplementedException(); }

        /// <summary>Returns false (and zeroes the output range) when the tag does not verify.</summary>
        public bool Decrypt(byte[] nonce, int nonceOffset, int nonceCount, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset) { throw new NotImplementedException(); }

        public void Clear() { throw new NotImplementedException(); }
    }
}

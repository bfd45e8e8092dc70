using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// AES-GCM (NIST SP 800-38D) over any IBlockCipher, 12-byte nonces, 16-byte tags (TLS 1.2 suite 0xC02B).
    /// Allocation-free after construction; in-place operation allowed (input == output, same offset). API contract (issue #2).
    /// </summary>
    public sealed class Gcm
    {
        public const int NonceSize = 12;
        public const int TagSize = 16;

        public Gcm(IBlockCipher cipher) { throw new NotImplementedException(); }
        /// <summary>Sets the AES key and derives the hash subkey.</summary>
        public void SetKey(byte[] key, int offset, int length) { throw new NotImplementedException(); }

        public void Encrypt(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset) { throw new NotImplementedException(); }

        /// <summary>Returns false (and zeroes the output range) when the tag does not verify. Constant-time tag check.</summary>
        public bool Decrypt(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset) { throw new NotImplementedException(); }

        public void Clear() { throw new NotImplementedException(); }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>Managed AES-128 encryption (FIPS 197), the default IBlockCipher. API contract (issue #2).</summary>
    public sealed class Aes128 : IBlockCipher
    {
        public Aes128() { throw new NotImplementedException(); }
        public void SetKey(byte[] key, int offset, int length) { throw new NotImplementedException(); }
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset) { throw new NotImplementedException(); }
        public void Clear() { throw new NotImplementedException(); }
    }
}

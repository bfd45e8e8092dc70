namespace TuyaLite.Platform
{
    /// <summary>
    /// A 128-bit block cipher in the forward (encrypt) direction: all that GCM and CCM need. The managed AES-128 is the
    /// default; a device with AES hardware plugs in a native engine through this interface.
    /// </summary>
    public interface IBlockCipher
    {
        /// <summary>Sets the key (16 bytes for AES-128). May be called again to re-key without allocating.</summary>
        void SetKey(byte[] key, int offset, int length);

        /// <summary>Encrypts one 16-byte block; input and output may be the same buffer and offset.</summary>
        void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset);

        /// <summary>Erases the key schedule.</summary>
        void Clear();
    }
}

using System;
using System.Security.Cryptography;

namespace TuyaLite.Platform
{
    /// <summary>
    /// IBlockCipher on nanoFramework's native AES (mbedTLS): ECB on one block is the raw block function. With ESP-IDF's
    /// default CONFIG_MBEDTLS_HARDWARE_AES that is the ESP32 AES peripheral, which has no secret-indexed tables; a
    /// firmware built without it uses mbedTLS's software (table) AES. Device only (excluded from the net10.0 build).
    /// </summary>
    /// <remarks>
    /// Allocation, honestly: the native API is <c>byte[] Encrypt(byte[])</c>, so EVERY block allocates a new 16-byte
    /// managed array (about 36 bytes of managed heap with its header) that becomes garbage at once, and the native side
    /// sets up a cipher context and a work buffer on the native heap per call. A GCM/CCM record of n blocks therefore
    /// leaves n + 1 (GCM) or about 2n + 2 (CCM) small arrays for the collector. The managed AES-128 allocates nothing;
    /// choose this engine where constant time matters more than garbage (a heap in PSRAM, behind a cache).
    /// Each returned array is wiped before it is dropped; the native work buffer is freed without wiping (outside our
    /// control). The IV property is never touched: ECB has none, and one published version of Aes aliases IV to Key.
    /// A wrong key length throws ArgumentException (Platform sits below Crypto, so not CryptoException).
    /// </remarks>
    public sealed class NativeAesBlockCipher : IBlockCipher
    {
        private const int BlockSize = 16;

        private readonly Aes _aes = new Aes(CipherMode.ECB);
        private readonly byte[] _key = new byte[16];
        private readonly byte[] _block = new byte[BlockSize];
        private bool _keySet;

        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (length != 16) throw new ArgumentException("native AES-128 needs a 16-byte key");
            Bytes.CheckRange(key, offset, 16, "key");
            Array.Copy(key, offset, _key, 0, 16);
            // The engine keeps this reference (or a copy, depending on the version): set it on every re-key.
            _aes.Key = _key;
            _keySet = true;
        }

        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (!_keySet) throw new InvalidOperationException("AES key not set");
            Array.Copy(input, inputOffset, _block, 0, BlockSize);
            byte[] result = _aes.Encrypt(_block);   // allocates a new 16-byte array per call (native API shape)
            Array.Copy(result, 0, output, outputOffset, BlockSize);
            Array.Clear(result, 0, BlockSize);
            Array.Clear(_block, 0, BlockSize);
        }

        public void Clear()
        {
            Array.Clear(_key, 0, _key.Length);
            _aes.Key = _key;   // the engine is left with an all-zero key whichever way it stores it
            _keySet = false;
        }
    }
}

using System;
using System.Security.Cryptography;

namespace TuyaLite.Platform
{
    /// <summary>
    /// Host-only IBlockCipher on .NET's AES (AES-NI through the OS crypto library): the engine to use on a PC or a Linux
    /// board, where the managed table-based AES-128 is exposed to cache-timing attacks. An ECB encryptor made once per
    /// key transforms each block between the caller's arrays (the one-shot EncryptEcb allocated 64 bytes per block).
    /// </summary>
    public sealed class DotNetAesBlockCipher : IBlockCipher, IDisposable
    {
        private const int BlockSize = 16;

        private readonly Aes _aes = Aes.Create();
        private readonly byte[] _key = new byte[16];
        private ICryptoTransform _encryptor;

        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException(nameof(key));
            if (length != 16) throw new ArgumentException("AES-128 needs a 16-byte key", nameof(length));
            Bytes.CheckRange(key, offset, 16, nameof(key));
            Array.Copy(key, offset, _key, 0, 16);
            _encryptor?.Dispose();
            _aes.Mode = CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
            _aes.Key = _key;   // the setter copies
            _encryptor = _aes.CreateEncryptor();
            Array.Clear(_key, 0, _key.Length);
        }

        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (_encryptor == null) throw new InvalidOperationException("AES key not set");
            _encryptor.TransformBlock(input, inputOffset, BlockSize, output, outputOffset);
        }

        public void Clear()
        {
            _encryptor?.Dispose();
            _encryptor = null;
            _aes.Key = _key;   // all zero: the engine no longer holds the secret key
        }

        public void Dispose()
        {
            Clear();
            _aes.Dispose();
        }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// AES-GCM (NIST SP 800-38D) over any IBlockCipher, 12-byte nonces, 16-byte tags (TLS 1.2 suite 0xC02B).
    /// Allocation-free after construction; in-place operation allowed (input == output, same offset).
    /// </summary>
    /// <remarks>
    /// Decrypt authenticates first (GHASH over the ciphertext, constant-time tag comparison) and only then runs the
    /// counter mode, so no plaintext is ever written for a forged message; on failure the output range is zeroed.
    /// GHASH is the constant-time <see cref="GHash"/>.
    /// </remarks>
    public sealed class Gcm
    {
        public const int NonceSize = 12;
        public const int TagSize = 16;

        private const int BlockSize = 16;
        // _scratch layout: the counter block (nonce || 32-bit counter) and one block of key stream.
        private const int CounterBlock = 0;
        private const int KeyStream = 16;

        private readonly IBlockCipher _cipher;
        private readonly GHash _ghash = new GHash();
        private readonly byte[] _scratch = new byte[2 * BlockSize];
        private bool _keySet;

        public Gcm(IBlockCipher cipher)
        {
            if (cipher == null) throw new ArgumentNullException("cipher");
            _cipher = cipher;
        }

        /// <summary>Sets the AES key and derives the hash subkey.</summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            _cipher.SetKey(key, offset, length);
            byte[] s = _scratch;
            Array.Clear(s, 0, BlockSize);
            _cipher.EncryptBlock(s, 0, s, 0);   // H = E_K(0^128)
            _ghash.SetKey(s, 0);
            Array.Clear(s, 0, BlockSize);
            _keySet = true;
        }

        public void Encrypt(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset)
        {
            CheckArguments(nonce, nonceOffset, aad, aadOffset, aadCount, input, inputOffset, count, output, outputOffset,
                tag, tagOffset);
            Start(nonce, nonceOffset, aad, aadOffset, aadCount);
            CounterMode.Apply(_cipher, _scratch, CounterBlock, KeyStream, 4, 2, input, inputOffset, count, output, outputOffset);
            _ghash.Update(output, outputOffset, count);
            ComputeTag(aadCount, count);
            Array.Copy(_scratch, KeyStream, tag, tagOffset, TagSize);
            Array.Clear(_scratch, 0, _scratch.Length);
        }

        /// <summary>Returns false (and zeroes the output range) when the tag does not verify. Constant-time tag check.</summary>
        public bool Decrypt(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset)
        {
            CheckArguments(nonce, nonceOffset, aad, aadOffset, aadCount, input, inputOffset, count, output, outputOffset,
                tag, tagOffset);
            Start(nonce, nonceOffset, aad, aadOffset, aadCount);
            _ghash.Update(input, inputOffset, count);
            ComputeTag(aadCount, count);
            if (!Bytes.ConstantTimeEquals(_scratch, KeyStream, tag, tagOffset, TagSize))
            {
                Bytes.Wipe(output, outputOffset, count);
                Array.Clear(_scratch, 0, _scratch.Length);
                return false;
            }
            CounterMode.Apply(_cipher, _scratch, CounterBlock, KeyStream, 4, 2, input, inputOffset, count, output, outputOffset);
            Array.Clear(_scratch, 0, _scratch.Length);
            return true;
        }

        /// <summary>Erases the key schedule, the hash subkey and all scratch state.</summary>
        public void Clear()
        {
            _cipher.Clear();
            _ghash.Clear();
            Array.Clear(_scratch, 0, _scratch.Length);
            _keySet = false;
        }

        private void CheckArguments(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset)
        {
            if (!_keySet) throw new InvalidOperationException("GCM key not set");
            Bytes.CheckOptionalRange(nonce, nonceOffset, NonceSize, "nonce");
            Bytes.CheckOptionalRange(aad, aadOffset, aadCount, "aad");
            Bytes.CheckOptionalRange(input, inputOffset, count, "input");
            Bytes.CheckOptionalRange(output, outputOffset, count, "output");
            Bytes.CheckOptionalRange(tag, tagOffset, TagSize, "tag");
            AeadArguments.CheckOverlap(input, inputOffset, output, outputOffset, count);
            AeadArguments.CheckOverlap(output, outputOffset, count, nonce, nonceOffset, NonceSize, "nonce");
            AeadArguments.CheckOverlap(output, outputOffset, count, aad, aadOffset, aadCount, "aad");
            AeadArguments.CheckOverlap(output, outputOffset, count, tag, tagOffset, TagSize, "tag");
        }

        /// <summary>Counter block = nonce || 0x00000000; GHASH restarted and fed the AAD.</summary>
        private void Start(byte[] nonce, int nonceOffset, byte[] aad, int aadOffset, int aadCount)
        {
            byte[] s = _scratch;
            Array.Copy(nonce, nonceOffset, s, CounterBlock, NonceSize);
            s[12] = 0; s[13] = 0; s[14] = 0; s[15] = 0;
            _ghash.Reset();
            if (aadCount > 0) _ghash.Update(aad, aadOffset, aadCount);
        }

        /// <summary>Leaves the tag E_K(J0) xor GHASH(A, C, lengths) in the key-stream block of the scratch.</summary>
        private void ComputeTag(int aadCount, int count)
        {
            byte[] s = _scratch;
            _ghash.UpdateLengths(aadCount, count);
            s[12] = 0; s[13] = 0; s[14] = 0; s[15] = 1;   // J0
            _cipher.EncryptBlock(s, CounterBlock, s, KeyStream);
            _ghash.XorStateInto(s, KeyStream);
            _ghash.Reset();
        }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// AES-CCM (NIST SP 800-38C / RFC 3610) over any IBlockCipher, nonce 7..13 bytes, tag 4..16 even bytes; TLS's CCM-8
    /// (suite 0xC0AE) is a 12-byte nonce with an 8-byte tag. Allocation-free after construction; in-place allowed.
    /// </summary>
    /// <remarks>
    /// CBC-MAC over B0 || encoded AAD length || AAD (zero-padded) || message (zero-padded), then counter mode with
    /// A_i = flags || nonce || i; the tag is the MAC xor E_K(A_0), truncated. The MAC covers the plaintext, so Decrypt
    /// must decrypt before it can verify: it decrypts into the output range and zeroes that range if the tag fails.
    /// </remarks>
    public sealed class Ccm
    {
        public const int MinNonceSize = 7;
        public const int MaxNonceSize = 13;

        private const int BlockSize = 16;
        // _scratch layout: the CBC-MAC state, the counter block A_i and one block of key stream.
        private const int MacBlock = 0;
        private const int CounterBlock = 16;
        private const int KeyStream = 32;

        private readonly IBlockCipher _cipher;
        private readonly int _tagSize;
        private readonly byte[] _scratch = new byte[3 * BlockSize];
        private bool _keySet;

        public Ccm(IBlockCipher cipher, int tagSize)
        {
            if (cipher == null) throw new ArgumentNullException("cipher");
            if (tagSize < 4 || tagSize > 16 || (tagSize & 1) != 0)
                throw new CryptoException("CCM tag size must be 4, 6, 8, 10, 12, 14 or 16 bytes");
            _cipher = cipher;
            _tagSize = tagSize;
        }

        public int TagSize { get { return _tagSize; } }

        public void SetKey(byte[] key, int offset, int length)
        {
            _cipher.SetKey(key, offset, length);
            _keySet = true;
        }

        public void Encrypt(byte[] nonce, int nonceOffset, int nonceCount, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset)
        {
            CheckArguments(nonce, nonceOffset, nonceCount, aad, aadOffset, aadCount, input, inputOffset, count,
                output, outputOffset, tag, tagOffset);
            // The MAC is over the plaintext: take it before counter mode overwrites an in-place buffer.
            Mac(nonce, nonceOffset, nonceCount, aad, aadOffset, aadCount, input, inputOffset, count);
            Crypt(nonce, nonceOffset, nonceCount, input, inputOffset, count, output, outputOffset);
            ComputeTag();
            Array.Copy(_scratch, KeyStream, tag, tagOffset, _tagSize);
            Array.Clear(_scratch, 0, _scratch.Length);
        }

        /// <summary>Returns false (and zeroes the output range) when the tag does not verify.</summary>
        public bool Decrypt(byte[] nonce, int nonceOffset, int nonceCount, byte[] aad, int aadOffset, int aadCount,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset)
        {
            CheckArguments(nonce, nonceOffset, nonceCount, aad, aadOffset, aadCount, input, inputOffset, count,
                output, outputOffset, tag, tagOffset);
            Crypt(nonce, nonceOffset, nonceCount, input, inputOffset, count, output, outputOffset);
            Mac(nonce, nonceOffset, nonceCount, aad, aadOffset, aadCount, output, outputOffset, count);
            ComputeTag();
            bool ok = Bytes.ConstantTimeEquals(_scratch, KeyStream, tag, tagOffset, _tagSize);
            Array.Clear(_scratch, 0, _scratch.Length);
            if (!ok) Bytes.Wipe(output, outputOffset, count);
            return ok;
        }

        /// <summary>Erases the key schedule and all scratch state.</summary>
        public void Clear()
        {
            _cipher.Clear();
            Array.Clear(_scratch, 0, _scratch.Length);
            _keySet = false;
        }

        private void CheckArguments(byte[] nonce, int nonceOffset, int nonceCount, byte[] aad, int aadOffset,
            int aadCount, byte[] input, int inputOffset, int count, byte[] output, int outputOffset, byte[] tag, int tagOffset)
        {
            if (!_keySet) throw new InvalidOperationException("CCM key not set");
            if (nonceCount < MinNonceSize || nonceCount > MaxNonceSize)
                throw new CryptoException("CCM nonce must be 7..13 bytes");
            // The message length is encoded in L = 15 - nonceCount bytes; an int always fits 4 or more.
            int lengthFieldSize = 15 - nonceCount;
            if (lengthFieldSize < 4 && count >= (1 << (8 * lengthFieldSize)))
                throw new CryptoException("message too long for CCM with a " + nonceCount + "-byte nonce");
            Bytes.CheckOptionalRange(nonce, nonceOffset, nonceCount, "nonce");
            Bytes.CheckOptionalRange(aad, aadOffset, aadCount, "aad");
            Bytes.CheckOptionalRange(input, inputOffset, count, "input");
            Bytes.CheckOptionalRange(output, outputOffset, count, "output");
            Bytes.CheckOptionalRange(tag, tagOffset, _tagSize, "tag");
            AeadArguments.CheckOverlap(input, inputOffset, output, outputOffset, count);
            AeadArguments.CheckOverlap(output, outputOffset, count, nonce, nonceOffset, nonceCount, "nonce");
            AeadArguments.CheckOverlap(output, outputOffset, count, aad, aadOffset, aadCount, "aad");
            AeadArguments.CheckOverlap(output, outputOffset, count, tag, tagOffset, _tagSize, "tag");
        }

        /// <summary>CBC-MAC of B0, the encoded AAD and the message; leaves T (16 bytes, untruncated) in the MAC block.</summary>
        private void Mac(byte[] nonce, int nonceOffset, int nonceCount, byte[] aad, int aadOffset, int aadCount,
            byte[] message, int messageOffset, int count)
        {
            byte[] s = _scratch;
            int lengthFieldSize = 15 - nonceCount;

            // B0 = flags || nonce || message length (big-endian, L bytes); flags = Adata·64 + ((M-2)/2)·8 + (L-1).
            s[MacBlock] = (byte)((aadCount > 0 ? 0x40 : 0) | (((_tagSize - 2) / 2) << 3) | (lengthFieldSize - 1));
            Array.Copy(nonce, nonceOffset, s, MacBlock + 1, nonceCount);
            for (int i = 0; i < lengthFieldSize; i++)
                s[MacBlock + BlockSize - 1 - i] = (byte)(i < 4 ? count >> (8 * i) : 0);
            _cipher.EncryptBlock(s, MacBlock, s, MacBlock);

            if (aadCount > 0)
            {
                // AAD length: 2 bytes below 2^16 - 2^8, else 0xFF 0xFE and 4 bytes (an int never needs the 8-byte form).
                int used;
                if (aadCount < 0xFF00)
                {
                    s[MacBlock] ^= (byte)(aadCount >> 8);
                    s[MacBlock + 1] ^= (byte)aadCount;
                    used = 2;
                }
                else
                {
                    s[MacBlock] ^= 0xFF;
                    s[MacBlock + 1] ^= 0xFE;
                    s[MacBlock + 2] ^= (byte)(aadCount >> 24);
                    s[MacBlock + 3] ^= (byte)(aadCount >> 16);
                    s[MacBlock + 4] ^= (byte)(aadCount >> 8);
                    s[MacBlock + 5] ^= (byte)aadCount;
                    used = 6;
                }
                Absorb(aad, aadOffset, aadCount, used);
            }
            Absorb(message, messageOffset, count, 0);
        }

        /// <summary>
        /// XORs count bytes into the MAC block starting at position used, encrypting each time a block fills, and
        /// encrypts a final partial block (zero padding is implicit: the untouched bytes are xored with nothing).
        /// </summary>
        private void Absorb(byte[] data, int offset, int count, int used)
        {
            byte[] s = _scratch;
            IBlockCipher cipher = _cipher;
            int pos = used;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                s[MacBlock + pos] ^= data[i];
                if (++pos == BlockSize)
                {
                    cipher.EncryptBlock(s, MacBlock, s, MacBlock);
                    pos = 0;
                }
            }
            if (pos > 0) cipher.EncryptBlock(s, MacBlock, s, MacBlock);
        }

        /// <summary>output = input xor E_K(A_i), i = 1, 2, ...; leaves A_0 in the counter block for the tag.</summary>
        private void Crypt(byte[] nonce, int nonceOffset, int nonceCount, byte[] input, int inputOffset, int count,
            byte[] output, int outputOffset)
        {
            byte[] s = _scratch;
            int lengthFieldSize = 15 - nonceCount;
            s[CounterBlock] = (byte)(lengthFieldSize - 1);
            Array.Copy(nonce, nonceOffset, s, CounterBlock + 1, nonceCount);
            // The block index fits the length field (checked), so the field never wraps.
            CounterMode.Apply(_cipher, s, CounterBlock, KeyStream, lengthFieldSize, 1, input, inputOffset, count, output, outputOffset);
            Array.Clear(s, CounterBlock + 1 + nonceCount, lengthFieldSize);   // A_0
        }

        /// <summary>Leaves the full 16-byte T xor E_K(A_0) in the key-stream block; callers use the first TagSize bytes.</summary>
        private void ComputeTag()
        {
            byte[] s = _scratch;
            _cipher.EncryptBlock(s, CounterBlock, s, KeyStream);
            for (int i = 0; i < BlockSize; i++) s[KeyStream + i] ^= s[MacBlock + i];
        }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104), reusable and allocation-free after construction. SetKey hashes key^ipad and key^opad once
    /// and keeps only the two chaining states, so each message costs its own blocks plus the two final blocks. Holds
    /// about 0.5 KB (one Sha256, two saved states, one 64-byte scratch). Not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        public const int MacSize = 32;

        private const int InnerState = 0;
        private const int OuterState = 8;

        private readonly Sha256 _sha = new Sha256();
        private readonly uint[] _padStates = new uint[16];
        private readonly byte[] _block = new byte[Sha256.BlockSize];
        private bool _hasKey;

        /// <summary>An instance without a key: call SetKey before the first message.</summary>
        public HmacSha256() { }

        public HmacSha256(byte[] key, int offset, int count) { SetKey(key, offset, count); }

        /// <summary>Sets a new key (any length; keys longer than 64 bytes are hashed first) and starts a new message.</summary>
        public void SetKey(byte[] key, int offset, int count)
        {
            Bytes.CheckRange(key, offset, count, nameof(key));
            byte[] block = _block;
            int keyLength = count;
            if (count > Sha256.BlockSize)
            {
                _sha.Reset();
                _sha.Update(key, offset, count);
                _sha.Final(block, 0);
                keyLength = Sha256.HashSize;
            }
            else
            {
                Array.Copy(key, offset, block, 0, count);
            }
            Array.Clear(block, keyLength, Sha256.BlockSize - keyLength);

            for (int i = 0; i < Sha256.BlockSize; i++) block[i] ^= 0x36;
            _sha.Reset();
            _sha.Update(block, 0, Sha256.BlockSize);
            _sha.SaveChainingState(_padStates, InnerState);

            for (int i = 0; i < Sha256.BlockSize; i++) block[i] ^= 0x36 ^ 0x5c;
            _sha.Reset();
            _sha.Update(block, 0, Sha256.BlockSize);
            _sha.SaveChainingState(_padStates, OuterState);

            // The scratch block and the message schedule now hold key material: wipe both.
            Array.Clear(block, 0, Sha256.BlockSize);
            _sha.Clear();
            _hasKey = true;
            _sha.LoadChainingState(_padStates, InnerState);
        }

        /// <summary>True between SetKey and Clear.</summary>
        internal bool IsKeyed { get { return _hasKey; } }

        /// <summary>Starts a new message with the current key.</summary>
        public void Reset()
        {
            RequireKey();
            _sha.LoadChainingState(_padStates, InnerState);
        }

        public void Update(byte[] data, int offset, int count)
        {
            RequireKey();
            _sha.Update(data, offset, count);
        }

        /// <summary>Authenticates one byte (counters and separators in HKDF and HMAC-DRBG).</summary>
        public void Update(byte value)
        {
            RequireKey();
            _sha.Update(value);
        }

        /// <summary>Writes the 32-byte tag and resets for a new message with the same key.</summary>
        public void Final(byte[] output, int offset) { Final(output, offset, MacSize); }

        /// <summary>
        /// Writes the first count bytes (0..32) of the tag (truncated MACs, HKDF's last block) and resets for a new
        /// message with the same key.
        /// </summary>
        public void Final(byte[] output, int offset, int count)
        {
            RequireKey();
            Bytes.CheckRange(output, offset, count, nameof(output));
            if (count > MacSize) throw new ArgumentOutOfRangeException(nameof(count));
            FinishInto(_block);
            Array.Copy(_block, 0, output, offset, count);
            Array.Clear(_block, 0, MacSize);
        }

        /// <summary>
        /// Finishes the message and compares the first count bytes (1..32) of its tag with expectedTag in constant time
        /// (the time depends on count only); resets for a new message with the same key.
        /// </summary>
        public bool Verify(byte[] expectedTag, int offset, int count)
        {
            RequireKey();
            Bytes.CheckRange(expectedTag, offset, count, nameof(expectedTag));
            if (count < 1 || count > MacSize) throw new ArgumentOutOfRangeException(nameof(count));
            FinishInto(_block);
            bool equal = Bytes.ConstantTimeEquals(_block, 0, expectedTag, offset, count);
            Array.Clear(_block, 0, MacSize);
            return equal;
        }

        /// <summary>Erases key material (saved pad states, scratch, hash state). SetKey is needed before further use.</summary>
        public void Clear()
        {
            Array.Clear(_padStates, 0, _padStates.Length);
            Array.Clear(_block, 0, _block.Length);
            _sha.Clear();
            _hasKey = false;
        }

        /// <summary>One-shot HMAC. Allocates one instance: hot paths keep their own HmacSha256 instead.</summary>
        public static void Compute(byte[] key, int keyOffset, int keyCount, byte[] data, int dataOffset, int dataCount,
            byte[] output, int outputOffset)
        {
            HmacSha256 mac = new HmacSha256(key, keyOffset, keyCount);
            mac.Update(data, dataOffset, dataCount);
            mac.Final(output, outputOffset);
            mac.Clear();
        }

        /// <summary>Inner digest, then outer hash of it from the saved opad state; leaves the inner state loaded.</summary>
        private void FinishInto(byte[] tag)
        {
            _sha.Final(tag, 0);
            _sha.LoadChainingState(_padStates, OuterState);
            _sha.Update(tag, 0, Sha256.HashSize);
            _sha.Final(tag, 0);
            _sha.LoadChainingState(_padStates, InnerState);
        }

        private void RequireKey()
        {
            if (!_hasKey) throw new InvalidOperationException("HMAC key not set");
        }
    }
}

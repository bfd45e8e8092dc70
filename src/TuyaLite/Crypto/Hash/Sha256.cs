using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4). Incremental and allocation-free after construction (one 64-byte block buffer and one
    /// 64-word message schedule, both reused for every block), with an exportable intermediate state so an OTA download
    /// can resume hashing after a reboot. Not thread-safe: one instance per concurrent computation.
    /// Messages are limited to 2^61 - 1 bytes (the bit length must fit the 64-bit length field).
    /// </summary>
    public sealed class Sha256
    {
        public const int HashSize = 32;
        public const int BlockSize = 64;
        /// <summary>Bytes written by ExportState: 8 state words (32) + total length (8) + buffered bytes count (1) + buffer (64).</summary>
        public const int ExportedStateSize = 105;

        // ExportState layout (all big-endian): [0,32) chaining words, [32,40) bytes hashed so far, [40] bytes buffered,
        // [41,105) the block buffer with every byte past the buffered count zero.
        private const int ExportLengthOffset = 32;
        private const int ExportBufferedOffset = 40;
        private const int ExportBufferOffset = 41;
        private const ulong MaxMessageBytes = (1UL << 61) - 1;

        private static readonly uint[] K =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        /// <summary>
        /// Compression-function calls since the last reset: the hash cost counter tests assert (one static increment per
        /// 64-byte block). On .NET it counts the calling thread's blocks; on the device it is global.
        /// </summary>
#if !NANOFRAMEWORK_1_0
        [ThreadStatic]
#endif
        internal static long Compressions;

        private uint _h0, _h1, _h2, _h3, _h4, _h5, _h6, _h7;
        private ulong _byteCount;
        private int _bufferCount;
        private readonly byte[] _buffer = new byte[BlockSize];
        private readonly uint[] _w = new uint[64];

        public Sha256() { Reset(); }

        /// <summary>Starts a new message (and wipes the partial block buffer).</summary>
        public void Reset()
        {
            _h0 = 0x6a09e667; _h1 = 0xbb67ae85; _h2 = 0x3c6ef372; _h3 = 0xa54ff53a;
            _h4 = 0x510e527f; _h5 = 0x9b05688c; _h6 = 0x1f83d9ab; _h7 = 0x5be0cd19;
            _byteCount = 0;
            _bufferCount = 0;
            Array.Clear(_buffer, 0, BlockSize);
        }

        /// <summary>Reset plus wiping the message schedule, which still holds the words of the last block hashed.</summary>
        public void Clear()
        {
            Reset();
            Array.Clear(_w, 0, 64);
        }

        public void Update(byte[] data, int offset, int count)
        {
            Bytes.CheckRange(data, offset, count, nameof(data));
            if (count == 0) return;
            _byteCount += (ulong)count;
            int buffered = _bufferCount;
            if (buffered > 0)
            {
                int take = BlockSize - buffered;
                if (take > count) take = count;
                Array.Copy(data, offset, _buffer, buffered, take);
                buffered += take;
                offset += take;
                count -= take;
                if (buffered < BlockSize)
                {
                    _bufferCount = buffered;
                    return;
                }
                Compress(_buffer, 0);
            }
            // Whole blocks are hashed straight from the caller's array: no copy.
            while (count >= BlockSize)
            {
                Compress(data, offset);
                offset += BlockSize;
                count -= BlockSize;
            }
            if (count > 0) Array.Copy(data, offset, _buffer, 0, count);
            _bufferCount = count;
        }

        /// <summary>Hashes one byte (separators and counters in HMAC-DRBG and HKDF).</summary>
        public void Update(byte value)
        {
            _byteCount++;
            _buffer[_bufferCount++] = value;
            if (_bufferCount == BlockSize)
            {
                Compress(_buffer, 0);
                _bufferCount = 0;
            }
        }

        /// <summary>Writes the 32-byte digest at output[offset] and resets for a new message.</summary>
        public void Final(byte[] output, int offset)
        {
            Bytes.CheckRange(output, offset, HashSize, nameof(output));
            ulong bitCount = _byteCount << 3;
            byte[] b = _buffer;
            int n = _bufferCount;
            b[n++] = 0x80;
            if (n > BlockSize - 8)
            {
                Array.Clear(b, n, BlockSize - n);
                Compress(b, 0);
                n = 0;
            }
            Array.Clear(b, n, BlockSize - 8 - n);
            Bytes.WriteUInt64BE(b, BlockSize - 8, bitCount);
            Compress(b, 0);
            WriteChainingWords(output, offset);
            Reset();
        }

        /// <summary>Copies this running state into other (TLS transcript hash snapshots), no allocation.</summary>
        public void CopyTo(Sha256 other)
        {
            if (other == null) throw new ArgumentNullException(nameof(other));
            if (other == this) return;
            other._h0 = _h0; other._h1 = _h1; other._h2 = _h2; other._h3 = _h3;
            other._h4 = _h4; other._h5 = _h5; other._h6 = _h6; other._h7 = _h7;
            other._byteCount = _byteCount;
            other._bufferCount = _bufferCount;
            Array.Copy(_buffer, 0, other._buffer, 0, BlockSize);
        }

        /// <summary>Writes ExportedStateSize bytes; returns the count.</summary>
        public int ExportState(byte[] output, int offset)
        {
            Bytes.CheckRange(output, offset, ExportedStateSize, nameof(output));
            WriteChainingWords(output, offset);
            Bytes.WriteUInt64BE(output, offset + ExportLengthOffset, _byteCount);
            output[offset + ExportBufferedOffset] = (byte)_bufferCount;
            // The buffer past _bufferCount is always zero (Reset and Final clear it), so the export is canonical.
            Array.Copy(_buffer, 0, output, offset + ExportBufferOffset, BlockSize);
            return ExportedStateSize;
        }

        /// <summary>
        /// Restores a state written by ExportState; throws CryptoException on a malformed state (buffered count out of
        /// range, a total length that disagrees with the buffered count or exceeds the SHA-256 limit, non-zero bytes
        /// past the buffered data). On failure this instance is left unchanged. The chaining words themselves cannot be
        /// checked: store the export with an integrity check (e.g. a CRC or a MAC) if storage may corrupt it.
        /// </summary>
        public void ImportState(byte[] input, int offset)
        {
            Bytes.CheckRange(input, offset, ExportedStateSize, nameof(input));
            ulong length = Bytes.ReadUInt64BE(input, offset + ExportLengthOffset);
            int buffered = input[offset + ExportBufferedOffset];
            if (buffered >= BlockSize) throw new CryptoException("SHA-256 state: buffered byte count out of range");
            if (length > MaxMessageBytes) throw new CryptoException("SHA-256 state: message length out of range");
            if ((int)(length & (BlockSize - 1)) != buffered)
                throw new CryptoException("SHA-256 state: message length disagrees with the buffered byte count");
            int tail = 0;
            for (int i = buffered; i < BlockSize; i++) tail |= input[offset + ExportBufferOffset + i];
            if (tail != 0) throw new CryptoException("SHA-256 state: non-zero bytes past the buffered data");

            _h0 = Bytes.ReadUInt32BE(input, offset); _h1 = Bytes.ReadUInt32BE(input, offset + 4);
            _h2 = Bytes.ReadUInt32BE(input, offset + 8); _h3 = Bytes.ReadUInt32BE(input, offset + 12);
            _h4 = Bytes.ReadUInt32BE(input, offset + 16); _h5 = Bytes.ReadUInt32BE(input, offset + 20);
            _h6 = Bytes.ReadUInt32BE(input, offset + 24); _h7 = Bytes.ReadUInt32BE(input, offset + 28);
            _byteCount = length;
            _bufferCount = buffered;
            Array.Copy(input, offset + ExportBufferOffset, _buffer, 0, BlockSize);
        }

        /// <summary>One-shot hash. Allocates one context: hot paths keep their own Sha256 instance instead.</summary>
        public static void Hash(byte[] data, int offset, int count, byte[] output, int outputOffset)
        {
            Sha256 sha = new Sha256();
            sha.Update(data, offset, count);
            sha.Final(output, outputOffset);
        }

        /// <summary>Saves the chaining words at a block boundary (HMAC's precomputed ipad/opad states).</summary>
        internal void SaveChainingState(uint[] state, int offset)
        {
            if (_bufferCount != 0) throw new InvalidOperationException("SHA-256 chaining state is only defined at a block boundary");
            state[offset] = _h0; state[offset + 1] = _h1; state[offset + 2] = _h2; state[offset + 3] = _h3;
            state[offset + 4] = _h4; state[offset + 5] = _h5; state[offset + 6] = _h6; state[offset + 7] = _h7;
        }

        /// <summary>Starts a message as if exactly one block had been hashed into the saved chaining words.</summary>
        internal void LoadChainingState(uint[] state, int offset)
        {
            _h0 = state[offset]; _h1 = state[offset + 1]; _h2 = state[offset + 2]; _h3 = state[offset + 3];
            _h4 = state[offset + 4]; _h5 = state[offset + 5]; _h6 = state[offset + 6]; _h7 = state[offset + 7];
            _byteCount = BlockSize;
            _bufferCount = 0;
        }

        private void WriteChainingWords(byte[] o, int i)
        {
            Bytes.WriteUInt32BE(o, i, _h0); Bytes.WriteUInt32BE(o, i + 4, _h1);
            Bytes.WriteUInt32BE(o, i + 8, _h2); Bytes.WriteUInt32BE(o, i + 12, _h3);
            Bytes.WriteUInt32BE(o, i + 16, _h4); Bytes.WriteUInt32BE(o, i + 20, _h5);
            Bytes.WriteUInt32BE(o, i + 24, _h6); Bytes.WriteUInt32BE(o, i + 28, _h7);
        }

        /// <summary>
        /// One 64-byte block. Written for an interpreter: the eight working variables live in locals, the rounds are
        /// unrolled by eight with the variables' roles rotated instead of shifted (no a..h moves per round), rotations
        /// and Ch/Maj are written inline (a call costs far more than the arithmetic), and the only array traffic is the
        /// message schedule in the reused _w and the round constants.
        /// </summary>
        private void Compress(byte[] block, int offset)
        {
            Compressions++;
            uint[] w = _w;
            uint[] k = K;
            for (int t = 0; t < 16; t++)
            {
                w[t] = ((uint)block[offset] << 24) | ((uint)block[offset + 1] << 16)
                     | ((uint)block[offset + 2] << 8) | block[offset + 3];
                offset += 4;
            }
            for (int t = 16; t < 64; t++)
            {
                uint x = w[t - 2];
                uint y = w[t - 15];
                w[t] = (((x >> 17) | (x << 15)) ^ ((x >> 19) | (x << 13)) ^ (x >> 10)) + w[t - 7]
                     + (((y >> 7) | (y << 25)) ^ ((y >> 18) | (y << 14)) ^ (y >> 3)) + w[t - 16];
            }

            uint a = _h0, b = _h1, c = _h2, d = _h3, e = _h4, f = _h5, g = _h6, h = _h7;
            for (int t = 0; t < 64; t += 8)
            {
                // Each round: T1 = h + S1(e) + Ch(e,f,g) + K + W; d += T1; h = T1 + S0(a) + Maj(a,b,c); then the
                // next round reads the same locals with roles (a..h) = (h, a, b, c, d, e, f, g).
                h += (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7))) + (g ^ (e & (f ^ g))) + k[t] + w[t];
                d += h;
                h += (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10))) + ((a & b) | (c & (a | b)));

                g += (((d >> 6) | (d << 26)) ^ ((d >> 11) | (d << 21)) ^ ((d >> 25) | (d << 7))) + (f ^ (d & (e ^ f))) + k[t + 1] + w[t + 1];
                c += g;
                g += (((h >> 2) | (h << 30)) ^ ((h >> 13) | (h << 19)) ^ ((h >> 22) | (h << 10))) + ((h & a) | (b & (h | a)));

                f += (((c >> 6) | (c << 26)) ^ ((c >> 11) | (c << 21)) ^ ((c >> 25) | (c << 7))) + (e ^ (c & (d ^ e))) + k[t + 2] + w[t + 2];
                b += f;
                f += (((g >> 2) | (g << 30)) ^ ((g >> 13) | (g << 19)) ^ ((g >> 22) | (g << 10))) + ((g & h) | (a & (g | h)));

                e += (((b >> 6) | (b << 26)) ^ ((b >> 11) | (b << 21)) ^ ((b >> 25) | (b << 7))) + (d ^ (b & (c ^ d))) + k[t + 3] + w[t + 3];
                a += e;
                e += (((f >> 2) | (f << 30)) ^ ((f >> 13) | (f << 19)) ^ ((f >> 22) | (f << 10))) + ((f & g) | (h & (f | g)));

                d += (((a >> 6) | (a << 26)) ^ ((a >> 11) | (a << 21)) ^ ((a >> 25) | (a << 7))) + (c ^ (a & (b ^ c))) + k[t + 4] + w[t + 4];
                h += d;
                d += (((e >> 2) | (e << 30)) ^ ((e >> 13) | (e << 19)) ^ ((e >> 22) | (e << 10))) + ((e & f) | (g & (e | f)));

                c += (((h >> 6) | (h << 26)) ^ ((h >> 11) | (h << 21)) ^ ((h >> 25) | (h << 7))) + (b ^ (h & (a ^ b))) + k[t + 5] + w[t + 5];
                g += c;
                c += (((d >> 2) | (d << 30)) ^ ((d >> 13) | (d << 19)) ^ ((d >> 22) | (d << 10))) + ((d & e) | (f & (d | e)));

                b += (((g >> 6) | (g << 26)) ^ ((g >> 11) | (g << 21)) ^ ((g >> 25) | (g << 7))) + (a ^ (g & (h ^ a))) + k[t + 6] + w[t + 6];
                f += b;
                b += (((c >> 2) | (c << 30)) ^ ((c >> 13) | (c << 19)) ^ ((c >> 22) | (c << 10))) + ((c & d) | (e & (c | d)));

                a += (((f >> 6) | (f << 26)) ^ ((f >> 11) | (f << 21)) ^ ((f >> 25) | (f << 7))) + (h ^ (f & (g ^ h))) + k[t + 7] + w[t + 7];
                e += a;
                a += (((b >> 2) | (b << 30)) ^ ((b >> 13) | (b << 19)) ^ ((b >> 22) | (b << 10))) + ((b & c) | (d & (b | c)));
            }
            _h0 += a; _h1 += b; _h2 += c; _h3 += d; _h4 += e; _h5 += f; _h6 += g; _h7 += h;
        }
    }
}

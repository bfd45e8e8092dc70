using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// Managed AES-128 encryption (FIPS 197), the default IBlockCipher. Forward direction only: GCM and CCM never
    /// decrypt a block.
    /// </summary>
    /// <remarks>
    /// One 256-entry table T0 (1 KB, shared by all instances) combines SubBytes and MixColumns; the other three classic
    /// tables are byte rotations of T0, done on locals. The final round and the key schedule take the S-box byte out of
    /// T0, so there is no separate S-box. Each instance holds its round keys in one uint[44]; EncryptBlock keeps the state
    /// in locals and allocates nothing. Table lookups are indexed by secret bytes: constant-time only where the table is
    /// not behind a data cache (ESP32 internal SRAM); see docs/crypto/aes-gcm-ccm.md. Where that does not hold (a PC, an
    /// ESP32 whose managed heap is in PSRAM), plug a native engine in through IBlockCipher.
    /// </remarks>
    public sealed class Aes128 : IBlockCipher
    {
        public const int KeySize = 16;
        public const int BlockSize = 16;

        private const int RoundKeyWords = 44;

        /// <summary>T0[x] = (2·S[x], S[x], S[x], 3·S[x]) as a big-endian word: SubBytes then MixColumns of one byte.</summary>
        private static readonly uint[] T0 = BuildTable();

        private readonly uint[] _roundKeys = new uint[RoundKeyWords];
        private bool _keySet;

        public Aes128() { }

        /// <summary>Expands a 16-byte key into the preallocated schedule; re-keying allocates nothing.</summary>
        public void SetKey(byte[] key, int offset, int length)
        {
            if (key == null) throw new ArgumentNullException("key");
            if (length != KeySize) throw new CryptoException("AES-128 needs a 16-byte key");
            Bytes.CheckRange(key, offset, KeySize, "key");

            uint[] t = T0;
            uint[] w = _roundKeys;
            for (int i = 0; i < 4; i++)
            {
                int o = offset + 4 * i;
                w[i] = ((uint)key[o] << 24) | ((uint)key[o + 1] << 16) | ((uint)key[o + 2] << 8) | key[o + 3];
            }

            uint rcon = 1;
            uint prev = w[3];
            for (int i = 4; i < RoundKeyWords; i += 4)
            {
                // SubWord(RotWord(prev)) ^ Rcon, with S-box bytes taken from T0 (byte 1 of each entry is S[x]).
                uint sub = ((t[(int)(prev >> 16) & 0xFF] << 8) & 0xFF000000)
                    | (t[(int)(prev >> 8) & 0xFF] & 0x00FF0000)
                    | (t[(int)prev & 0xFF] & 0x0000FF00)
                    | ((t[(int)(prev >> 24)] >> 8) & 0x000000FF);
                uint a = w[i - 4] ^ sub ^ (rcon << 24);
                uint b = w[i - 3] ^ a;
                uint c = w[i - 2] ^ b;
                uint d = w[i - 1] ^ c;
                w[i] = a;
                w[i + 1] = b;
                w[i + 2] = c;
                w[i + 3] = d;
                prev = d;
                rcon = XTime(rcon);
            }
            _keySet = true;
        }

        /// <summary>Encrypts one block; input and output may be the same buffer and offset.</summary>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            if (!_keySet) throw new InvalidOperationException("AES key not set");
            uint[] t = T0;
            uint[] k = _roundKeys;

            // Byte reads are inlined (no Bytes.ReadUInt32BE calls): a call costs more than the work on the interpreter.
            int o = inputOffset;
            uint s0 = (((uint)input[o] << 24) | ((uint)input[o + 1] << 16) | ((uint)input[o + 2] << 8) | input[o + 3]) ^ k[0];
            uint s1 = (((uint)input[o + 4] << 24) | ((uint)input[o + 5] << 16) | ((uint)input[o + 6] << 8) | input[o + 7]) ^ k[1];
            uint s2 = (((uint)input[o + 8] << 24) | ((uint)input[o + 9] << 16) | ((uint)input[o + 10] << 8) | input[o + 11]) ^ k[2];
            uint s3 = (((uint)input[o + 12] << 24) | ((uint)input[o + 13] << 16) | ((uint)input[o + 14] << 8) | input[o + 15]) ^ k[3];

            for (int r = 4; r < 40; r += 4)
            {
                // Column j of the next state: T0[row0 of col j] ^ T1[row1 of col j+1] ^ T2[row2 of col j+2] ^ T3[row3 of
                // col j+3] (ShiftRows folded into the indexing), with Tn = T0 rotated right by 8n bits.
                uint a = t[(int)(s0 >> 24)], b = t[(int)(s1 >> 16) & 0xFF], c = t[(int)(s2 >> 8) & 0xFF], d = t[(int)s3 & 0xFF];
                uint n0 = a ^ ((b >> 8) | (b << 24)) ^ ((c >> 16) | (c << 16)) ^ ((d >> 24) | (d << 8)) ^ k[r];
                a = t[(int)(s1 >> 24)]; b = t[(int)(s2 >> 16) & 0xFF]; c = t[(int)(s3 >> 8) & 0xFF]; d = t[(int)s0 & 0xFF];
                uint n1 = a ^ ((b >> 8) | (b << 24)) ^ ((c >> 16) | (c << 16)) ^ ((d >> 24) | (d << 8)) ^ k[r + 1];
                a = t[(int)(s2 >> 24)]; b = t[(int)(s3 >> 16) & 0xFF]; c = t[(int)(s0 >> 8) & 0xFF]; d = t[(int)s1 & 0xFF];
                uint n2 = a ^ ((b >> 8) | (b << 24)) ^ ((c >> 16) | (c << 16)) ^ ((d >> 24) | (d << 8)) ^ k[r + 2];
                a = t[(int)(s3 >> 24)]; b = t[(int)(s0 >> 16) & 0xFF]; c = t[(int)(s1 >> 8) & 0xFF]; d = t[(int)s2 & 0xFF];
                uint n3 = a ^ ((b >> 8) | (b << 24)) ^ ((c >> 16) | (c << 16)) ^ ((d >> 24) | (d << 8)) ^ k[r + 3];
                s0 = n0; s1 = n1; s2 = n2; s3 = n3;
            }

            // Final round: SubBytes + ShiftRows only. S[x] sits in bits 16..23 and 8..15 of T0[x].
            uint f0 = ((t[(int)(s0 >> 24)] << 8) & 0xFF000000) | (t[(int)(s1 >> 16) & 0xFF] & 0x00FF0000)
                | (t[(int)(s2 >> 8) & 0xFF] & 0x0000FF00) | ((t[(int)s3 & 0xFF] >> 8) & 0xFF);
            uint f1 = ((t[(int)(s1 >> 24)] << 8) & 0xFF000000) | (t[(int)(s2 >> 16) & 0xFF] & 0x00FF0000)
                | (t[(int)(s3 >> 8) & 0xFF] & 0x0000FF00) | ((t[(int)s0 & 0xFF] >> 8) & 0xFF);
            uint f2 = ((t[(int)(s2 >> 24)] << 8) & 0xFF000000) | (t[(int)(s3 >> 16) & 0xFF] & 0x00FF0000)
                | (t[(int)(s0 >> 8) & 0xFF] & 0x0000FF00) | ((t[(int)s1 & 0xFF] >> 8) & 0xFF);
            uint f3 = ((t[(int)(s3 >> 24)] << 8) & 0xFF000000) | (t[(int)(s0 >> 16) & 0xFF] & 0x00FF0000)
                | (t[(int)(s1 >> 8) & 0xFF] & 0x0000FF00) | ((t[(int)s2 & 0xFF] >> 8) & 0xFF);
            f0 ^= k[40]; f1 ^= k[41]; f2 ^= k[42]; f3 ^= k[43];

            o = outputOffset;
            output[o] = (byte)(f0 >> 24); output[o + 1] = (byte)(f0 >> 16); output[o + 2] = (byte)(f0 >> 8); output[o + 3] = (byte)f0;
            output[o + 4] = (byte)(f1 >> 24); output[o + 5] = (byte)(f1 >> 16); output[o + 6] = (byte)(f1 >> 8); output[o + 7] = (byte)f1;
            output[o + 8] = (byte)(f2 >> 24); output[o + 9] = (byte)(f2 >> 16); output[o + 10] = (byte)(f2 >> 8); output[o + 11] = (byte)f2;
            output[o + 12] = (byte)(f3 >> 24); output[o + 13] = (byte)(f3 >> 16); output[o + 14] = (byte)(f3 >> 8); output[o + 15] = (byte)f3;
        }

        /// <summary>Erases the round keys; EncryptBlock throws until SetKey is called again.</summary>
        public void Clear()
        {
            Array.Clear(_roundKeys, 0, RoundKeyWords);
            _keySet = false;
        }

        /// <summary>Multiplication by x in GF(2^8) mod x^8+x^4+x^3+x+1, branch-free.</summary>
        private static uint XTime(uint v)
        {
            return ((v << 1) ^ (0x1B & (0u - (v >> 7)))) & 0xFF;
        }

        /// <summary>Product in GF(2^8), branch-free (used only to build the table).</summary>
        private static uint GfMul(uint a, uint b)
        {
            uint p = 0;
            for (int i = 0; i < 8; i++)
            {
                p ^= a & (0u - (b & 1));
                a = XTime(a);
                b >>= 1;
            }
            return p;
        }

        /// <summary>
        /// Computes T0 once per boot instead of storing 1 KB of constants in the assembly: walks the multiplicative group
        /// with generator 3 (p = 3^i) while q = 3^-i = p^-1, so S[p] = affine(q); S[0] = affine(0) = 0x63.
        /// </summary>
        private static uint[] BuildTable()
        {
            uint[] t = new uint[256];
            t[0] = Entry(0x63);
            uint p = 1, q = 1;
            do
            {
                p = p ^ XTime(p);        // p *= 3
                q = GfMul(q, 0xF6);      // q *= 3^-1 (0xF6 · 0x03 = 1)
                uint s = q ^ Rotl8(q, 1) ^ Rotl8(q, 2) ^ Rotl8(q, 3) ^ Rotl8(q, 4) ^ 0x63;
                t[p] = Entry(s);
            } while (p != 1);
            return t;
        }

        private static uint Rotl8(uint v, int n)
        {
            return ((v << n) | (v >> (8 - n))) & 0xFF;
        }

        private static uint Entry(uint s)
        {
            uint s2 = XTime(s);
            return (s2 << 24) | (s << 16) | (s << 8) | (s2 ^ s);
        }
    }
}

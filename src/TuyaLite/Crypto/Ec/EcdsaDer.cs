using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// ECDSA signatures in DER: SEQUENCE { INTEGER r, INTEGER s } (RFC 3279), for P-256 (r, s below 2^256).
    /// Decoding is strict: BER variants (long-form or indefinite lengths, leading zero bytes beyond the one a set top
    /// bit requires), negative integers, wrong tags and trailing bytes are all rejected. Range checks of r and s
    /// against n are the verifier's.
    /// </summary>
    internal static class EcdsaDer
    {
        /// <summary>Smallest valid encoding: 30 06 02 01 rr 02 01 ss.</summary>
        private const int MinSize = 8;

        /// <summary>Writes the DER of r || s (32 + 32 big-endian bytes); returns its length (at most 72).</summary>
        public static int Encode(byte[] rs, int rsOffset, byte[] output, int offset)
        {
            int rLength = IntegerLength(rs, rsOffset), sLength = IntegerLength(rs, rsOffset + 32);
            int body = 2 + rLength + 2 + sLength;                   // at most 70: the short length form always fits
            output[offset] = 0x30;
            output[offset + 1] = (byte)body;
            int o = WriteInteger(rs, rsOffset, rLength, output, offset + 2);
            WriteInteger(rs, rsOffset + 32, sLength, output, o);
            return 2 + body;
        }

        /// <summary>Length Encode will write for r || s.</summary>
        public static int EncodedLength(byte[] rs, int rsOffset)
        {
            return 6 + IntegerLength(rs, rsOffset) + IntegerLength(rs, rsOffset + 32);
        }

        /// <summary>Reads a strict-DER signature into r || s (64 bytes); false on any deviation.</summary>
        public static bool Decode(byte[] signature, int offset, int count, byte[] rs, int rsOffset)
        {
            if (count < MinSize || count > P256.MaxDerSignatureSize) return false;
            if (signature[offset] != 0x30) return false;
            // short-form length covering exactly the rest: rejects long forms (first byte >= 0x80) and trailing bytes
            if (signature[offset + 1] != count - 2) return false;
            int end = offset + count;
            int o = ReadInteger(signature, offset + 2, end, rs, rsOffset);
            if (o < 0) return false;
            o = ReadInteger(signature, o, end, rs, rsOffset + 32);
            return o == end;
        }

        /// <summary>Content length of the minimal INTEGER of an unsigned 32-byte value.</summary>
        private static int IntegerLength(byte[] v, int offset)
        {
            int skip = 0;
            while (skip < 31 && v[offset + skip] == 0) skip++;
            return 32 - skip + (v[offset + skip] >= 0x80 ? 1 : 0);
        }

        private static int WriteInteger(byte[] v, int offset, int length, byte[] output, int o)
        {
            output[o++] = 0x02;
            output[o++] = (byte)length;
            if (length == 33) { output[o++] = 0; length = 32; }
            Array.Copy(v, offset + 32 - length, output, o, length);
            return o + length;
        }

        /// <summary>Reads one INTEGER into 32 right-aligned bytes; returns the offset after it or -1.</summary>
        private static int ReadInteger(byte[] b, int o, int end, byte[] value, int valueOffset)
        {
            if (end - o < 3 || b[o] != 0x02) return -1;
            int length = b[o + 1];
            if (length == 0 || length > 33 || length > end - o - 2) return -1;  // also rejects long-form lengths
            int c = o + 2, next = c + length;
            if ((b[c] & 0x80) != 0) return -1;                                  // negative
            if (b[c] == 0 && length > 1)
            {
                if ((b[c + 1] & 0x80) == 0) return -1;                          // padding a positive value needs none
                c++;
                length--;
            }
            if (length > 32) return -1;
            Array.Clear(value, valueOffset, 32);
            Array.Copy(b, c, value, valueOffset + 32 - length, length);
            return next;
        }
    }
}

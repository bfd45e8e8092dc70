using System;

namespace TuyaLite.Platform
{
    /// <summary>
    /// The one home of byte helpers: big-endian reads/writes, hex, ASCII, constant-time comparison, wiping.
    /// Everything works on byte[] + offset + count and allocates only where a new array or string is the result.
    /// </summary>
    public static class Bytes
    {
        public static ushort ReadUInt16BE(byte[] b, int o) { return (ushort)((b[o] << 8) | b[o + 1]); }

        public static int ReadUInt24BE(byte[] b, int o) { return (b[o] << 16) | (b[o + 1] << 8) | b[o + 2]; }

        public static uint ReadUInt32BE(byte[] b, int o)
        {
            return ((uint)b[o] << 24) | ((uint)b[o + 1] << 16) | ((uint)b[o + 2] << 8) | b[o + 3];
        }

        public static ulong ReadUInt64BE(byte[] b, int o)
        {
            return ((ulong)ReadUInt32BE(b, o) << 32) | ReadUInt32BE(b, o + 4);
        }

        public static void WriteUInt16BE(byte[] b, int o, int v) { b[o] = (byte)(v >> 8); b[o + 1] = (byte)v; }

        public static void WriteUInt24BE(byte[] b, int o, int v)
        {
            b[o] = (byte)(v >> 16); b[o + 1] = (byte)(v >> 8); b[o + 2] = (byte)v;
        }

        public static void WriteUInt32BE(byte[] b, int o, uint v)
        {
            b[o] = (byte)(v >> 24); b[o + 1] = (byte)(v >> 16); b[o + 2] = (byte)(v >> 8); b[o + 3] = (byte)v;
        }

        public static void WriteUInt64BE(byte[] b, int o, ulong v)
        {
            WriteUInt32BE(b, o, (uint)(v >> 32)); WriteUInt32BE(b, o + 4, (uint)v);
        }

        /// <summary>Constant-time equality of two ranges of the same length (time depends on length only).</summary>
        public static bool ConstantTimeEquals(byte[] a, int aOff, byte[] b, int bOff, int count)
        {
            int diff = 0;
            for (int i = 0; i < count; i++) diff |= a[aOff + i] ^ b[bOff + i];
            return diff == 0;
        }

        /// <summary>Zeroes a range (keys, secrets, plaintext of a failed decryption).</summary>
        public static void Wipe(byte[] b, int offset, int count)
        {
            if (b != null) Array.Clear(b, offset, count);
        }

        public static void Wipe(byte[] b)
        {
            if (b != null) Array.Clear(b, 0, b.Length);
        }

        private const string HexDigitsLower = "0123456789abcdef";
        private const string HexDigitsUpper = "0123456789ABCDEF";

        public static string ToHex(byte[] b) { return ToHex(b, 0, b.Length, false); }

        public static string ToHex(byte[] b, int offset, int count, bool upperCase)
        {
            string digits = upperCase ? HexDigitsUpper : HexDigitsLower;
            char[] c = new char[count * 2];
            for (int i = 0; i < count; i++)
            {
                int v = b[offset + i];
                c[2 * i] = digits[v >> 4];
                c[2 * i + 1] = digits[v & 15];
            }
            return new string(c);
        }

        /// <summary>Parses hex (either case, even length); throws FormatException on anything else.</summary>
        public static byte[] FromHex(string hex)
        {
            if (hex == null || (hex.Length & 1) != 0) throw new FormatException("hex string must have even length");
            byte[] r = new byte[hex.Length / 2];
            for (int i = 0; i < r.Length; i++)
                r[i] = (byte)((HexValue(hex[2 * i]) << 4) | HexValue(hex[2 * i + 1]));
            return r;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            throw new FormatException("not a hex digit");
        }

        /// <summary>ASCII bytes of a string (no Encoding class on the device). Non-ASCII characters throw.</summary>
        public static byte[] FromAscii(string s)
        {
            byte[] r = new byte[s.Length];
            WriteAscii(s, r, 0);
            return r;
        }

        /// <summary>Writes the ASCII bytes of s at offset; returns the count written.</summary>
        public static int WriteAscii(string s, byte[] b, int offset)
        {
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c > 127) throw new ArgumentException("non-ASCII character");
                b[offset + i] = (byte)c;
            }
            return s.Length;
        }

        /// <summary>String of ASCII bytes; bytes above 127 throw.</summary>
        public static string ToAscii(byte[] b, int offset, int count)
        {
            char[] c = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte v = b[offset + i];
                if (v > 127) throw new FormatException("non-ASCII byte");
                c[i] = (char)v;
            }
            return new string(c);
        }

        /// <summary>A new array holding a copy of the range.</summary>
        public static byte[] Slice(byte[] b, int offset, int count)
        {
            byte[] r = new byte[count];
            Array.Copy(b, offset, r, 0, count);
            return r;
        }

        /// <summary>Equality of two ranges of possibly different lengths (false when the lengths differ; for equal
        /// lengths the time depends on the length only, as <see cref="ConstantTimeEquals"/>).</summary>
        public static bool RangeEquals(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength)
        {
            return aLength == bLength && ConstantTimeEquals(a, aOffset, b, bOffset, aLength);
        }

        /// <summary>Throws ArgumentNullException / ArgumentOutOfRangeException (named name) unless [offset, offset + count) lies in b.</summary>
        public static void CheckRange(byte[] b, int offset, int count, string name)
        {
            if (b == null) throw new ArgumentNullException(name);
            if (offset < 0 || count < 0 || offset > b.Length - count) throw new ArgumentOutOfRangeException(name);
        }

        /// <summary>CheckRange for optional data: a null array is allowed when count is 0.</summary>
        public static void CheckOptionalRange(byte[] b, int offset, int count, string name)
        {
            if (b != null || count != 0) CheckRange(b, offset, count, name);
        }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Tls
{
    /// <summary>Test-side builder of wire bytes (messages, records) with length-prefixed vectors closed by End().</summary>
    public sealed class ByteBuilder
    {
        private byte[] buf = new byte[256];
        private int pos;
        private readonly int[] marks = new int[16];
        private readonly int[] widths = new int[16];
        private int depth;

        public int Length { get { return pos; } }

        public ByteBuilder U8(int v) { Grow(1); buf[pos++] = (byte)v; return this; }

        public ByteBuilder U16(int v) { Grow(2); Bytes.WriteUInt16BE(buf, pos, v); pos += 2; return this; }

        public ByteBuilder U24(int v) { Grow(3); Bytes.WriteUInt24BE(buf, pos, v); pos += 3; return this; }

        public ByteBuilder U32(uint v) { Grow(4); Bytes.WriteUInt32BE(buf, pos, v); pos += 4; return this; }

        public ByteBuilder Raw(byte[] b) { return Raw(b, 0, b.Length); }

        public ByteBuilder Raw(byte[] b, int offset, int count)
        {
            Grow(count);
            Array.Copy(b, offset, buf, pos, count);
            pos += count;
            return this;
        }

        public ByteBuilder Hex(string hex) { return Raw(Bytes.FromHex(hex)); }

        public ByteBuilder Fill(int count, int value)
        {
            Grow(count);
            for (int i = 0; i < count; i++) buf[pos++] = (byte)value;
            return this;
        }

        /// <summary>Opens a vector with a width-byte length prefix (1, 2 or 3).</summary>
        public ByteBuilder Begin(int width)
        {
            marks[depth] = pos;
            widths[depth] = width;
            depth++;
            Grow(width);
            pos += width;
            return this;
        }

        public ByteBuilder End()
        {
            depth--;
            int at = marks[depth];
            int length = pos - at - widths[depth];
            if (widths[depth] == 1) buf[at] = (byte)length;
            else if (widths[depth] == 2) Bytes.WriteUInt16BE(buf, at, length);
            else Bytes.WriteUInt24BE(buf, at, length);
            return this;
        }

        /// <summary>Starts a handshake message (type + 24-bit length, closed by End()).</summary>
        public ByteBuilder Message(int type) { return U8(type).Begin(3); }

        public byte[] ToArray() { return Bytes.Slice(buf, 0, pos); }

        private void Grow(int n)
        {
            if (pos + n <= buf.Length) return;
            int size = buf.Length * 2;
            while (size < pos + n) size *= 2;
            byte[] b = new byte[size];
            Array.Copy(buf, 0, b, 0, pos);
            buf = b;
        }
    }
}

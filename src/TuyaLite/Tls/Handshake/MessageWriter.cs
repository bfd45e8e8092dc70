using System;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// Builds one handshake message in a fixed buffer: header, fields, and vectors whose length prefixes are filled in
    /// when they are closed. Running past the buffer throws (the caller sized it from the options).
    /// </summary>
    internal sealed class MessageWriter
    {
        private byte[] buf;
        private int pos;
        private int limit;

        public void Reset(byte[] buffer)
        {
            buf = buffer;
            pos = 0;
            limit = buffer.Length;
        }

        public byte[] Buffer { get { return buf; } }

        public int Length { get { return pos; } }

        /// <summary>Writes the 4-byte handshake header with a placeholder length; close it with <see cref="EndMessage"/>.</summary>
        public void BeginMessage(int type)
        {
            pos = 0;
            U8(type);
            U24(0);
        }

        /// <summary>Fills in the body length of the message begun with <see cref="BeginMessage"/>; returns the total size.</summary>
        public int EndMessage()
        {
            Bytes.WriteUInt24BE(buf, 1, pos - TlsConstants.HandshakeHeaderSize);
            return pos;
        }

        public void U8(int v) { Need(1); buf[pos++] = (byte)v; }

        public void U16(int v) { Need(2); Bytes.WriteUInt16BE(buf, pos, v); pos += 2; }

        public void U24(int v) { Need(3); Bytes.WriteUInt24BE(buf, pos, v); pos += 3; }

        public void Write(byte[] src, int offset, int count)
        {
            Need(count);
            Array.Copy(src, offset, buf, pos, count);
            pos += count;
        }

        /// <summary>Reserves count bytes (filled in place by the caller) and returns their offset.</summary>
        public int Reserve(int count)
        {
            Need(count);
            int start = pos;
            pos += count;
            return start;
        }

        /// <summary>Moves the end back to position (after reserving more than was written).</summary>
        public void Truncate(int position)
        {
            if (position < 0 || position > pos) throw new ArgumentOutOfRangeException("position");
            pos = position;
        }

        /// <summary>Opens a vector with a prefix of prefixBytes (1, 2 or 3); returns a mark for <see cref="EndVector"/>.</summary>
        public int BeginVector(int prefixBytes)
        {
            Need(prefixBytes);
            int mark = pos;
            pos += prefixBytes;
            return mark | (prefixBytes << 24);
        }

        public void EndVector(int mark)
        {
            int prefixBytes = mark >> 24;
            int at = mark & 0xFFFFFF;
            int length = pos - at - prefixBytes;
            if (prefixBytes == 1)
            {
                if (length > 0xFF) throw new InvalidOperationException("vector too long");
                buf[at] = (byte)length;
            }
            else if (prefixBytes == 2)
            {
                if (length > 0xFFFF) throw new InvalidOperationException("vector too long");
                Bytes.WriteUInt16BE(buf, at, length);
            }
            else Bytes.WriteUInt24BE(buf, at, length);
        }

        private void Need(int count)
        {
            if (pos + count > limit) throw new TlsPolicyException(TlsAlert.InternalError, "outgoing handshake message exceeds MaxHandshakeMessageSize");
        }
    }
}

using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// A bounds-checked cursor over one handshake message body. Every read that would pass the end throws a
    /// decode_error, so a parser written with it cannot run past a length field.
    /// </summary>
    internal sealed class MessageReader
    {
        private byte[] buf;
        private int pos;
        private int end;
        private string what;

        /// <summary>Starts reading buf[offset .. offset + count); <paramref name="name"/> names the message in errors.</summary>
        public void Reset(byte[] buffer, int offset, int count, string name)
        {
            buf = buffer;
            pos = offset;
            end = offset + count;
            what = name;
        }

        public byte[] Buffer { get { return buf; } }

        public int Position { get { return pos; } }

        public int Remaining { get { return end - pos; } }

        public int U8()
        {
            Need(1);
            return buf[pos++];
        }

        public int U16()
        {
            Need(2);
            int v = Bytes.ReadUInt16BE(buf, pos);
            pos += 2;
            return v;
        }

        public int U24()
        {
            Need(3);
            int v = Bytes.ReadUInt24BE(buf, pos);
            pos += 3;
            return v;
        }

        public uint U32()
        {
            Need(4);
            uint v = Bytes.ReadUInt32BE(buf, pos);
            pos += 4;
            return v;
        }

        /// <summary>Skips count bytes and returns the offset where they start.</summary>
        public int Skip(int count)
        {
            Need(count);
            int start = pos;
            pos += count;
            return start;
        }

        /// <summary>Reads an 8-bit length prefix and checks that many bytes follow; returns the length.</summary>
        public int Vector8() { int n = U8(); Need(n); return n; }

        /// <summary>Reads a 16-bit length prefix and checks that many bytes follow; returns the length.</summary>
        public int Vector16() { int n = U16(); Need(n); return n; }

        /// <summary>Reads a 24-bit length prefix and checks that many bytes follow; returns the length.</summary>
        public int Vector24() { int n = U24(); Need(n); return n; }

        /// <summary>The body must be fully consumed.</summary>
        public void ExpectEnd()
        {
            if (pos != end) throw Fail("trailing bytes");
        }

        public TlsProtocolException Fail(string reason)
        {
            return new TlsProtocolException(TlsAlert.DecodeError, "malformed " + what + ": " + reason);
        }

        private void Need(int count)
        {
            if (count < 0 || count > end - pos) throw Fail("length field runs past the end");
        }
    }
}

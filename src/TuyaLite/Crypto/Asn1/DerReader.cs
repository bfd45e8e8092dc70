using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// A strict DER cursor over buffer[offset, offset + count). It reads one element at a time and hands out ranges into
    /// the caller's buffer; it never copies. It is a struct, so entering a constructed element (<see cref="ReadConstructed"/>)
    /// makes a child cursor without allocating. Anything that is not DER throws <see cref="DerException"/>: indefinite,
    /// non-minimal or over-long lengths, high tag numbers, truncation, non-minimal INTEGERs, BOOLEANs other than 00/FF,
    /// non-zero unused bits, times without seconds or without Z.
    /// Not a general ASN.1 library: X.509 and ECDSA signatures need nothing more.
    /// </summary>
    public struct DerReader
    {
        /// <summary>Times after this (e.g. GeneralizedTime 99991231235959Z, "no expiry") read as this instant:
        /// nanoFramework's DateTime ends on 3000-12-31, and host and device must agree.</summary>
        public static readonly DateTime LatestTime = new DateTime(3000, 12, 31, 23, 59, 59);

        /// <summary>Times before this read as this instant (nanoFramework's DateTime starts on 1601-01-01).</summary>
        public static readonly DateTime EarliestTime = new DateTime(1601, 1, 1, 0, 0, 0);

        private readonly byte[] _buffer;
        private readonly int _end;
        private int _position;
        private int _lastElementOffset;

        public DerReader(byte[] buffer, int offset, int count)
        {
            Bytes.CheckRange(buffer, offset, count, "buffer");
            _buffer = buffer;
            _position = offset;
            _end = offset + count;
            _lastElementOffset = offset;
        }

        public byte[] Buffer { get { return _buffer; } }
        public int Position { get { return _position; } }
        public int End { get { return _end; } }
        public int Remaining { get { return _end - _position; } }
        public bool IsEmpty { get { return _position >= _end; } }

        /// <summary>Offset of the tag byte of the element read last; with <see cref="LastElementLength"/>, its whole TLV.</summary>
        public int LastElementOffset { get { return _lastElementOffset; } }

        /// <summary>Length of the whole TLV of the element read last (valid right after a read).</summary>
        public int LastElementLength { get { return _position - _lastElementOffset; } }

        /// <summary>Tag byte of the next element, or -1 at the end.</summary>
        public int PeekTag() { return _position < _end ? _buffer[_position] : -1; }

        /// <summary>Reads the next element's header, moves past the whole element, returns its tag.</summary>
        public int ReadAny(out int contentOffset, out int contentLength)
        {
            byte[] b = _buffer;
            int end = _end;
            int p = _position;
            if (p >= end) throw new DerException("unexpected end of data");
            int tag = b[p++];
            if ((tag & 0x1F) == 0x1F) throw new DerException("high tag numbers are not supported");
            if (tag == 0) throw new DerException("end-of-contents octets are not DER");
            if (p >= end) throw new DerException("truncated length");
            int first = b[p++];
            int length;
            if (first < 0x80)
            {
                length = first;
            }
            else
            {
                int n = first & 0x7F;
                if (n == 0) throw new DerException("indefinite length is not DER");
                if (n > 3) throw new DerException("length over 16 MB");
                if (n > end - p) throw new DerException("truncated length");
                if (b[p] == 0) throw new DerException("non-minimal length");
                length = 0;
                for (int i = 0; i < n; i++) length = (length << 8) | b[p++];
                if (length < 0x80) throw new DerException("non-minimal length");
            }
            if (length > end - p) throw new DerException("truncated element");
            _lastElementOffset = _position;
            _position = p + length;
            contentOffset = p;
            contentLength = length;
            return tag;
        }

        /// <summary>Reads the next element, which must have tag expectedTag.</summary>
        public void Read(int expectedTag, out int contentOffset, out int contentLength)
        {
            int tag = PeekTag();
            if (tag != expectedTag)
                throw new DerException(tag < 0 ? "missing element with tag 0x" + Hex2(expectedTag)
                    : "tag 0x" + Hex2(tag) + " where 0x" + Hex2(expectedTag) + " was expected");
            ReadAny(out contentOffset, out contentLength);
        }

        /// <summary>Enters the next element (tag expectedTag): a cursor over its content; this cursor moves past it.</summary>
        public DerReader ReadConstructed(int expectedTag)
        {
            int offset, length;
            Read(expectedTag, out offset, out length);
            return new DerReader(_buffer, offset, length);
        }

        public DerReader ReadSequence() { return ReadConstructed(DerTag.Sequence); }

        /// <summary>Skips the next element (any tag); returns its tag.</summary>
        public int Skip()
        {
            int offset, length;
            return ReadAny(out offset, out length);
        }

        /// <summary>Throws unless every byte of this cursor's range has been read.</summary>
        public void ExpectEnd()
        {
            if (_position != _end) throw new DerException("unexpected data after the last element");
        }

        /// <summary>BOOLEAN: exactly one content byte, 0x00 or 0xFF (DER).</summary>
        public bool ReadBoolean()
        {
            int offset, length;
            Read(DerTag.Boolean, out offset, out length);
            if (length != 1) throw new DerException("BOOLEAN must have one content byte");
            int v = _buffer[offset];
            if (v == 0x00) return false;
            if (v == 0xFF) return true;
            throw new DerException("BOOLEAN must be 0x00 or 0xFF");
        }

        /// <summary>NULL: no content.</summary>
        public void ReadNull()
        {
            int offset, length;
            Read(DerTag.Null, out offset, out length);
            if (length != 0) throw new DerException("NULL must be empty");
        }

        /// <summary>INTEGER in two's complement, minimally encoded; gives its content range (sign byte included).</summary>
        public void ReadInteger(out int contentOffset, out int contentLength)
        {
            Read(DerTag.Integer, out contentOffset, out contentLength);
            if (contentLength == 0) throw new DerException("empty INTEGER");
            if (contentLength > 1)
            {
                int b0 = _buffer[contentOffset], b1 = _buffer[contentOffset + 1];
                if ((b0 == 0x00 && b1 < 0x80) || (b0 == 0xFF && b1 >= 0x80))
                    throw new DerException("non-minimal INTEGER");
            }
        }

        /// <summary>A non-negative INTEGER that fits in an int (path lengths, versions).</summary>
        public int ReadSmallNonNegativeInteger()
        {
            int offset, length;
            ReadInteger(out offset, out length);
            byte[] b = _buffer;
            if ((b[offset] & 0x80) != 0) throw new DerException("negative INTEGER");
            if (length > 4) throw new DerException("INTEGER too large");
            int v = 0;
            for (int i = 0; i < length; i++) v = (v << 8) | b[offset + i];
            return v;
        }

        /// <summary>OBJECT IDENTIFIER: gives the content range after checking every sub-identifier is minimal and complete.</summary>
        public void ReadOid(out int contentOffset, out int contentLength)
        {
            Read(DerTag.Oid, out contentOffset, out contentLength);
            if (contentLength == 0) throw new DerException("empty OBJECT IDENTIFIER");
            byte[] b = _buffer;
            bool atStart = true;
            int end = contentOffset + contentLength;
            for (int i = contentOffset; i < end; i++)
            {
                int v = b[i];
                if (atStart && v == 0x80) throw new DerException("non-minimal OBJECT IDENTIFIER component");
                atStart = (v & 0x80) == 0;
            }
            if (!atStart) throw new DerException("truncated OBJECT IDENTIFIER");
        }

        /// <summary>Reads an OBJECT IDENTIFIER and tells whether its content equals oid.</summary>
        public bool ReadOidEquals(byte[] oid)
        {
            int offset, length;
            ReadOid(out offset, out length);
            return ContentEquals(_buffer, offset, length, oid);
        }

        /// <summary>Byte equality of a content range with a constant (public data: not constant-time).</summary>
        public static bool ContentEquals(byte[] buffer, int offset, int length, byte[] expected)
        {
            if (length != expected.Length) return false;
            for (int i = 0; i < length; i++)
                if (buffer[offset + i] != expected[i]) return false;
            return true;
        }

        /// <summary>BIT STRING: returns the unused-bit count (0..7) and the range of the bit bytes (after the count byte).
        /// The unused bits must be zero (DER).</summary>
        public int ReadBitString(out int bitsOffset, out int bitsLength)
        {
            int offset, length;
            Read(DerTag.BitString, out offset, out length);
            if (length == 0) throw new DerException("BIT STRING without unused-bits byte");
            byte[] b = _buffer;
            int unused = b[offset];
            if (unused > 7) throw new DerException("BIT STRING unused-bit count over 7");
            if (length == 1 && unused != 0) throw new DerException("empty BIT STRING with unused bits");
            if (unused != 0 && (b[offset + length - 1] & ((1 << unused) - 1)) != 0)
                throw new DerException("BIT STRING unused bits are not zero");
            bitsOffset = offset + 1;
            bitsLength = length - 1;
            return unused;
        }

        public void ReadOctetString(out int contentOffset, out int contentLength)
        {
            Read(DerTag.OctetString, out contentOffset, out contentLength);
        }

        /// <summary>
        /// UTCTime (YYMMDDHHMMSSZ, 1950-2049) or GeneralizedTime (YYYYMMDDHHMMSSZ): seconds and Z mandatory, no fractions,
        /// no offsets (RFC 5280 4.1.2.5). Years outside 1601..3000 clamp to <see cref="EarliestTime"/>/<see cref="LatestTime"/>.
        /// </summary>
        public DateTime ReadTime()
        {
            int tag = PeekTag();
            int offset, length, year, p;
            byte[] b = _buffer;
            if (tag == DerTag.UtcTime)
            {
                Read(DerTag.UtcTime, out offset, out length);
                if (length != 13) throw new DerException("UTCTime must be YYMMDDHHMMSSZ");
                year = TwoDigits(b, offset);
                year += year >= 50 ? 1900 : 2000;
                p = offset + 2;
            }
            else if (tag == DerTag.GeneralizedTime)
            {
                Read(DerTag.GeneralizedTime, out offset, out length);
                if (length != 15) throw new DerException("GeneralizedTime must be YYYYMMDDHHMMSSZ");
                year = TwoDigits(b, offset) * 100 + TwoDigits(b, offset + 2);
                p = offset + 4;
            }
            else
            {
                throw new DerException("expected UTCTime or GeneralizedTime");
            }
            int month = TwoDigits(b, p);
            int day = TwoDigits(b, p + 2);
            int hour = TwoDigits(b, p + 4);
            int minute = TwoDigits(b, p + 6);
            int second = TwoDigits(b, p + 8);
            if (b[p + 10] != (byte)'Z') throw new DerException("time must end in Z");
            if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
                throw new DerException("time out of range");
            if (year > 3000) return LatestTime;
            if (year < 1601) return EarliestTime;
            return new DateTime(year, month, day, hour, minute, second);
        }

        private static int TwoDigits(byte[] b, int o)
        {
            int hi = b[o] - '0', lo = b[o + 1] - '0';
            if (hi < 0 || hi > 9 || lo < 0 || lo > 9) throw new DerException("non-digit in time");
            return hi * 10 + lo;
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
                return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
        }

        private static string Hex2(int v)
        {
            const string digits = "0123456789abcdef";
            return new string(new char[] { digits[(v >> 4) & 15], digits[v & 15] });
        }
    }
}

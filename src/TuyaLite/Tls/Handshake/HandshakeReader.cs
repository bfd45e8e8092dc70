using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// Reassembles handshake messages from handshake records into one bounded buffer (RFC 5246 section 6.2.1: messages
    /// may span records and records may hold several messages). A message larger than the buffer is refused before
    /// any of its body is read. Between messages it also delivers ChangeCipherSpec, applies the alert policy, and
    /// skips HelloRequest (RFC 5246 section 7.4.1.1: ignored while negotiating).
    /// </summary>
    internal sealed class HandshakeReader
    {
        /// <summary>Returned by <see cref="Next"/> when a ChangeCipherSpec record arrived between messages.</summary>
        public const int ChangeCipherSpec = -1;

        private readonly RecordLayer records;
        private readonly byte[] buf;
        private readonly int maxEmpty;
        private int type;
        private int length;

        public HandshakeReader(RecordLayer records, byte[] buffer, int maxConsecutiveEmptyRecords)
        {
            this.records = records;
            buf = buffer;
            maxEmpty = maxConsecutiveEmptyRecords;
        }

        /// <summary>The message: header at 0, body at 4.</summary>
        public byte[] Buffer { get { return buf; } }

        /// <summary>Body length of the current message.</summary>
        public int Length { get { return length; } }

        /// <summary>Header plus body.</summary>
        public int TotalLength { get { return TlsConstants.HandshakeHeaderSize + length; } }

        /// <summary>Reads the next handshake message (returns its type) or a ChangeCipherSpec (returns -1).</summary>
        public int Next()
        {
            int ignored = 0;
            while (true)
            {
                if (!Pull(0, TlsConstants.HandshakeHeaderSize, true)) return ChangeCipherSpec;
                type = buf[0];
                length = Bytes.ReadUInt24BE(buf, 1);
                if (length > buf.Length - TlsConstants.HandshakeHeaderSize)
                    throw new TlsPolicyException(TlsAlert.HandshakeFailure, TlsConstants.MessageName(type) + " of " + length
                        + " bytes exceeds MaxHandshakeMessageSize (" + (buf.Length - TlsConstants.HandshakeHeaderSize) + ")");
                Pull(TlsConstants.HandshakeHeaderSize, length, false);
                if (type != TlsConstants.HelloRequest) return type;
                if (length != 0) throw new TlsProtocolException(TlsAlert.DecodeError, "HelloRequest with a body");
                if (++ignored > maxEmpty) throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "too many HelloRequests");
            }
        }

        /// <summary>
        /// Copies count handshake bytes to buf[offset..]. Returns false only when atBoundary and a ChangeCipherSpec
        /// record comes first (the CCS is consumed and validated).
        /// </summary>
        private bool Pull(int offset, int count, bool atBoundary)
        {
            bool started = false;
            int ignored = 0;
            while (count > 0)
            {
                if (records.Remaining == 0 || records.CurrentType != TlsConstants.ContentHandshake)
                {
                    int t = records.NextRecord();
                    if (t == TlsConstants.ContentHandshake) continue;
                    if (t == TlsConstants.ContentAlert)
                    {
                        HandleAlert(records.ReadAlert());
                        if (++ignored > maxEmpty) throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "too many warning alerts");
                        continue;
                    }
                    if (t == TlsConstants.ContentChangeCipherSpec)
                    {
                        if (!atBoundary || started)
                            throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "ChangeCipherSpec inside a handshake message");
                        records.ReadChangeCipherSpec();
                        return false;
                    }
                    throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "application data during the handshake");
                }
                int n = records.ReadData(buf, offset, count);
                offset += n;
                count -= n;
                started = true;
            }
            return true;
        }

        /// <summary>Applies <see cref="AlertPolicy"/> during a handshake: anything but an ignorable warning ends it.</summary>
        public static void HandleAlert(int alert)
        {
            int level = alert >> 8;
            int description = alert & 0xFF;
            if (AlertPolicy.Classify(level, description) != AlertPolicy.Ignore) throw new TlsAlertException(description);
        }
    }
}

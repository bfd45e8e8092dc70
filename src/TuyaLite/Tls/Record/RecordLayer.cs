using System;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The TLS 1.2 record layer (RFC 5246 section 6) over an <see cref="ITransport"/>, with two fixed buffers sized from
    /// the fragment length: one incoming record (header + explicit nonce + plaintext limit + tag) and one outgoing record.
    /// Protected records are decrypted in place; outgoing plaintext is written straight into the output buffer and
    /// sealed in place. No allocation per record.
    ///
    /// Reads survive a read timeout: the bytes of a partly received record are kept and the next call continues.
    /// Before keys are active, a plaintext record larger than the input buffer (a server that has not yet answered Max
    /// Fragment Length) is not buffered but streamed to the reader in pieces, so a small buffer can still read the
    /// server's first flight and the ServerHello can then be judged.
    /// </summary>
    internal sealed class RecordLayer
    {
        private readonly ITransport transport;
        private readonly int maxOverhead;
        private readonly int sendLimit;
        private byte[] inBuf;
        private readonly byte[] outBuf;

        private int inFill;            // bytes of the record being received (header + body) so far
        private int currentType;       // content type of the record being delivered
        private int dataOffset;        // plaintext window of the current record inside inBuf
        private int dataRemaining;
        private int streamRemaining;   // plaintext still on the wire (streamed records only)

        private CipherState readCipher;
        private CipherState writeCipher;
        private int receiveLimit = TlsConstants.MaxPlaintext;
        private bool versionLocked;

        private int outType = -1;
        private int outCount;

        private int deadlineMilliseconds;  // overall limit of the reads since StartDeadline; 0 = none
        private long deadlineElapsed;      // ticks counted against it
        private long deadlineLast;         // wall-clock ticks at the previous check
        private long deadlineMaxStep;      // most ticks one step may count (0 = no cap)

        /// <summary>Wire bytes received (record headers included).</summary>
        public long BytesReceived;
        /// <summary>Wire bytes sent (record headers included).</summary>
        public long BytesSent;

        /// <param name="receivePlaintext">plaintext limit the input buffer is sized for</param>
        /// <param name="sendPlaintext">largest plaintext fragment this side sends</param>
        /// <param name="maxOverhead">largest explicit nonce + tag of the offered suites</param>
        public RecordLayer(ITransport transport, int receivePlaintext, int sendPlaintext, int maxOverhead)
        {
            this.transport = transport;
            this.maxOverhead = maxOverhead;
            sendLimit = sendPlaintext;
            inBuf = new byte[TlsConstants.RecordHeaderSize + receivePlaintext + maxOverhead];
            outBuf = new byte[TlsConstants.RecordHeaderSize + sendPlaintext + maxOverhead];
        }

        /// <summary>Content type of the record being delivered.</summary>
        public int CurrentType { get { return currentType; } }

        /// <summary>Plaintext bytes of the current record not yet read.</summary>
        public int Remaining { get { return dataRemaining + streamRemaining; } }

        /// <summary>Bytes held in this layer's arrays and cipher states.</summary>
        public int HeldBytes
        {
            get
            {
                int n = inBuf.Length + outBuf.Length;
                if (readCipher != null) n += readCipher.HeldBytes;
                if (writeCipher != null) n += writeCipher.HeldBytes;
                return n;
            }
        }

        public int InputBufferSize { get { return inBuf.Length; } }

        public int OutputBufferSize { get { return outBuf.Length; } }

        /// <summary>
        /// Starts an overall limit for the reads that follow (the handshake): before every transport read the time
        /// spent since the start is compared with it, and TransportTimeoutException is thrown once it is used up. So a
        /// peer trickling its bytes, each within the per-read timeout, cannot hold the handshake for longer than about
        /// the limit plus one read timeout. milliseconds &lt;= 0: no limit.
        /// </summary>
        /// <param name="perReadTimeout">the transport's read timeout (ms; &lt;= 0 = none), see <see cref="CheckDeadline"/></param>
        public void StartDeadline(int milliseconds, int perReadTimeout)
        {
            deadlineMilliseconds = milliseconds > 0 ? milliseconds : 0;
            deadlineElapsed = 0;
            deadlineLast = DateTime.UtcNow.Ticks;
            deadlineMaxStep = perReadTimeout > 0 ? (perReadTimeout + DeadlineSlack) * TimeSpan.TicksPerMillisecond : 0;
        }

        public void StopDeadline() { deadlineMilliseconds = 0; }

        /// <summary>Milliseconds of work between two reads allowed on top of a read timeout in one step.</summary>
        private const int DeadlineSlack = 1000;

        /// <summary>
        /// Counts the time since the previous check against the deadline. nanoFramework has no monotonic tick count,
        /// and DateTime.UtcNow jumps when the device learns the time (possibly during a handshake): a step backwards
        /// counts as nothing, a step forwards as at most one read timeout (plus slack), which is the longest a read can
        /// really have taken.
        /// </summary>
        private void CheckDeadline()
        {
            if (deadlineMilliseconds == 0) return;
            long now = DateTime.UtcNow.Ticks;
            long step = now - deadlineLast;
            deadlineLast = now;
            if (step < 0) step = 0;
            if (deadlineMaxStep > 0 && step > deadlineMaxStep) step = deadlineMaxStep;
            deadlineElapsed += step;
            if (deadlineElapsed >= deadlineMilliseconds * TimeSpan.TicksPerMillisecond)
                throw new TransportTimeoutException("tls: handshake not completed within " + deadlineMilliseconds + " ms (HandshakeDeadline)");
        }

        /// <summary>From the ServerHello on, every record must carry version 1.2 exactly.</summary>
        public void LockVersion() { versionLocked = true; }

        /// <summary>
        /// Sets the negotiated plaintext limit for incoming records. When it exceeds what the input buffer was sized
        /// for (full-record fallback), the input buffer grows once. It is called while the ServerHello's record is
        /// being read, and that record may still hold further messages (the rest of a coalesced first flight, or a
        /// NewSessionTicket on resumption): the unread plaintext moves to the new buffer at the same offset. That is
        /// sound only before read protection (the window is plain bytes, not a ciphertext still to be opened) and with
        /// no next record partly received (its bytes would start at 0 and could overlap the window).
        /// </summary>
        public void SetReceiveLimit(int plaintextLimit)
        {
            receiveLimit = plaintextLimit;
            int needed = TlsConstants.RecordHeaderSize + plaintextLimit + maxOverhead;
            if (needed <= inBuf.Length) return;
            if (readCipher != null || inFill != 0) throw new InvalidOperationException("input buffer cannot grow here");
            byte[] grown = new byte[needed];
            if (dataRemaining > 0) Array.Copy(inBuf, dataOffset, grown, dataOffset, dataRemaining);
            Bytes.Wipe(inBuf);
            inBuf = grown;
        }

        /// <summary>Activates read protection (after the peer's ChangeCipherSpec, which ReadChangeCipherSpec accepted only
        /// as a record of exactly one byte, so nothing of it is left); the sequence starts at 0.</summary>
        public void SetReadCipher(CipherState cipher)
        {
            if (readCipher != null) readCipher.Clear();
            readCipher = cipher;
        }

        /// <summary>Activates write protection (after sending ChangeCipherSpec); pending plaintext is flushed first.</summary>
        public void SetWriteCipher(CipherState cipher)
        {
            Flush();
            if (writeCipher != null) writeCipher.Clear();
            writeCipher = cipher;
        }

        // ------------------------------------------------------------------ receiving

        /// <summary>
        /// Receives the next record header (and, unless streamed, its body, authenticated and decrypted) and returns its
        /// content type. Throws TlsProtocolException for malformed, oversized or unauthentic records, TransportException
        /// when the connection ends, TransportTimeoutException on a timeout (then call again to continue).
        /// </summary>
        public int NextRecord()
        {
            if (Remaining != 0) throw new InvalidOperationException("previous record not fully read");
            FillTo(TlsConstants.RecordHeaderSize);
            int type = inBuf[0];
            int version = Bytes.ReadUInt16BE(inBuf, 1);
            int length = Bytes.ReadUInt16BE(inBuf, 3);
            CheckHeader(type, version, length);

            if (readCipher == null && TlsConstants.RecordHeaderSize + length > inBuf.Length)
            {
                // Plaintext record larger than our buffer: deliver it piecewise straight from the transport.
                inFill = 0;
                currentType = type;
                streamRemaining = length;
                BytesReceived += TlsConstants.RecordHeaderSize + length;
                CheckEmpty(type, length);
                return type;
            }

            FillTo(TlsConstants.RecordHeaderSize + length);
            inFill = 0;
            BytesReceived += TlsConstants.RecordHeaderSize + length;
            int plain;
            if (readCipher != null)
            {
                plain = readCipher.Open(type, inBuf, TlsConstants.RecordHeaderSize, length);
                if (plain < 0) throw new TlsProtocolException(TlsAlert.BadRecordMac, "record authentication failed");
                dataOffset = TlsConstants.RecordHeaderSize + CipherState.ExplicitNonceSize;
            }
            else
            {
                plain = length;
                dataOffset = TlsConstants.RecordHeaderSize;
            }
            if (plain > receiveLimit) throw new TlsProtocolException(TlsAlert.RecordOverflow, "record plaintext exceeds the negotiated fragment length");
            CheckEmpty(type, plain);
            currentType = type;
            dataRemaining = plain;
            return type;
        }

        private void CheckHeader(int type, int version, int length)
        {
            if (type < TlsConstants.ContentChangeCipherSpec || type > TlsConstants.ContentApplicationData)
                throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "unknown record content type " + type);
            if (versionLocked ? version != TlsConstants.Version12 : (version >> 8) != 3)
                throw new TlsProtocolException(TlsAlert.ProtocolVersion, "record version 0x" + version.ToString("X4"));
            int limit = readCipher != null ? receiveLimit + readCipher.Overhead : receiveLimit;
            if (length > limit)
                throw new TlsProtocolException(TlsAlert.RecordOverflow, "record of " + length + " bytes exceeds the limit of " + limit);
        }

        private static void CheckEmpty(int type, int plaintextLength)
        {
            // RFC 5246 section 6.2.1: no zero-length fragments of handshake, alert or change_cipher_spec.
            if (plaintextLength == 0 && type != TlsConstants.ContentApplicationData)
                throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "empty record of content type " + type);
        }

        private void FillTo(int count)
        {
            while (inFill < count)
            {
                CheckDeadline();
                int n = transport.Read(inBuf, inFill, count - inFill);
                if (n <= 0)
                    throw new TransportException(inFill == 0
                        ? "tls: connection closed by the peer without close_notify"
                        : "tls: connection closed in the middle of a record (truncated record)");
                inFill += n;
            }
        }

        /// <summary>Copies up to count plaintext bytes of the current record; returns 0 when it is exhausted.</summary>
        public int ReadData(byte[] buffer, int offset, int count)
        {
            if (dataRemaining > 0)
            {
                int n = count < dataRemaining ? count : dataRemaining;
                Array.Copy(inBuf, dataOffset, buffer, offset, n);
                dataOffset += n;
                dataRemaining -= n;
                return n;
            }
            if (streamRemaining > 0)
            {
                int n = count < streamRemaining ? count : streamRemaining;
                CheckDeadline();
                int r = transport.Read(buffer, offset, n);
                if (r <= 0) throw new TransportException("tls: connection closed in the middle of a record (truncated record)");
                streamRemaining -= r;
                return r;
            }
            return 0;
        }

        /// <summary>Reads the current record as one alert: returns level &lt;&lt; 8 | description.</summary>
        public int ReadAlert()
        {
            if (currentType != TlsConstants.ContentAlert || Remaining != 2)
                throw new TlsProtocolException(TlsAlert.DecodeError, "alert record must hold exactly one alert");
            int level = ReadByte();
            int description = ReadByte();
            return (level << 8) | description;
        }

        /// <summary>Reads the current record as a ChangeCipherSpec message (exactly the byte 1).</summary>
        public void ReadChangeCipherSpec()
        {
            if (currentType != TlsConstants.ContentChangeCipherSpec || Remaining != 1 || ReadByte() != 1)
                throw new TlsProtocolException(TlsAlert.DecodeError, "malformed ChangeCipherSpec");
        }

        private int ReadByte()
        {
            if (dataRemaining > 0)
            {
                dataRemaining--;
                return inBuf[dataOffset++];
            }
            // Streamed tiny records do not happen (alerts and CCS always fit), but stay correct.
            if (ReadData(inBuf, 0, 1) != 1) throw new TlsProtocolException(TlsAlert.DecodeError, "record underrun");
            return inBuf[0];
        }

        /// <summary>Drops what is left of the current record.</summary>
        public void SkipRecord()
        {
            dataRemaining = 0;
            while (streamRemaining > 0) ReadData(inBuf, 0, streamRemaining < inBuf.Length ? streamRemaining : inBuf.Length);
        }

        // ------------------------------------------------------------------ sending

        /// <summary>
        /// Queues plaintext of a content type; full fragments are sent at once, the rest on <see cref="Flush"/>.
        /// Consecutive writes of one type share records (a handshake flight in as few records as possible).
        /// </summary>
        public void Write(int contentType, byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                if (outCount > 0 && outType != contentType) Flush();
                outType = contentType;
                int room = sendLimit - outCount;
                int n = count < room ? count : room;
                Array.Copy(buffer, offset, outBuf, PayloadStart + outCount, n);
                outCount += n;
                offset += n;
                count -= n;
                if (outCount == sendLimit) Flush();
            }
        }

        /// <summary>Queues one byte (alerts, ChangeCipherSpec).</summary>
        public void WriteByte(int contentType, int value)
        {
            if (outCount > 0 && outType != contentType) Flush();
            if (outCount == sendLimit) Flush();
            outType = contentType;
            outBuf[PayloadStart + outCount] = (byte)value;
            outCount++;
        }

        /// <summary>Seals and sends the queued plaintext as one record.</summary>
        public void Flush()
        {
            if (outCount == 0) return;
            int body = writeCipher != null ? writeCipher.Seal(outType, outBuf, 0, outCount) : outCount;
            outBuf[0] = (byte)outType;
            Bytes.WriteUInt16BE(outBuf, 1, TlsConstants.Version12);
            Bytes.WriteUInt16BE(outBuf, 3, body);
            outCount = 0;
            transport.Write(outBuf, 0, TlsConstants.RecordHeaderSize + body);
            BytesSent += TlsConstants.RecordHeaderSize + body;
        }

        /// <summary>Sends one alert at once, dropping any queued plaintext.</summary>
        public void SendAlert(int level, int description)
        {
            outCount = 0;
            WriteByte(TlsConstants.ContentAlert, level);
            WriteByte(TlsConstants.ContentAlert, description);
            Flush();
        }

        private int PayloadStart
        {
            get { return TlsConstants.RecordHeaderSize + (writeCipher != null ? CipherState.ExplicitNonceSize : 0); }
        }

        /// <summary>Back to the state of a new connection (no keys, any version until the ServerHello, full limit).</summary>
        public void Reset()
        {
            Clear();
            receiveLimit = TlsConstants.MaxPlaintext;
            versionLocked = false;
            outType = -1;
            deadlineMilliseconds = 0;
            BytesReceived = 0;
            BytesSent = 0;
        }

        /// <summary>Erases keys and buffered plaintext.</summary>
        public void Clear()
        {
            if (readCipher != null) readCipher.Clear();
            if (writeCipher != null) writeCipher.Clear();
            readCipher = null;
            writeCipher = null;
            Bytes.Wipe(inBuf);
            Bytes.Wipe(outBuf);
            inFill = 0;
            dataRemaining = 0;
            streamRemaining = 0;
            outCount = 0;
        }
    }
}

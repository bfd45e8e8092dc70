using System;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// A TLS 1.2 client (ECDHE-ECDSA P-256, AES-128-GCM or AES-128-CCM-8) over any <see cref="ITransport"/>, and an
    /// <see cref="ITransport"/> itself, so HTTP and MQTT run on it unchanged.
    /// <list type="bullet">
    /// <item>Connect connects the inner transport and runs the handshake (SNI = host unless options say otherwise);
    /// the server chain is always verified against the pinned roots.</item>
    /// <item>Read returns decrypted application data, 0 after the peer's close_notify; Write sends records of at most
    /// the negotiated fragment length; Close sends close_notify.</item>
    /// <item>Failures: <see cref="TlsAlertException"/> (alert received), <see cref="TlsProtocolException"/> (we sent a
    /// fatal alert), <see cref="TlsPolicyException"/>/<see cref="TlsCertificateException"/> (policy refused the peer; the
    /// alert named was sent), <see cref="TransportTimeoutException"/> (a read timed out: the connection stays usable and
    /// Read may be called again), <see cref="TransportException"/> (the connection is gone).</item>
    /// </list>
    /// Memory: two record buffers of 5 + fragment + 24 bytes live as long as the client; a handshake buffer of
    /// 4 + MaxHandshakeMessageSize bytes and the handshake's secrets live only during Connect. One reader thread and
    /// one writer thread may use a connected client at the same time (Connect and Close are not concurrent with
    /// anything). See docs/tls/client.md.
    /// </summary>
    public sealed class TlsClient : ITransport
    {
        private readonly ITransport inner;
        private readonly TlsClientOptions options;
        private readonly IRandom random;
        private readonly CertificateValidator validator;
        private readonly RecordLayer records;
        private readonly object readLock = new object();
        private readonly object writeLock = new object();
        private readonly TlsDiagnostics diagnostics = new TlsDiagnostics();
        private readonly byte[] postHandshake = new byte[TlsConstants.HandshakeHeaderSize];

        private HandshakeClient handshake;
        private byte[] handshakeBuffer;
        private TlsSession session;
        private bool sessionLoaded;
        private bool connected;
        private bool peerClosed;
        private bool closeSent;
        private int readTimeout;
        private int writeTimeout;
        private int emptyRecords;
        private int postHandshakeCount;

        public TlsClient(ITransport inner, TlsClientOptions options)
        {
            if (inner == null) throw new ArgumentNullException("inner");
            if (options == null) throw new ArgumentNullException("options");
            options.Validate();
            this.inner = inner;
            this.options = options;
            random = options.Random != null ? options.Random : new HmacDrbg(options.Entropy, Bytes.FromAscii("TuyaLite TLS client"));
            validator = new CertificateValidator(options.TrustedRoots);
            if (options.TimeLowerBound != DateTime.MinValue) validator.TimeLowerBound = options.TimeLowerBound;
            int fragment = options.MaxFragmentLength == 0 ? TlsConstants.MaxPlaintext : options.MaxFragmentLength;
            records = new RecordLayer(inner, fragment, fragment, CipherState.MaxOverhead(options.CipherSuites));
            readTimeout = options.ReadTimeout;
            writeTimeout = options.WriteTimeout;
        }

        // ------------------------------------------------------------------ ITransport

        /// <summary>Connects the inner transport to host:port and runs the handshake.</summary>
        public void Connect(string host, int port)
        {
            if (connected) throw new InvalidOperationException("already connected");
            if (host == null || host.Length == 0) throw new ArgumentException("host");
            string serverName = options.ServerName != null ? options.ServerName : host;
            LoadStoredSession();

            diagnostics.Reset();
            peerClosed = false;
            closeSent = false;
            emptyRecords = 0;
            postHandshakeCount = 0;
            records.Reset();

            inner.Connect(host, port);
            inner.ReadTimeout = options.HandshakeTimeout;
            inner.WriteTimeout = writeTimeout;
            records.StartDeadline(options.HandshakeDeadline, options.HandshakeTimeout);

            long startTicks = DateTime.UtcNow.Ticks;
            long mulsBefore = P256.FieldMultiplications;
            handshakeBuffer = new byte[TlsConstants.HandshakeHeaderSize + options.MaxHandshakeMessageSize];
            handshake = new HandshakeClient(options, records, handshakeBuffer, random, validator, serverName, session);
            try
            {
                handshake.Run();
                records.StopDeadline();
                connected = true;
                diagnostics.PeakHeldBytes = HeldBytes;
                Record(handshake, P256.FieldMultiplications - mulsBefore, startTicks);
                AdoptSession(handshake.Session);
            }
            catch (Exception e)
            {
                records.StopDeadline();
                TlsAlertException refusal = e is TransportException && !(e is TransportTimeoutException) ? PendingAlert() : null;
                if (refusal == null)
                {
                    Fail(e);
                    throw e;
                }
                Fail(refusal);
                throw refusal;
            }
            finally
            {
                handshake.Wipe();
                handshake = null;
                handshakeBuffer = null;
            }
            inner.ReadTimeout = readTimeout;
        }

        /// <summary>
        /// After the connection failed during the handshake: the alert the server sent before it closed, when one is
        /// waiting to be read, else null. A server that refuses our flight (e.g. mutual TLS without a certificate)
        /// sends its alert and closes; our next write then fails with a reset, and the alert is the real reason.
        /// </summary>
        private TlsAlertException PendingAlert()
        {
            try
            {
                inner.ReadTimeout = PendingAlertTimeout;
                if (records.Remaining > 0 || records.NextRecord() != TlsConstants.ContentAlert) return null;
                return new TlsAlertException(records.ReadAlert() & 0xFF);
            }
            catch (Exception)
            {
                return null; // nothing readable: the transport failure stands
            }
        }

        /// <summary>Milliseconds to wait for an alert already on its way when a handshake write fails.</summary>
        private const int PendingAlertTimeout = 500;

        /// <summary>Reads decrypted application data; 0 once the peer has sent close_notify.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (!connected)
            {
                if (peerClosed) return 0;
                throw new TransportException("tls: not connected");
            }
            if (count == 0) return 0;
            lock (readLock)
            {
                try
                {
                    return ReadLocked(buffer, offset, count);
                }
                catch (TransportTimeoutException e)
                {
                    throw e; // nothing lost: the partly received record is kept and the next Read continues it
                }
                catch (Exception e)
                {
                    Fail(e);
                    throw e;
                }
            }
        }

        private int ReadLocked(byte[] buffer, int offset, int count)
        {
            while (true)
            {
                if (records.Remaining > 0)
                {
                    if (records.CurrentType == TlsConstants.ContentApplicationData)
                    {
                        emptyRecords = 0;
                        return records.ReadData(buffer, offset, count);
                    }
                    // Handshake bytes left in the server's Finished record (RFC 5246 6.2.1: messages may share a record).
                    HandlePostHandshake();
                    continue;
                }
                int type = records.NextRecord();
                if (type == TlsConstants.ContentApplicationData)
                {
                    if (records.Remaining == 0) CountEmptyRecord();
                }
                else if (type == TlsConstants.ContentAlert)
                {
                    if (HandleAlert(records.ReadAlert())) return 0;
                }
                else if (type == TlsConstants.ContentHandshake) HandlePostHandshake();
                else throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "ChangeCipherSpec after the handshake");
            }
        }

        /// <summary>Encrypts and sends all bytes, in records of at most the negotiated fragment length.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            if (!connected || closeSent) throw new TransportException("tls: not connected");
            bool failed = false;
            try
            {
                lock (writeLock)
                {
                    try
                    {
                        records.Write(TlsConstants.ContentApplicationData, buffer, offset, count);
                        records.Flush();
                    }
                    catch (Exception e)
                    {
                        // Even a write timeout may have left half a record on the wire: the stream cannot continue.
                        failed = true;
                        SendFailureAlert(e);
                        throw e;
                    }
                }
            }
            finally
            {
                // Outside the write lock: shutting down takes the read lock first (lock order read → write).
                if (failed) ShutDown();
            }
        }

        /// <summary>Sends close_notify (once) and closes the inner transport; erases the connection keys.</summary>
        public void Close()
        {
            if (connected && !closeSent) SendCloseNotify();
            connected = false;
            ShutDown();
        }

        public bool IsConnected { get { return connected; } }

        public int ReadTimeout
        {
            get { return readTimeout; }
            set
            {
                readTimeout = value;
                if (connected) inner.ReadTimeout = value;
            }
        }

        public int WriteTimeout
        {
            get { return writeTimeout; }
            set
            {
                writeTimeout = value;
                inner.WriteTimeout = value;
            }
        }

        // ------------------------------------------------------------------ session, diagnostics, memory

        /// <summary>
        /// The session offered on the next Connect and, after a handshake, the session it produced (null when the
        /// server gave nothing resumable or resumption is disabled). Set it to resume a session exported earlier.
        /// </summary>
        public TlsSession Session
        {
            get { return session; }
            set
            {
                session = value;
                sessionLoaded = true;
            }
        }

        public TlsDiagnostics Diagnostics { get { return diagnostics; } }

        /// <summary>
        /// Bytes this connection holds now, summed from the arrays actually allocated: record buffers, cipher states,
        /// session, the parsed pinned roots (and the DRBG when the client made its own), and during a handshake its
        /// buffer, hashes and secrets (and, while the chain is validated, the validator's working state). Engine internals (AES schedule, GHASH key, SHA-256 state) are counted from
        /// <see cref="TlsMemory"/>.
        /// </summary>
        public int HeldBytes
        {
            get
            {
                int n = records.HeldBytes + postHandshake.Length + validator.HeldBytes;
                if (options.Random == null) n += TlsMemory.DrbgBytes;
                if (handshakeBuffer != null) n += handshakeBuffer.Length;
                if (handshake != null) n += handshake.HeldBytes;
                if (session != null) n += session.HeldBytes;
                return n;
            }
        }

        /// <summary>True while anything of a handshake is referenced: its state, its buffer, or the validator's parsed
        /// leaf (which points into that buffer). False after Connect returns or throws.</summary>
        internal bool HoldsHandshakeState
        {
            get { return handshake != null || handshakeBuffer != null || validator.HoldsCertificateBuffer; }
        }

        /// <summary>
        /// Re-checks the server certificate's validity once the device has learned the time (after a handshake whose
        /// time check was provisional, or at any time for a long-lived connection). On failure the connection is
        /// closed with a certificate_expired alert, the session forgotten, and TlsCertificateException thrown.
        /// </summary>
        public void RevalidateTime(DateTime utcNow)
        {
            try
            {
                // A full handshake's validator knows the leaf and its root; a resumed one only the remembered leaf window.
                if (!diagnostics.Resumed && diagnostics.CertificateCount > 0) validator.RevalidateTime(utcNow);
                else CertificateValidator.CheckWindow(diagnostics.LeafNotBefore, diagnostics.LeafNotAfter, utcNow, "leaf");
            }
            catch (Exception e)
            {
                Fail(e);
                throw e;
            }
            diagnostics.LeafTimeProvisional = false;
            if (session != null && session.LeafTimeProvisional)
            {
                session.LeafTimeProvisional = false;
                SaveSession();
            }
        }

        // ------------------------------------------------------------------ internals

        private void Record(HandshakeClient h, long fieldMultiplications, long startTicks)
        {
            diagnostics.CipherSuite = h.CipherSuite;
            diagnostics.FragmentLength = h.FragmentLength;
            diagnostics.Resumed = h.Resumed;
            diagnostics.ExtendedMasterSecret = h.ExtendedMasterSecret;
            diagnostics.HandshakeBytesSent = records.BytesSent;
            diagnostics.HandshakeBytesReceived = records.BytesReceived;
            diagnostics.CertificateCount = h.Resumed ? 0 : h.CertificateCount;
            diagnostics.CertificateSizes = h.Resumed ? new int[0] : h.CertificateSizes;
            diagnostics.LeafCommonName = h.Resumed ? null : h.LeafCommonName;
            diagnostics.FieldMultiplications = fieldMultiplications;
            diagnostics.HandshakeMilliseconds = (int)((DateTime.UtcNow.Ticks - startTicks) / TimeSpan.TicksPerMillisecond);
            diagnostics.LeafNotBefore = h.LeafNotBefore;
            diagnostics.LeafNotAfter = h.LeafNotAfter;
            diagnostics.LeafTimeProvisional = h.LeafTimeProvisional;
        }

        private void LoadStoredSession()
        {
            if (sessionLoaded || session != null || options.SessionStorage == null || !options.EnableResumption) return;
            sessionLoaded = true;
            session = SessionStore.Load(options.SessionStorage, options.SessionStorageKey, options.MaxSessionTicketSize);
        }

        private void AdoptSession(TlsSession fresh)
        {
            if (fresh == null)
            {
                ForgetSession();
                return;
            }
            if (session != null && session != fresh) session.Wipe();
            session = fresh;
            SaveSession();
        }

        private void SaveSession()
        {
            if (options.SessionStorage == null || session == null) return;
            try
            {
                SessionStore.Save(options.SessionStorage, options.SessionStorageKey, session);
            }
            catch (Exception)
            {
                // Not being able to persist a session only costs a full handshake next time.
            }
        }

        private void ForgetSession()
        {
            if (session != null) session.Wipe();
            session = null;
            if (options.SessionStorage != null) SessionStore.Forget(options.SessionStorage, options.SessionStorageKey);
        }

        /// <summary>Alert after the handshake: returns true at close_notify, false for an ignored warning, throws otherwise.</summary>
        private bool HandleAlert(int alert)
        {
            int level = alert >> 8;
            int description = alert & 0xFF;
            int action = AlertPolicy.Classify(level, description);
            if (action == AlertPolicy.Ignore)
            {
                CountEmptyRecord();
                return false;
            }
            if (action == AlertPolicy.Fatal) throw new TlsAlertException(description);
            // RFC 5246 section 7.2.1: answer close_notify with our own and close.
            peerClosed = true;
            if (!closeSent) SendCloseNotify();
            connected = false;
            ShutDown();
            return true;
        }

        /// <summary>Only HelloRequest may follow the handshake; renegotiation is refused with a no_renegotiation warning.</summary>
        private void HandlePostHandshake()
        {
            while (records.Remaining > 0)
            {
                postHandshakeCount += records.ReadData(postHandshake, postHandshakeCount, TlsConstants.HandshakeHeaderSize - postHandshakeCount);
                if (postHandshakeCount < TlsConstants.HandshakeHeaderSize) continue;
                if (postHandshake[0] != TlsConstants.HelloRequest || postHandshake[1] != 0 || postHandshake[2] != 0 || postHandshake[3] != 0)
                    throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "unexpected " + TlsConstants.MessageName(postHandshake[0]) + " after the handshake");
                postHandshakeCount = 0;
                SendNoRenegotiation();
                CountEmptyRecord();
            }
        }

        /// <summary>
        /// Any failure here is fatal, a write timeout included: part of the alert record may be on the wire, so the
        /// stream cannot continue. It must not surface as a TransportTimeoutException, which Read reports as a harmless
        /// read timeout that leaves the connection usable.
        /// </summary>
        private void SendNoRenegotiation()
        {
            try
            {
                lock (writeLock) records.SendAlert(TlsAlert.LevelWarning, TlsAlert.NoRenegotiation);
            }
            catch (TransportException e)
            {
                throw new TransportException("tls: sending no_renegotiation failed: " + e.Message, e);
            }
        }

        private void CountEmptyRecord()
        {
            if (++emptyRecords > options.MaxConsecutiveEmptyRecords)
                throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "too many records without data");
        }

        private void SendCloseNotify()
        {
            closeSent = true;
            try
            {
                lock (writeLock) records.SendAlert(TlsAlert.LevelWarning, TlsAlert.CloseNotify);
            }
            catch (Exception)
            {
                // The peer may already be gone; closing proceeds.
            }
        }

        /// <summary>
        /// Ends the connection after a failure: sends the fatal alert our exception names (not for alerts received or
        /// transport failures), forgets the session when an alert was involved (RFC 5246 section 7.2.2), closes.
        /// </summary>
        private void Fail(Exception e)
        {
            SendFailureAlert(e);
            ShutDown();
        }

        private void SendFailureAlert(Exception e)
        {
            connected = false;
            bool alertInvolved = e is TlsException;
            if (e is TlsException && !(e is TlsAlertException))
            {
                int alert = ((TlsException)e).Alert;
                if (alert >= 0) TrySendFatal(alert);
            }
            else if (!(e is TlsException) && !(e is TransportException))
            {
                TrySendFatal(TlsAlert.InternalError);
                alertInvolved = true;
            }
            if (alertInvolved) ForgetSession();
        }

        private void TrySendFatal(int alert)
        {
            if (closeSent) return;
            closeSent = true;
            try
            {
                lock (writeLock) records.SendAlert(TlsAlert.LevelFatal, alert);
            }
            catch (Exception)
            {
                // Best effort: the transport may already have failed.
            }
        }

        /// <summary>Closes the transport (which also wakes a reader or writer blocked in it), then erases the keys
        /// once no other thread is inside the record layer. Lock order: read, then write.</summary>
        private void ShutDown()
        {
            connected = false;
            try
            {
                inner.Close();
            }
            catch (Exception)
            {
                // Closing a broken transport must not hide the original failure.
            }
            lock (readLock)
            {
                lock (writeLock) records.Clear();
            }
        }
    }
}

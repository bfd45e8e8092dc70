using System;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The client side of one TLS 1.2 handshake, read top to bottom like RFC 5246 section 7.3 (with RFC 5077 tickets,
    /// RFC 7627 extended master secret and RFC 6066 max fragment length):
    /// <code>
    /// full:     ClientHello → ServerHello, Certificate, ServerKeyExchange, [CertificateRequest], ServerHelloDone
    ///           → [Certificate], ClientKeyExchange, [CertificateVerify], ChangeCipherSpec, Finished
    ///           ← [NewSessionTicket], ChangeCipherSpec, Finished
    /// resumed:  ClientHello → ServerHello, [NewSessionTicket], ChangeCipherSpec, Finished
    ///           → ChangeCipherSpec, Finished
    /// </code>
    /// Every step is a short method; any deviation throws the exception naming the alert to send. One instance per
    /// handshake: it holds the ephemeral secrets and is dropped (wiped) afterwards.
    /// </summary>
    internal sealed class HandshakeClient
    {
        private readonly TlsClientOptions options;
        private readonly RecordLayer records;
        private readonly HandshakeReader reader;
        private readonly byte[] buf;
        private readonly MessageReader parse = new MessageReader();
        private readonly MessageWriter write = new MessageWriter();
        private readonly Transcript transcript = new Transcript();
        private readonly KeySchedule keys = new KeySchedule();
        private readonly IRandom random;
        private readonly CertificateValidator validator;
        private readonly string serverName;
        private readonly TlsSession candidate;

        private readonly byte[] clientRandom = new byte[TlsConstants.RandomSize];
        private readonly ServerHello serverHello = new ServerHello();
        private readonly byte[] offeredSessionId = new byte[TlsConstants.MaxSessionIdSize];
        private int offeredSessionIdLength;
        private TlsSession offered;
        private int offeredExtensions;
        private int offeredMflCode;

        private readonly byte[] hash = new byte[32];
        private readonly byte[] verifyData = new byte[TlsConstants.VerifyDataSize];
        private readonly byte[] leafKey = new byte[P256.PublicKeySize];
        private readonly byte[] serverPoint = new byte[P256.PublicKeySize];
        private readonly byte[] ecdhPrivate = new byte[P256.PrivateKeySize];
        private readonly byte[] ecdhPublic = new byte[P256.PublicKeySize];
        private readonly byte[] preMaster = new byte[P256.SharedSecretSize];
        private readonly int[] certOffsets;
        private readonly int[] certLengths;
        private readonly ServerKeyExchange keyExchange = new ServerKeyExchange();

        private bool ticketExpected;
        private bool certificateRequested;
        private bool certificateAcceptable;
        private byte[] newTicket;
        private uint newTicketLifetime;

        // ---- results ----
        public int CipherSuite;
        public int FragmentLength;
        public bool Resumed;
        public bool ExtendedMasterSecret;
        public TlsSession Session;
        public CipherState ReadCipher;
        public CipherState WriteCipher;
        public int CertificateCount;
        public int[] CertificateSizes;
        public string LeafCommonName;
        /// <summary>Validity of the server's leaf (from the chain, or remembered by the resumed session) and whether
        /// it was checked against <see cref="TlsClientOptions.TimeLowerBound"/> only (clock unknown).</summary>
        public DateTime LeafNotBefore;
        public DateTime LeafNotAfter;
        public bool LeafTimeProvisional;

        /// <param name="handshakeBuffer">reassembly and build buffer: 4 + MaxHandshakeMessageSize bytes</param>
        /// <param name="resumeCandidate">a remembered session to offer, or null</param>
        public HandshakeClient(TlsClientOptions options, RecordLayer records, byte[] handshakeBuffer, IRandom random,
            CertificateValidator validator, string serverName, TlsSession resumeCandidate)
        {
            this.options = options;
            this.records = records;
            buf = handshakeBuffer;
            this.random = random;
            this.validator = validator;
            this.serverName = serverName;
            candidate = resumeCandidate;
            reader = new HandshakeReader(records, handshakeBuffer, options.MaxConsecutiveEmptyRecords);
            certOffsets = new int[options.MaxServerCertificates];
            certLengths = new int[options.MaxServerCertificates];
        }

        /// <summary>Arrays this handshake holds (buffer excluded: the client counts it).</summary>
        public int HeldBytes
        {
            get
            {
                return clientRandom.Length + serverHello.Random.Length + serverHello.SessionId.Length + offeredSessionId.Length
                    + hash.Length + verifyData.Length + leafKey.Length + serverPoint.Length + ecdhPrivate.Length
                    + ecdhPublic.Length + preMaster.Length + 4 * (certOffsets.Length + certLengths.Length)
                    + Transcript.HeldBytes + keys.HeldBytes + (newTicket != null ? newTicket.Length : 0);
            }
        }

        /// <summary>Runs the handshake to completion or throws.</summary>
        public void Run()
        {
            SendClientHello();
            ReadServerHello();
            if (Resumed) RunAbbreviated();
            else RunFull();
            Session = BuildSession();
            keys.Wipe();
        }

        private void RunFull()
        {
            ReadCertificate();
            ReadServerKeyExchange();
            int next = reader.Next();
            if (next == TlsConstants.CertificateRequest)
            {
                ReadCertificateRequest();
                next = reader.Next();
            }
            ReadServerHelloDone(next);

            if (certificateRequested) SendCertificate();
            SendClientKeyExchange();
            if (certificateRequested && certificateAcceptable) SendCertificateVerify();
            SendChangeCipherSpecAndFinished();

            if (ticketExpected) ReadNewSessionTicket();
            ReadChangeCipherSpecAndFinished();
        }

        private void RunAbbreviated()
        {
            LeafNotBefore = offered.LeafNotBefore;
            LeafNotAfter = offered.LeafNotAfter;
            // ResumableCandidate checked the remembered window against the clock, or only against the lower bound.
            LeafTimeProvisional = offered.LeafTimeProvisional || !options.Clock.IsKnown;
            keys.SetMasterSecret(offered.MasterSecret);
            keys.DeriveKeyBlock(clientRandom, serverHello.Random);
            if (ticketExpected) ReadNewSessionTicket();
            ReadChangeCipherSpecAndFinished();
            SendChangeCipherSpecAndFinished();
        }

        // ------------------------------------------------------------------ ClientHello

        private void SendClientHello()
        {
            random.NextBytes(clientRandom, 0, TlsConstants.RandomSize);
            offered = ResumableCandidate();
            offeredMflCode = TlsConstants.MflCode(options.MaxFragmentLength);
            string sni = options.SendServerName && !IsIpLiteral(serverName) ? serverName : null;

            byte[] ticket = null;
            if (offered != null && options.EnableSessionTickets && offered.Ticket != null) ticket = offered.Ticket;
            if (ticket != null && ClientHelloSize(sni, ticket) > buf.Length) ticket = null;
            offeredSessionIdLength = 0;
            if (ticket != null)
            {
                // RFC 5077 section 3.4: a fresh session ID lets us recognise the server accepting the ticket.
                random.NextBytes(offeredSessionId, 0, TlsConstants.MaxSessionIdSize);
                offeredSessionIdLength = TlsConstants.MaxSessionIdSize;
            }
            else if (offered != null && offered.SessionId != null && offered.SessionId.Length > 0)
            {
                offeredSessionIdLength = offered.SessionId.Length;
                Array.Copy(offered.SessionId, 0, offeredSessionId, 0, offeredSessionIdLength);
            }
            else offered = null;

            write.Reset(buf);
            write.BeginMessage(TlsConstants.ClientHello);
            write.U16(TlsConstants.Version12);
            write.Write(clientRandom, 0, TlsConstants.RandomSize);
            write.U8(offeredSessionIdLength);
            write.Write(offeredSessionId, 0, offeredSessionIdLength);
            write.U16(2 * options.CipherSuites.Length);
            for (int i = 0; i < options.CipherSuites.Length; i++) write.U16(options.CipherSuites[i]);
            write.U8(1);
            write.U8(0); // compression: null only
            offeredExtensions = Extensions.WriteClientHello(write, sni, offeredMflCode, options.EnableSessionTickets && options.EnableResumption, ticket);
            SendMessage(write.EndMessage());
            records.Flush();
        }

        private int ClientHelloSize(string sni, byte[] ticket)
        {
            return TlsConstants.HandshakeHeaderSize + 2 + TlsConstants.RandomSize + 1 + TlsConstants.MaxSessionIdSize
                + 2 + 2 * options.CipherSuites.Length + 2
                + Extensions.ClientHelloSize(sni, offeredMflCode, true, ticket);
        }

        /// <summary>The remembered session if it may be offered here (same server, suite still allowed, EMS policy,
        /// same fragment length, leaf not known to be expired), else null. With the clock unknown the remembered leaf
        /// must pass what a full handshake's validator would check: not expired before TimeLowerBound (and without a
        /// lower bound nothing is offered, as a full handshake would fail with ClockUnknown).</summary>
        private TlsSession ResumableCandidate()
        {
            TlsSession s = candidate;
            if (s == null || !options.EnableResumption || !s.IsResumable) return null;
            if (s.ServerName == null || !HostnameMatcher.EqualsIgnoreCase(s.ServerName, serverName)) return null;
            if (IndexOf(options.CipherSuites, s.CipherSuite) < 0) return null;
            if (options.RequireExtendedMasterSecret && !s.ExtendedMasterSecret) return null;
            if (s.FragmentLength != options.MaxFragmentLength && !(s.FragmentLength == 0 && options.AllowFullRecordFallback)) return null;
            IClock clock = options.Clock;
            if (clock.IsKnown)
            {
                DateTime now = clock.UtcNow;
                if (now > s.LeafNotAfter || now < s.LeafNotBefore) return null;
            }
            else if (options.TimeLowerBound == DateTime.MinValue || s.LeafNotAfter < options.TimeLowerBound) return null;
            return s;
        }

        // ------------------------------------------------------------------ ServerHello

        private void ReadServerHello()
        {
            Expect(TlsConstants.ServerHello);
            // Version first: an older server's hello is judged on its version, not on what else it contains.
            if (reader.Length >= 2 && Bytes.ReadUInt16BE(buf, TlsConstants.HandshakeHeaderSize) != TlsConstants.Version12)
                throw new TlsProtocolException(TlsAlert.ProtocolVersion, "server chose version 0x"
                    + Bytes.ReadUInt16BE(buf, TlsConstants.HandshakeHeaderSize).ToString("X4") + ", only TLS 1.2 is spoken");
            StartParse("ServerHello");
            serverHello.Parse(parse);
            if (IndexOf(options.CipherSuites, serverHello.CipherSuite) < 0)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server chose suite 0x" + serverHello.CipherSuite.ToString("X4") + " which was not offered");
            if (serverHello.Compression != 0)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server chose compression " + serverHello.Compression);
            Extensions.CheckServerHello(serverHello, offeredExtensions, offeredMflCode);
            HashMessage();
            records.LockVersion();

            CipherSuite = serverHello.CipherSuite;
            ExtendedMasterSecret = serverHello.Has(TlsConstants.ExtExtendedMasterSecret);
            ticketExpected = serverHello.Has(TlsConstants.ExtSessionTicket);
            Resumed = offeredSessionIdLength > 0 && serverHello.SessionIdLength == offeredSessionIdLength
                && Bytes.ConstantTimeEquals(serverHello.SessionId, 0, offeredSessionId, 0, offeredSessionIdLength);

            if (Resumed)
            {
                if (CipherSuite != offered.CipherSuite)
                    throw new TlsProtocolException(TlsAlert.IllegalParameter, "resumed session with a different suite");
                // RFC 7627 section 5.3: the extension must be present exactly when the original session used it.
                if (ExtendedMasterSecret != offered.ExtendedMasterSecret)
                    throw new TlsProtocolException(TlsAlert.HandshakeFailure, ExtendedMasterSecret
                        ? "server resumed a non-EMS session with extended_master_secret"
                        : "server resumed an EMS session without extended_master_secret");
            }
            else if (options.RequireExtendedMasterSecret && !ExtendedMasterSecret)
                throw new TlsPolicyException(TlsAlert.HandshakeFailure, "server does not support extended_master_secret (RFC 7627), required by RequireExtendedMasterSecret");

            NegotiateFragmentLength();
        }

        private void NegotiateFragmentLength()
        {
            if (offeredMflCode == 0)
            {
                FragmentLength = 0;
                return;
            }
            if (serverHello.Has(TlsConstants.ExtMaxFragmentLength))
            {
                FragmentLength = options.MaxFragmentLength;
                records.SetReceiveLimit(FragmentLength);
                return;
            }
            if (!options.AllowFullRecordFallback)
                throw new TlsPolicyException(TlsAlert.HandshakeFailure, "server ignored max_fragment_length " + options.MaxFragmentLength
                    + " (it may send 16384-byte records); set AllowFullRecordFallback to accept that");
            FragmentLength = 0;
            records.SetReceiveLimit(TlsConstants.MaxPlaintext);
        }

        // ------------------------------------------------------------------ server certificate and key exchange

        private void ReadCertificate()
        {
            Expect(TlsConstants.Certificate);
            StartParse("Certificate");
            int count = CertificateMessage.Parse(parse, certOffsets, certLengths);
            CertificateCount = count;
            CertificateSizes = new int[count];
            Array.Copy(certLengths, 0, CertificateSizes, 0, count);
            validator.ValidateServerChain(buf, certOffsets, certLengths, count, serverName, options.Clock, leafKey, 0);
            LeafCommonName = validator.LastLeafCommonName;
            LeafNotBefore = validator.LastLeafNotBefore;
            LeafNotAfter = validator.LastLeafNotAfter;
            LeafTimeProvisional = validator.LastTimeCheckProvisional;
            HashMessage();
        }

        private void ReadServerKeyExchange()
        {
            Expect(TlsConstants.ServerKeyExchange);
            StartParse("ServerKeyExchange");
            keyExchange.Parse(parse);
            // The signature covers client_random + server_random + ServerECDHParams (RFC 8422 section 5.4).
            Sha256 h = transcript.Scratch;
            h.Reset();
            h.Update(clientRandom, 0, TlsConstants.RandomSize);
            h.Update(serverHello.Random, 0, TlsConstants.RandomSize);
            h.Update(buf, keyExchange.ParamsOffset, ServerKeyExchange.ParamsSize);
            h.Final(hash, 0);
            if (!P256.VerifyDer(leafKey, 0, P256.PublicKeySize, hash, 0, buf, keyExchange.SignatureOffset, keyExchange.SignatureLength))
                throw new TlsProtocolException(TlsAlert.DecryptError, "ServerKeyExchange signature does not verify with the server certificate's key");
            Array.Copy(buf, keyExchange.PointOffset, serverPoint, 0, P256.PublicKeySize);
            HashMessage();
        }

        private void ReadCertificateRequest()
        {
            StartParse("CertificateRequest");
            certificateRequested = true;
            certificateAcceptable = CertificateRequest.Parse(parse) && options.ClientCertificate != null;
            HashMessage();
        }

        private void ReadServerHelloDone(int type)
        {
            CheckType(type, TlsConstants.ServerHelloDone);
            if (reader.Length != 0) throw new TlsProtocolException(TlsAlert.DecodeError, "malformed ServerHelloDone: non-empty body");
            HashMessage();
        }

        // ------------------------------------------------------------------ client flight

        private void SendCertificate()
        {
            write.Reset(buf);
            write.BeginMessage(TlsConstants.Certificate);
            int list = write.BeginVector(3);
            if (certificateAcceptable)
            {
                byte[] cert = options.ClientCertificate;
                write.U24(cert.Length);
                write.Write(cert, 0, cert.Length);
            }
            write.EndVector(list);
            SendMessage(write.EndMessage());
        }

        private void SendClientKeyExchange()
        {
            P256.GenerateKeyPair(random, ecdhPrivate, 0, ecdhPublic, 0);
            try
            {
                P256.Ecdh(ecdhPrivate, 0, serverPoint, 0, P256.PublicKeySize, preMaster, 0);
            }
            catch (CryptoException e)
            {
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server ECDH public key rejected: " + e.Message);
            }
            finally
            {
                Bytes.Wipe(ecdhPrivate);
            }

            write.Reset(buf);
            write.BeginMessage(TlsConstants.ClientKeyExchange);
            write.U8(P256.PublicKeySize);
            write.Write(ecdhPublic, 0, P256.PublicKeySize);
            SendMessage(write.EndMessage());

            if (ExtendedMasterSecret)
            {
                // RFC 7627 section 3: session_hash covers the messages up to and including ClientKeyExchange.
                transcript.Snapshot(hash, 0);
                keys.DeriveExtendedMasterSecret(preMaster, P256.SharedSecretSize, hash);
            }
            else keys.DeriveMasterSecret(preMaster, P256.SharedSecretSize, clientRandom, serverHello.Random);
            Bytes.Wipe(preMaster);
            keys.DeriveKeyBlock(clientRandom, serverHello.Random);
        }

        private void SendCertificateVerify()
        {
            // Signs the hash of every message so far (RFC 5246 section 7.4.8) with the device key.
            transcript.Snapshot(hash, 0);
            write.Reset(buf);
            write.BeginMessage(TlsConstants.CertificateVerify);
            write.U16(TlsConstants.SignatureEcdsaSecp256r1Sha256);
            int sig = write.BeginVector(2);
            int at = write.Reserve(P256.MaxDerSignatureSize);
            int length = P256.SignDer(options.ClientPrivateKey, 0, hash, 0, buf, at);
            write.Truncate(at + length);
            write.EndVector(sig);
            SendMessage(write.EndMessage());
        }

        private void SendChangeCipherSpecAndFinished()
        {
            records.WriteByte(TlsConstants.ContentChangeCipherSpec, 1);
            WriteCipher = keys.CreateCipher(CipherSuite, true, options.CreateBlockCipher);
            records.SetWriteCipher(WriteCipher);

            transcript.Snapshot(hash, 0);
            write.Reset(buf);
            write.BeginMessage(TlsConstants.Finished);
            int at = write.Reserve(TlsConstants.VerifyDataSize);
            keys.ComputeVerifyData(true, hash, buf, at);
            SendMessage(write.EndMessage());
            records.Flush();
        }

        // ------------------------------------------------------------------ server's final flight

        private void ReadNewSessionTicket()
        {
            Expect(TlsConstants.NewSessionTicket);
            StartParse("NewSessionTicket");
            int offset;
            int length = NewSessionTicket.Parse(parse, out offset, out newTicketLifetime);
            // An empty ticket means the server will not issue one this time; an oversized one is not kept.
            if (length > 0 && length <= options.MaxSessionTicketSize) newTicket = Bytes.Slice(buf, offset, length);
            HashMessage();
        }

        private void ReadChangeCipherSpecAndFinished()
        {
            int t = reader.Next();
            if (t != HandshakeReader.ChangeCipherSpec)
                throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "expected ChangeCipherSpec, received " + TlsConstants.MessageName(t));
            ReadCipher = keys.CreateCipher(CipherSuite, false, options.CreateBlockCipher);
            records.SetReadCipher(ReadCipher);

            transcript.Snapshot(hash, 0);
            keys.ComputeVerifyData(false, hash, verifyData, 0);
            Expect(TlsConstants.Finished);
            if (reader.Length != TlsConstants.VerifyDataSize)
                throw new TlsProtocolException(TlsAlert.DecodeError, "malformed Finished: " + reader.Length + " bytes");
            if (!Bytes.ConstantTimeEquals(buf, TlsConstants.HandshakeHeaderSize, verifyData, 0, TlsConstants.VerifyDataSize))
                throw new TlsProtocolException(TlsAlert.DecryptError, "server Finished does not verify");
            HashMessage();
        }

        // ------------------------------------------------------------------ session

        private TlsSession BuildSession()
        {
            if (!options.EnableResumption) return null;
            TlsSession s = new TlsSession();
            s.CipherSuite = CipherSuite;
            s.ExtendedMasterSecret = ExtendedMasterSecret;
            s.FragmentLength = FragmentLength;
            s.MasterSecret = Bytes.Slice(keys.MasterSecret, 0, TlsConstants.MasterSecretSize);
            s.ServerName = serverName;
            if (Resumed)
            {
                // Copies: the offered session is wiped when this one replaces it.
                if (offered.SessionId != null) s.SessionId = Bytes.Slice(offered.SessionId, 0, offered.SessionId.Length);
                if (offered.Ticket != null) s.Ticket = Bytes.Slice(offered.Ticket, 0, offered.Ticket.Length);
                s.TicketLifetimeSeconds = offered.TicketLifetimeSeconds;
            }
            else s.SessionId = Bytes.Slice(serverHello.SessionId, 0, serverHello.SessionIdLength);
            s.LeafNotBefore = LeafNotBefore;
            s.LeafNotAfter = LeafNotAfter;
            s.LeafTimeProvisional = LeafTimeProvisional;
            if (newTicket != null)
            {
                s.Ticket = newTicket;
                s.TicketLifetimeSeconds = newTicketLifetime;
            }
            return s.IsResumable ? s : null;
        }

        // ------------------------------------------------------------------ helpers

        private void Expect(int type)
        {
            CheckType(reader.Next(), type);
        }

        private static void CheckType(int received, int expected)
        {
            if (received != expected)
                throw new TlsProtocolException(TlsAlert.UnexpectedMessage, "expected " + TlsConstants.MessageName(expected) + ", received "
                    + (received == HandshakeReader.ChangeCipherSpec ? "ChangeCipherSpec" : TlsConstants.MessageName(received)));
        }

        private void StartParse(string name)
        {
            parse.Reset(buf, TlsConstants.HandshakeHeaderSize, reader.Length, name);
        }

        private void HashMessage()
        {
            transcript.Update(buf, 0, reader.TotalLength);
        }

        private void SendMessage(int length)
        {
            transcript.Update(buf, 0, length);
            records.Write(TlsConstants.ContentHandshake, buf, 0, length);
        }

        /// <summary>Erases every secret this handshake held (also on failure).</summary>
        public void Wipe()
        {
            keys.Wipe();
            Bytes.Wipe(ecdhPrivate);
            Bytes.Wipe(preMaster);
            Bytes.Wipe(buf);
        }

        private static int IndexOf(int[] values, int v)
        {
            for (int i = 0; i < values.Length; i++) if (values[i] == v) return i;
            return -1;
        }

        /// <summary>SNI must not carry literal addresses (RFC 6066 section 3). Whatever the certificate validator judges
        /// as an IP literal (valid or not, <see cref="IpAddressText"/>) is not sent as a host name.</summary>
        internal static bool IsIpLiteral(string host)
        {
            return IpAddressText.Parse(host, new byte[16], 0) != IpAddressText.NotAnAddress;
        }
    }
}

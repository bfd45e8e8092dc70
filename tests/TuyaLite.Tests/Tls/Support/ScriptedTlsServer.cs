using System;
using System.Collections;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>
    /// A TLS 1.2 server played in memory for the client's state-machine tests. It answers synchronously whenever the
    /// client reads from an empty pipe (MemoryTransport.Starved), so a whole handshake runs on one thread with no
    /// network. It uses the library's crypto pieces (P-256, SHA-256, PRF, record ciphers) but its own message framing,
    /// and its public fields form a script: suite and version chosen, extensions echoed, messages omitted or tampered.
    /// Observations (what the client sent) are exposed for asserts.
    /// </summary>
    internal sealed class ScriptedTlsServer
    {
        // ---------------------------------------------------------------- the script
        public int[] SuitePreference = new int[] { TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 };
        public int ForceSuite;                 // answer this suite whatever was offered (0 = choose)
        public int Version = TlsConstants.Version12;
        public int Compression;
        public int RefuseWithAlert = -1;       // answer the ClientHello with this fatal alert
        public int MflEcho = -1;               // -1 echo the client's code, 0 ignore MFL, else echo this code
        public bool SendEms = true;
        public bool ResumeWithoutEms;
        public bool IssueTickets;
        public bool AssignSessionIds = true;
        public bool AllowResumption = true;
        public byte[] RenegotiationInfo = new byte[0]; // null: leave the extension out
        public byte[] ExtraExtensions;         // raw extensions appended to the ServerHello's
        public byte[][] Chain = new byte[][] { TestPki.ServerLeaf };
        public byte[] SigningKey = TestPki.ServerKey;
        public bool OmitServerKeyExchange;
        public bool TamperKeyExchangeSignature;
        public int KeyExchangeGroup = TlsConstants.GroupSecp256r1;
        public bool RequestClientCertificate;
        public bool TamperFinished;
        public bool SkipChangeCipherSpec;
        public bool Stall;
        public int ServerFragment = TlsConstants.MaxPlaintext; // record size when MFL is not echoed
        public bool EchoApplicationData = true;
        public byte[] FinishedRecordTrailer;   // handshake bytes sent in the Finished's record, after it (not hashed)

        // ---------------------------------------------------------------- observations
        public int Handshakes;
        public bool LastResumed;
        public string SniSeen;
        public int MflCodeSeen;
        public bool TicketExtensionSeen;
        public int TicketLengthSeen;
        public int SessionIdLengthSeen;
        public bool EmsSeen;
        public int ClientCertificateLength = -1;
        public bool ClientCertificateVerified;
        public int LastAlertLevel = -1;
        public int LastAlert = -1;
        public int AlertsReceived;
        public bool ClientClosed;
        public bool ClientFinishedVerified;
        public int LargestClientRecord;
        public int ApplicationBytesReceived;

        // ---------------------------------------------------------------- state
        private const int PhaseHello = 0, PhaseClientFlight = 1, PhaseResumedFinish = 2, PhaseApplication = 3;

        private MemoryTransport end;
        private readonly IRandom random = new TestRandom(77);
        private readonly byte[] inbox = new byte[70000];
        private int inboxCount;
        private readonly byte[] hsIn = new byte[70000];
        private int hsCount;
        private ByteBuilder hsOut = new ByteBuilder();
        private readonly Sha256 transcript = new Sha256();
        private readonly Sha256 scratch = new Sha256();
        private readonly byte[] clientRandom = new byte[32];
        private readonly byte[] serverRandom = new byte[32];
        private readonly byte[] ephemeralPrivate = new byte[32];
        private readonly byte[] ephemeralPublic = new byte[65];
        private readonly byte[] hash = new byte[32];
        private readonly ArrayList sessions = new ArrayList();
        private KeySchedule keys;
        private CipherState readCipher;
        private CipherState writeCipher;
        private int phase;
        private int suite;
        private bool ems;
        private int fragment;
        private bool ticketPromised;
        private byte[] sessionId;
        private byte[] clientPublic;

        private sealed class ServerSession
        {
            public byte[] Id;
            public byte[] Ticket;
            public byte[] MasterSecret;
            public bool Ems;
            public int Suite;
        }

        /// <summary>Serves the server end of a pipe: answers when the client end starves.</summary>
        public ScriptedTlsServer(MemoryTransport serverEnd)
        {
            end = serverEnd;
            end.Peer.Starved = OnClientStarved;
        }

        /// <summary>A pipe pair with a server on it; returns the client end.</summary>
        public static MemoryTransport Create(out ScriptedTlsServer server)
        {
            MemoryTransport client, serverEnd;
            MemoryTransport.CreatePair(70000, out client, out serverEnd);
            server = new ScriptedTlsServer(serverEnd);
            return client;
        }

        /// <summary>A new pipe for the next connection (a reconnecting client), keeping the session cache.</summary>
        public MemoryTransport Reconnect()
        {
            MemoryTransport client, serverEnd;
            MemoryTransport.CreatePair(70000, out client, out serverEnd);
            end = serverEnd;
            client.Starved = OnClientStarved;
            inboxCount = 0;
            hsCount = 0;
            hsOut = new ByteBuilder();
            phase = PhaseHello;
            readCipher = null;
            writeCipher = null;
            ClientClosed = false;
            return client;
        }

        private MemoryTransport End { get { return end; } }

        /// <summary>Time (100 ns ticks) and P-256 field multiplications spent serving, so a test can take the server's
        /// share out of a client handshake's figures (the server runs inline on the client's thread).</summary>
        public long ServerTicks;
        public long ServerFieldMultiplications;

        private void OnClientStarved(MemoryTransport clientEnd)
        {
            long start = DateTime.UtcNow.Ticks;
            long muls = P256.FieldMultiplications;
            Pump();
            ServerTicks += DateTime.UtcNow.Ticks - start;
            ServerFieldMultiplications += P256.FieldMultiplications - muls;
        }

        /// <summary>Processes whatever the client has sent so far (also called when the client starves).</summary>
        public void Pump()
        {
            int n = End.Available;
            if (n > 0)
            {
                End.Read(inbox, inboxCount, n);
                inboxCount += n;
            }
            ProcessRecords();
        }

        // ---------------------------------------------------------------- incoming records

        private void ProcessRecords()
        {
            int p = 0;
            while (inboxCount - p >= 5)
            {
                int type = inbox[p];
                int length = Bytes.ReadUInt16BE(inbox, p + 3);
                if (inboxCount - p < 5 + length) break;
                int dataOffset = p + 5;
                int dataLength = length;
                if (readCipher != null)
                {
                    dataLength = readCipher.Open(type, inbox, p + 5, length);
                    if (dataLength < 0) throw new InvalidOperationException("server: client record failed authentication");
                    dataOffset = p + 5 + CipherState.ExplicitNonceSize;
                }
                if (dataLength > LargestClientRecord) LargestClientRecord = dataLength;
                p += 5 + length;
                Dispatch(type, dataOffset, dataLength);
            }
            Array.Copy(inbox, p, inbox, 0, inboxCount - p);
            inboxCount -= p;
        }

        private void Dispatch(int type, int offset, int length)
        {
            if (type == TlsConstants.ContentHandshake)
            {
                Array.Copy(inbox, offset, hsIn, hsCount, length);
                hsCount += length;
                ProcessHandshakeMessages();
            }
            else if (type == TlsConstants.ContentChangeCipherSpec)
            {
                readCipher = keys.CreateCipher(suite, true, null);
            }
            else if (type == TlsConstants.ContentAlert)
            {
                AlertsReceived++;
                LastAlertLevel = inbox[offset];
                LastAlert = inbox[offset + 1];
                if (LastAlert == TlsAlert.CloseNotify) ClientClosed = true;
            }
            else if (type == TlsConstants.ContentApplicationData)
            {
                ApplicationBytesReceived += length;
                if (EchoApplicationData && length > 0)
                {
                    byte[] copy = Bytes.Slice(inbox, offset, length);
                    SendApplicationData(copy);
                }
            }
        }

        private void ProcessHandshakeMessages()
        {
            int p = 0;
            while (hsCount - p >= 4)
            {
                int length = Bytes.ReadUInt24BE(hsIn, p + 1);
                if (hsCount - p < 4 + length) break;
                HandleMessage(hsIn[p], p, length);
                p += 4 + length;
            }
            Array.Copy(hsIn, p, hsIn, 0, hsCount - p);
            hsCount -= p;
        }

        private void HandleMessage(int type, int at, int length)
        {
            int body = at + 4;
            if (type == TlsConstants.ClientHello && phase == PhaseHello)
            {
                transcript.Reset();
                Hash(at, length);
                OnClientHello(body, length);
            }
            else if (type == TlsConstants.Certificate && phase == PhaseClientFlight)
            {
                Hash(at, length);
                int listLength = Bytes.ReadUInt24BE(hsIn, body);
                ClientCertificateLength = listLength == 0 ? 0 : Bytes.ReadUInt24BE(hsIn, body + 3);
                if (listLength > 0) clientPublic = FindP256Key(hsIn, body + 6, ClientCertificateLength);
            }
            else if (type == TlsConstants.ClientKeyExchange && phase == PhaseClientFlight)
            {
                Hash(at, length);
                OnClientKeyExchange(body);
            }
            else if (type == TlsConstants.CertificateVerify && phase == PhaseClientFlight)
            {
                Snapshot(hash);
                Hash(at, length);
                int sigLength = Bytes.ReadUInt16BE(hsIn, body + 2);
                ClientCertificateVerified = Bytes.ReadUInt16BE(hsIn, body) == TlsConstants.SignatureEcdsaSecp256r1Sha256
                    && P256.VerifyDer(clientPublic, 0, 65, hash, 0, hsIn, body + 4, sigLength);
            }
            else if (type == TlsConstants.Finished && (phase == PhaseClientFlight || phase == PhaseResumedFinish))
            {
                Snapshot(hash);
                byte[] expected = new byte[12];
                keys.ComputeVerifyData(true, hash, expected, 0);
                ClientFinishedVerified = length == 12 && Bytes.ConstantTimeEquals(expected, 0, hsIn, body, 12);
                Hash(at, length);
                if (!ClientFinishedVerified)
                {
                    SendAlert(TlsAlert.LevelFatal, TlsAlert.DecryptError);
                    return;
                }
                if (phase == PhaseClientFlight) FinishFull();
                phase = PhaseApplication;
                Handshakes++;
            }
            else throw new InvalidOperationException("server: unexpected " + TlsConstants.MessageName(type) + " in phase " + phase);
        }

        // ---------------------------------------------------------------- ClientHello and the server's first flight

        private void OnClientHello(int p, int length)
        {
            int limit = p + length;
            Array.Copy(hsIn, p + 2, clientRandom, 0, 32);
            p += 34;
            int sidLength = hsIn[p];
            byte[] clientSid = Bytes.Slice(hsIn, p + 1, sidLength);
            SessionIdLengthSeen = sidLength;
            p += 1 + sidLength;
            int suitesLength = Bytes.ReadUInt16BE(hsIn, p);
            int suitesAt = p + 2;
            p += 2 + suitesLength;
            p += 1 + hsIn[p];
            SniSeen = null;
            MflCodeSeen = 0;
            TicketExtensionSeen = false;
            EmsSeen = false;
            byte[] ticket = null;
            if (p < limit)
            {
                int extEnd = p + 2 + Bytes.ReadUInt16BE(hsIn, p);
                p += 2;
                while (p < extEnd)
                {
                    int t = Bytes.ReadUInt16BE(hsIn, p);
                    int n = Bytes.ReadUInt16BE(hsIn, p + 2);
                    int d = p + 4;
                    if (t == TlsConstants.ExtServerName) SniSeen = Bytes.ToAscii(hsIn, d + 5, Bytes.ReadUInt16BE(hsIn, d + 3));
                    if (t == TlsConstants.ExtMaxFragmentLength) MflCodeSeen = hsIn[d];
                    if (t == TlsConstants.ExtExtendedMasterSecret) EmsSeen = true;
                    if (t == TlsConstants.ExtSessionTicket)
                    {
                        TicketExtensionSeen = true;
                        TicketLengthSeen = n;
                        if (n > 0) ticket = Bytes.Slice(hsIn, d, n);
                    }
                    p = d + n;
                }
            }

            if (Stall) return;
            if (RefuseWithAlert >= 0)
            {
                SendAlert(TlsAlert.LevelFatal, RefuseWithAlert);
                return;
            }

            suite = ForceSuite != 0 ? ForceSuite : ChooseSuite(suitesAt, suitesLength);
            int mflCode = MflEcho < 0 ? MflCodeSeen : MflEcho;
            fragment = mflCode != 0 ? TlsConstants.MflLength(mflCode) : ServerFragment;
            if (fragment == 0) fragment = ServerFragment;
            ticketPromised = IssueTickets && TicketExtensionSeen;

            ServerSession resumed = AllowResumption ? FindSession(clientSid, ticket) : null;
            random.NextBytes(serverRandom, 0, 32);
            if (resumed != null)
            {
                LastResumed = true;
                suite = resumed.Suite;
                ems = resumed.Ems && !ResumeWithoutEms;
                sessionId = clientSid;
                WriteServerHello(clientSid, mflCode);
                keys = new KeySchedule();
                keys.SetMasterSecret(resumed.MasterSecret);
                keys.DeriveKeyBlock(clientRandom, serverRandom);
                if (ticketPromised) WriteNewSessionTicket(NewSession());
                WriteChangeCipherSpecAndFinished();
                phase = PhaseResumedFinish;
                return;
            }

            LastResumed = false;
            ems = SendEms && EmsSeen;
            sessionId = new byte[AssignSessionIds ? 32 : 0];
            random.NextBytes(sessionId, 0, sessionId.Length);
            WriteServerHello(sessionId, mflCode);
            WriteCertificate();
            if (!OmitServerKeyExchange) WriteServerKeyExchange();
            if (RequestClientCertificate)
                SendHandshake(new ByteBuilder().Message(TlsConstants.CertificateRequest)
                    .Begin(1).U8(TlsConstants.ClientCertTypeEcdsaSign).End()
                    .Begin(2).U16(0x0804).U16(TlsConstants.SignatureEcdsaSecp256r1Sha256).End()
                    .Begin(2).End().End().ToArray());
            SendHandshake(new ByteBuilder().Message(TlsConstants.ServerHelloDone).End().ToArray());
            FlushHandshake();
            phase = PhaseClientFlight;
        }

        private int ChooseSuite(int at, int length)
        {
            for (int i = 0; i < SuitePreference.Length; i++)
                for (int j = 0; j < length; j += 2)
                    if (Bytes.ReadUInt16BE(hsIn, at + j) == SuitePreference[i]) return SuitePreference[i];
            return 0xC02F; // something the client did not offer
        }

        private void WriteServerHello(byte[] sid, int mflCode)
        {
            ByteBuilder b = new ByteBuilder().Message(TlsConstants.ServerHello).U16(Version).Raw(serverRandom)
                .Begin(1).Raw(sid).End().U16(suite).U8(Compression).Begin(2);
            if (ems) b.U16(TlsConstants.ExtExtendedMasterSecret).U16(0);
            if (RenegotiationInfo != null) b.U16(TlsConstants.ExtRenegotiationInfo).Begin(2).Begin(1).Raw(RenegotiationInfo).End().End();
            if (mflCode != 0) b.U16(TlsConstants.ExtMaxFragmentLength).U16(1).U8(mflCode);
            b.U16(TlsConstants.ExtEcPointFormats).U16(2).U8(1).U8(0);
            if (ticketPromised) b.U16(TlsConstants.ExtSessionTicket).U16(0);
            if (ExtraExtensions != null) b.Raw(ExtraExtensions);
            SendHandshake(b.End().End().ToArray());
        }

        private void WriteCertificate()
        {
            ByteBuilder b = new ByteBuilder().Message(TlsConstants.Certificate).Begin(3);
            for (int i = 0; i < Chain.Length; i++) b.Begin(3).Raw(Chain[i]).End();
            SendHandshake(b.End().End().ToArray());
        }

        private void WriteServerKeyExchange()
        {
            P256.GenerateKeyPair(random, ephemeralPrivate, 0, ephemeralPublic, 0);
            byte[] ecParams = new ByteBuilder().U8(TlsConstants.CurveTypeNamedCurve).U16(KeyExchangeGroup).Begin(1).Raw(ephemeralPublic).End().ToArray();
            scratch.Reset();
            scratch.Update(clientRandom, 0, 32);
            scratch.Update(serverRandom, 0, 32);
            scratch.Update(ecParams, 0, ecParams.Length);
            scratch.Final(hash, 0);
            byte[] signature = new byte[P256.MaxDerSignatureSize];
            int sigLength = P256.SignDer(SigningKey, 0, hash, 0, signature, 0);
            if (TamperKeyExchangeSignature) signature[sigLength - 1] ^= 1;
            SendHandshake(new ByteBuilder().Message(TlsConstants.ServerKeyExchange).Raw(ecParams)
                .U16(TlsConstants.SignatureEcdsaSecp256r1Sha256).Begin(2).Raw(signature, 0, sigLength).End().End().ToArray());
        }

        // ---------------------------------------------------------------- the client's flight

        private void OnClientKeyExchange(int body)
        {
            byte[] point = Bytes.Slice(hsIn, body + 1, hsIn[body]);
            byte[] preMaster = new byte[32];
            P256.Ecdh(ephemeralPrivate, 0, point, 0, point.Length, preMaster, 0);
            keys = new KeySchedule();
            if (ems)
            {
                Snapshot(hash);
                keys.DeriveExtendedMasterSecret(preMaster, 32, hash);
            }
            else keys.DeriveMasterSecret(preMaster, 32, clientRandom, serverRandom);
            keys.DeriveKeyBlock(clientRandom, serverRandom);
        }

        private void FinishFull()
        {
            ServerSession s = NewSession();
            if (ticketPromised) WriteNewSessionTicket(s);
            WriteChangeCipherSpecAndFinished();
        }

        private ServerSession NewSession()
        {
            ServerSession s = new ServerSession();
            s.Id = sessionId;
            s.MasterSecret = Bytes.Slice(keys.MasterSecret, 0, 48);
            s.Ems = ems;
            s.Suite = suite;
            s.Ticket = new byte[] { 0x54, 0x4B, (byte)sessions.Count, 0xEE, 0xEE, 0xEE };
            sessions.Add(s);
            return s;
        }

        private void WriteNewSessionTicket(ServerSession s)
        {
            SendHandshake(new ByteBuilder().Message(TlsConstants.NewSessionTicket).U32(300).Begin(2).Raw(s.Ticket).End().End().ToArray());
        }

        private void WriteChangeCipherSpecAndFinished()
        {
            FlushHandshake();
            if (!SkipChangeCipherSpec)
            {
                WriteRecord(TlsConstants.ContentChangeCipherSpec, new byte[] { 1 }, 0, 1);
                writeCipher = keys.CreateCipher(suite, false, null);
            }
            Snapshot(hash);
            byte[] verify = new byte[12];
            keys.ComputeVerifyData(false, hash, verify, 0);
            if (TamperFinished) verify[0] ^= 0x80;
            SendHandshake(new ByteBuilder().Message(TlsConstants.Finished).Raw(verify).End().ToArray());
            if (FinishedRecordTrailer != null) hsOut.Raw(FinishedRecordTrailer);
            FlushHandshake();
        }

        private ServerSession FindSession(byte[] sid, byte[] ticket)
        {
            for (int i = 0; i < sessions.Count; i++)
            {
                ServerSession s = (ServerSession)sessions[i];
                if (ticket != null && Same(ticket, s.Ticket)) return s;
                if (ticket == null && sid.Length > 0 && Same(sid, s.Id)) return s;
            }
            return null;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            return a.Length == b.Length && Bytes.ConstantTimeEquals(a, 0, b, 0, a.Length);
        }

        /// <summary>The 65-byte P-256 point of a certificate's subjectPublicKeyInfo (BIT STRING 03 42 00 04 ...).</summary>
        private static byte[] FindP256Key(byte[] der, int offset, int length)
        {
            for (int i = offset; i + 4 + 65 <= offset + length; i++)
                if (der[i] == 0x03 && der[i + 1] == 0x42 && der[i + 2] == 0 && der[i + 3] == 4) return Bytes.Slice(der, i + 3, 65);
            return null;
        }

        // ---------------------------------------------------------------- outgoing

        private void Hash(int at, int length) { transcript.Update(hsIn, at, 4 + length); }

        private void Snapshot(byte[] output)
        {
            transcript.CopyTo(scratch);
            scratch.Final(output, 0);
        }

        private void SendHandshake(byte[] message)
        {
            transcript.Update(message, 0, message.Length);
            hsOut.Raw(message);
        }

        private void FlushHandshake()
        {
            byte[] all = hsOut.ToArray();
            int limit = fragment > 0 ? fragment : TlsConstants.MaxPlaintext;
            for (int p = 0; p < all.Length; p += limit)
                WriteRecord(TlsConstants.ContentHandshake, all, p, all.Length - p < limit ? all.Length - p : limit);
            hsOut = new ByteBuilder();
        }

        /// <summary>Sends application data, fragmented to the negotiated length.</summary>
        public void SendApplicationData(byte[] data)
        {
            int limit = fragment > 0 ? fragment : TlsConstants.MaxPlaintext;
            for (int p = 0; p < data.Length; p += limit)
                WriteRecord(TlsConstants.ContentApplicationData, data, p, data.Length - p < limit ? data.Length - p : limit);
        }

        public void SendAlert(int level, int description)
        {
            WriteRecord(TlsConstants.ContentAlert, new byte[] { (byte)level, (byte)description }, 0, 2);
        }

        /// <summary>Sends one record of any type and size, protected when keys are active (misbehaviour tests).</summary>
        public void WriteRecord(int type, byte[] data, int offset, int count)
        {
            int overhead = writeCipher != null ? writeCipher.Overhead : 0;
            byte[] record = new byte[5 + overhead + count];
            int plainAt = 5 + (writeCipher != null ? CipherState.ExplicitNonceSize : 0);
            Array.Copy(data, offset, record, plainAt, count);
            int body = writeCipher != null ? writeCipher.Seal(type, record, 0, count) : count;
            record[0] = (byte)type;
            Bytes.WriteUInt16BE(record, 1, TlsConstants.Version12);
            Bytes.WriteUInt16BE(record, 3, body);
            End.Write(record, 0, record.Length);
        }

        /// <summary>Sends raw bytes as they are.</summary>
        public void WriteRaw(byte[] bytes) { End.Write(bytes, 0, bytes.Length); }

        public bool KeysActive { get { return writeCipher != null; } }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// What a client remembers to resume a TLS 1.2 session (RFC 5246 section 7.3 by session ID, RFC 5077 by ticket):
    /// suite, master secret, extended-master-secret flag (RFC 7627 section 5.3), fragment length, session ID and/or
    /// ticket, the server name it belongs to, and the validity of the leaf verified in the full handshake (a resumed
    /// session sees no certificate). Serializes to a small byte blob so a device can keep it in
    /// <see cref="IStorage"/> and resume after a reboot. The blob holds the master secret: store it where the device
    /// keeps its other credentials.
    /// </summary>
    public sealed class TlsSession
    {
        private const byte FormatVersion = 1;
        private const int FlagExtendedMasterSecret = 1;
        private const int FlagLeafTimeProvisional = 2;
        private const int MaxServerNameLength = 255;

        public int CipherSuite;
        public bool ExtendedMasterSecret;
        /// <summary>Negotiated Max Fragment Length (512..4096), or 0 when none was negotiated.</summary>
        public int FragmentLength;
        public byte[] MasterSecret;
        /// <summary>Session ID assigned by the server (may be empty when only a ticket resumes the session).</summary>
        public byte[] SessionId;
        /// <summary>RFC 5077 ticket (opaque), or null.</summary>
        public byte[] Ticket;
        public uint TicketLifetimeSeconds;
        public string ServerName;
        public DateTime LeafNotBefore;
        public DateTime LeafNotAfter;
        /// <summary>The leaf's validity was checked against a lower bound only (clock unknown): recheck with
        /// <c>TlsClient.RevalidateTime</c> once the time is known.</summary>
        public bool LeafTimeProvisional;

        /// <summary>True when the session carries what an abbreviated handshake needs.</summary>
        public bool IsResumable
        {
            get
            {
                return MasterSecret != null && MasterSecret.Length == TlsConstants.MasterSecretSize
                    && ((SessionId != null && SessionId.Length > 0) || (Ticket != null && Ticket.Length > 0));
            }
        }

        /// <summary>Bytes held in this object's arrays.</summary>
        public int HeldBytes
        {
            get
            {
                return (MasterSecret != null ? MasterSecret.Length : 0) + (SessionId != null ? SessionId.Length : 0)
                    + (Ticket != null ? Ticket.Length : 0);
            }
        }

        /// <summary>Size of the blob <see cref="Export(byte[], int)"/> writes.</summary>
        public int ExportedSize
        {
            get
            {
                return 1 + 2 + 1 + 2 + TlsConstants.MasterSecretSize + 1 + Len(SessionId) + 2 + Len(Ticket) + 4
                    + 1 + (ServerName != null ? ServerName.Length : 0) + 8 + 8;
            }
        }

        /// <summary>Writes the session blob at offset; returns its length.</summary>
        public int Export(byte[] buffer, int offset)
        {
            if (!IsResumable) throw new InvalidOperationException("session is not resumable");
            if (ServerName != null && ServerName.Length > MaxServerNameLength) throw new InvalidOperationException("server name too long");
            int p = offset;
            buffer[p++] = FormatVersion;
            Bytes.WriteUInt16BE(buffer, p, CipherSuite); p += 2;
            buffer[p++] = (byte)((ExtendedMasterSecret ? FlagExtendedMasterSecret : 0) | (LeafTimeProvisional ? FlagLeafTimeProvisional : 0));
            Bytes.WriteUInt16BE(buffer, p, FragmentLength); p += 2;
            Array.Copy(MasterSecret, 0, buffer, p, TlsConstants.MasterSecretSize); p += TlsConstants.MasterSecretSize;
            buffer[p++] = (byte)Len(SessionId);
            if (SessionId != null) { Array.Copy(SessionId, 0, buffer, p, SessionId.Length); p += SessionId.Length; }
            Bytes.WriteUInt16BE(buffer, p, Len(Ticket)); p += 2;
            if (Ticket != null) { Array.Copy(Ticket, 0, buffer, p, Ticket.Length); p += Ticket.Length; }
            Bytes.WriteUInt32BE(buffer, p, TicketLifetimeSeconds); p += 4;
            if (ServerName == null) buffer[p++] = 0;
            else { buffer[p++] = (byte)ServerName.Length; p += Bytes.WriteAscii(ServerName, buffer, p); }
            Bytes.WriteUInt64BE(buffer, p, (ulong)LeafNotBefore.Ticks); p += 8;
            Bytes.WriteUInt64BE(buffer, p, (ulong)LeafNotAfter.Ticks); p += 8;
            return p - offset;
        }

        /// <summary>The session as a new byte array.</summary>
        public byte[] Export()
        {
            byte[] b = new byte[ExportedSize];
            Export(b, 0);
            return b;
        }

        /// <summary>Reads a blob written by <see cref="Export(byte[], int)"/>; throws FormatException when it is malformed.</summary>
        public static TlsSession Import(byte[] buffer, int offset, int count)
        {
            int p = offset;
            int end = offset + count;
            Need(p, 1 + 2 + 1 + 2 + TlsConstants.MasterSecretSize + 1, end);
            if (buffer[p++] != FormatVersion) throw new FormatException("unknown session format");
            TlsSession s = new TlsSession();
            s.CipherSuite = Bytes.ReadUInt16BE(buffer, p); p += 2;
            int flags = buffer[p++];
            if ((flags & ~(FlagExtendedMasterSecret | FlagLeafTimeProvisional)) != 0) throw new FormatException("unknown session flags");
            s.ExtendedMasterSecret = (flags & FlagExtendedMasterSecret) != 0;
            s.LeafTimeProvisional = (flags & FlagLeafTimeProvisional) != 0;
            s.FragmentLength = Bytes.ReadUInt16BE(buffer, p); p += 2;
            if (s.FragmentLength != 0 && TlsConstants.MflCode(s.FragmentLength) == 0) throw new FormatException("bad fragment length");
            s.MasterSecret = Bytes.Slice(buffer, p, TlsConstants.MasterSecretSize); p += TlsConstants.MasterSecretSize;
            int idLength = buffer[p++];
            if (idLength > TlsConstants.MaxSessionIdSize) throw new FormatException("session id too long");
            Need(p, idLength + 2, end);
            s.SessionId = Bytes.Slice(buffer, p, idLength); p += idLength;
            int ticketLength = Bytes.ReadUInt16BE(buffer, p); p += 2;
            Need(p, ticketLength + 4 + 1, end);
            s.Ticket = ticketLength > 0 ? Bytes.Slice(buffer, p, ticketLength) : null; p += ticketLength;
            s.TicketLifetimeSeconds = Bytes.ReadUInt32BE(buffer, p); p += 4;
            int nameLength = buffer[p++];
            Need(p, nameLength + 16, end);
            s.ServerName = nameLength > 0 ? Bytes.ToAscii(buffer, p, nameLength) : null; p += nameLength;
            s.LeafNotBefore = TicksToDate(Bytes.ReadUInt64BE(buffer, p)); p += 8;
            s.LeafNotAfter = TicksToDate(Bytes.ReadUInt64BE(buffer, p)); p += 8;
            if (p != end) throw new FormatException("trailing bytes in session");
            if (!s.IsResumable) throw new FormatException("session has neither session id nor ticket");
            return s;
        }

        /// <summary>Erases the master secret and ticket (after a fatal error or when replaced).</summary>
        public void Wipe()
        {
            Bytes.Wipe(MasterSecret);
            Bytes.Wipe(Ticket);
            MasterSecret = null;
            Ticket = null;
            SessionId = null;
        }

        private static int Len(byte[] b) { return b == null ? 0 : b.Length; }

        private static void Need(int p, int count, int end)
        {
            if (p + count > end) throw new FormatException("session blob truncated");
        }

        private static DateTime TicksToDate(ulong ticks)
        {
            if (ticks > (ulong)DateTime.MaxValue.Ticks) throw new FormatException("bad date");
            return new DateTime((long)ticks, DateTimeKind.Utc);
        }
    }
}

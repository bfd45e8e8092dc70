using System;

namespace TuyaLite.Tls
{
    /// <summary>
    /// A parsed ServerHello (RFC 5246 section 7.4.1.3). Parsing checks the encoding; <see cref="Extensions"/> applies the
    /// negotiation rules to what was found. The arrays are allocated once per handshake and filled in place.
    /// </summary>
    internal sealed class ServerHello
    {
        public int Version;
        public readonly byte[] Random = new byte[TlsConstants.RandomSize];
        public readonly byte[] SessionId = new byte[TlsConstants.MaxSessionIdSize];
        public int SessionIdLength;
        public int CipherSuite;
        public int Compression;

        // Extensions found (ExtensionsSeen is a bit set, see Extensions.Bit).
        public int ExtensionsSeen;
        public int FragmentLengthCode;        // MFL code the server echoed (valid when seen)
        public bool PointFormatUncompressed;  // ec_point_formats lists uncompressed
        public int RenegotiatedConnectionLength;

        /// <summary>Parses the body of a ServerHello; throws decode_error (or unsupported_extension for an unknown
        /// extension, illegal_parameter for a duplicate one).</summary>
        public void Parse(MessageReader r)
        {
            Version = r.U16();
            Array.Copy(r.Buffer, r.Skip(TlsConstants.RandomSize), Random, 0, TlsConstants.RandomSize);
            SessionIdLength = r.Vector8();
            if (SessionIdLength > TlsConstants.MaxSessionIdSize) throw r.Fail("session_id longer than 32 bytes");
            Array.Copy(r.Buffer, r.Skip(SessionIdLength), SessionId, 0, SessionIdLength);
            CipherSuite = r.U16();
            Compression = r.U8();
            ExtensionsSeen = 0;
            FragmentLengthCode = 0;
            PointFormatUncompressed = false;
            RenegotiatedConnectionLength = -1;
            if (r.Remaining == 0) return; // no extensions block at all
            int total = r.Vector16();
            if (total != r.Remaining) throw r.Fail("extensions length");
            while (r.Remaining > 0)
            {
                int type = r.U16();
                int length = r.Vector16();
                int bit = Extensions.Bit(type);
                if (bit == 0) throw new TlsProtocolException(TlsAlert.UnsupportedExtension, "server sent unsupported extension " + type);
                if ((ExtensionsSeen & bit) != 0) throw new TlsProtocolException(TlsAlert.IllegalParameter, "server sent extension " + type + " twice");
                ExtensionsSeen |= bit;
                ParseExtension(r, type, length);
            }
        }

        private void ParseExtension(MessageReader r, int type, int length)
        {
            int end = r.Position + length;
            switch (type)
            {
                case TlsConstants.ExtMaxFragmentLength:
                    if (length != 1) throw r.Fail("max_fragment_length must hold one byte");
                    FragmentLengthCode = r.U8();
                    break;
                case TlsConstants.ExtEcPointFormats:
                    int n = r.Vector8();
                    if (n == 0 || n + 1 != length) throw r.Fail("ec_point_formats length");
                    for (int i = 0; i < n; i++)
                        if (r.U8() == TlsConstants.PointFormatUncompressed) PointFormatUncompressed = true;
                    break;
                case TlsConstants.ExtRenegotiationInfo:
                    int rc = r.Vector8();
                    if (rc + 1 != length) throw r.Fail("renegotiation_info length");
                    RenegotiatedConnectionLength = rc;
                    r.Skip(rc);
                    break;
                case TlsConstants.ExtServerName:
                case TlsConstants.ExtExtendedMasterSecret:
                case TlsConstants.ExtSessionTicket:
                    // RFC 6066 section 3, RFC 7627 section 5.1, RFC 5077 section 3.2: the server's extension_data is empty.
                    if (length != 0) throw r.Fail("extension " + type + " must be empty");
                    break;
                default:
                    // supported_groups and signature_algorithms: a TLS 1.2 server must not send them.
                    throw new TlsProtocolException(TlsAlert.UnsupportedExtension, "server sent extension " + type + " which servers must not send");
            }
            if (r.Position != end) throw r.Fail("extension " + type + " length");
        }

        public bool Has(int extensionType) { return (ExtensionsSeen & Extensions.Bit(extensionType)) != 0; }
    }
}

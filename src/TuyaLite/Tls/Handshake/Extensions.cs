namespace TuyaLite.Tls
{
    /// <summary>
    /// The ClientHello extensions the client sends and the rules a ServerHello's extensions must follow:
    /// only extensions we offered (RFC 5246 section 7.4.1.4: otherwise unsupported_extension), with the values we can
    /// accept (max_fragment_length echoing ours exactly, ec_point_formats listing uncompressed, an empty
    /// renegotiation_info on an initial handshake per RFC 5746 section 3.4).
    /// </summary>
    internal static class Extensions
    {
        /// <summary>A bit per extension the client knows (0 for any other type).</summary>
        public static int Bit(int type)
        {
            switch (type)
            {
                case TlsConstants.ExtServerName: return 1;
                case TlsConstants.ExtMaxFragmentLength: return 2;
                case TlsConstants.ExtSupportedGroups: return 4;
                case TlsConstants.ExtEcPointFormats: return 8;
                case TlsConstants.ExtSignatureAlgorithms: return 16;
                case TlsConstants.ExtExtendedMasterSecret: return 32;
                case TlsConstants.ExtSessionTicket: return 64;
                case TlsConstants.ExtRenegotiationInfo: return 128;
                default: return 0;
            }
        }

        /// <summary>
        /// Writes the ClientHello extensions block. serverName null = no SNI; mflCode 0 = no MFL; ticket null with
        /// offerTicket = empty session_ticket (asking for a new one). Returns the bit set of extensions offered.
        /// </summary>
        public static int WriteClientHello(MessageWriter w, string serverName, int mflCode, bool offerTicket, byte[] ticket)
        {
            int offered = 0;
            int block = w.BeginVector(2);

            if (serverName != null)
            {
                w.U16(TlsConstants.ExtServerName);
                int ext = w.BeginVector(2);
                int list = w.BeginVector(2);
                w.U8(TlsConstants.ServerNameTypeHostName);
                int name = w.BeginVector(2);
                int at = w.Reserve(serverName.Length);
                TuyaLite.Platform.Bytes.WriteAscii(serverName, w.Buffer, at);
                w.EndVector(name);
                w.EndVector(list);
                w.EndVector(ext);
                offered |= Bit(TlsConstants.ExtServerName);
            }

            if (mflCode != 0)
            {
                w.U16(TlsConstants.ExtMaxFragmentLength);
                w.U16(1);
                w.U8(mflCode);
                offered |= Bit(TlsConstants.ExtMaxFragmentLength);
            }

            w.U16(TlsConstants.ExtSupportedGroups);
            w.U16(4);
            w.U16(2);
            w.U16(TlsConstants.GroupSecp256r1);

            w.U16(TlsConstants.ExtEcPointFormats);
            w.U16(2);
            w.U8(1);
            w.U8(TlsConstants.PointFormatUncompressed);

            w.U16(TlsConstants.ExtSignatureAlgorithms);
            w.U16(4);
            w.U16(2);
            w.U16(TlsConstants.SignatureEcdsaSecp256r1Sha256);

            w.U16(TlsConstants.ExtExtendedMasterSecret);
            w.U16(0);

            if (offerTicket)
            {
                w.U16(TlsConstants.ExtSessionTicket);
                int ext = w.BeginVector(2);
                if (ticket != null) w.Write(ticket, 0, ticket.Length);
                w.EndVector(ext);
                offered |= Bit(TlsConstants.ExtSessionTicket);
            }

            w.U16(TlsConstants.ExtRenegotiationInfo);
            w.U16(1);
            w.U8(0);

            w.EndVector(block);
            return offered | Bit(TlsConstants.ExtSupportedGroups) | Bit(TlsConstants.ExtEcPointFormats)
                | Bit(TlsConstants.ExtSignatureAlgorithms) | Bit(TlsConstants.ExtExtendedMasterSecret) | Bit(TlsConstants.ExtRenegotiationInfo);
        }

        /// <summary>Bytes <see cref="WriteClientHello"/> writes for these inputs (to size the message before writing).</summary>
        public static int ClientHelloSize(string serverName, int mflCode, bool offerTicket, byte[] ticket)
        {
            int n = 2;
            if (serverName != null) n += 4 + 2 + 1 + 2 + serverName.Length;
            if (mflCode != 0) n += 5;
            n += 8 + 6 + 8 + 4;
            if (offerTicket) n += 4 + (ticket != null ? ticket.Length : 0);
            return n + 5;
        }

        /// <summary>
        /// Applies the negotiation rules to a parsed ServerHello: every extension must have been offered, MFL must echo
        /// our code, ec_point_formats must allow uncompressed points, renegotiation_info must be empty.
        /// </summary>
        public static void CheckServerHello(ServerHello sh, int offered, int offeredMflCode)
        {
            int unsolicited = sh.ExtensionsSeen & ~offered;
            if (unsolicited != 0)
                throw new TlsProtocolException(TlsAlert.UnsupportedExtension, "server sent an extension the client did not offer (bits 0x" + unsolicited.ToString("X2") + ")");
            if (sh.Has(TlsConstants.ExtMaxFragmentLength) && sh.FragmentLengthCode != offeredMflCode)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server answered max_fragment_length code " + sh.FragmentLengthCode + ", offered " + offeredMflCode);
            if (sh.Has(TlsConstants.ExtEcPointFormats) && !sh.PointFormatUncompressed)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server does not accept uncompressed points");
            if (sh.Has(TlsConstants.ExtRenegotiationInfo) && sh.RenegotiatedConnectionLength != 0)
                throw new TlsProtocolException(TlsAlert.HandshakeFailure, "non-empty renegotiation_info on an initial handshake");
        }
    }
}

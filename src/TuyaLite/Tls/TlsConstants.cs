namespace TuyaLite.Tls
{
    /// <summary>
    /// The one home of TLS 1.2 wire constants the client uses (RFC 5246, 6066, 7627, 5077, 5746, 8422, 6655/7251).
    /// Constants rather than enums so names survive on the device and values are plain ints on the wire.
    /// </summary>
    public static class TlsConstants
    {
        // Protocol version (RFC 5246): the only one spoken.
        public const int Version12 = 0x0303;

        // Record content types (RFC 5246 section 6.2.1).
        public const int ContentChangeCipherSpec = 20;
        public const int ContentAlert = 21;
        public const int ContentHandshake = 22;
        public const int ContentApplicationData = 23;

        /// <summary>Record header: type(1) version(2) length(2).</summary>
        public const int RecordHeaderSize = 5;
        /// <summary>Largest plaintext fragment without Max Fragment Length (2^14).</summary>
        public const int MaxPlaintext = 16384;

        // Handshake message types (RFC 5246 section 7.4, RFC 5077).
        public const int HelloRequest = 0;
        public const int ClientHello = 1;
        public const int ServerHello = 2;
        public const int NewSessionTicket = 4;
        public const int Certificate = 11;
        public const int ServerKeyExchange = 12;
        public const int CertificateRequest = 13;
        public const int ServerHelloDone = 14;
        public const int CertificateVerify = 15;
        public const int ClientKeyExchange = 16;
        public const int Finished = 20;

        /// <summary>Handshake message header: type(1) length(3).</summary>
        public const int HandshakeHeaderSize = 4;
        public const int RandomSize = 32;
        public const int MaxSessionIdSize = 32;
        public const int MasterSecretSize = 48;
        public const int VerifyDataSize = 12;

        // Cipher suites (RFC 5289, RFC 7251).
        public const int TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 0xC02B;
        public const int TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 = 0xC0AE;

        // Extensions.
        public const int ExtServerName = 0;               // RFC 6066
        public const int ExtMaxFragmentLength = 1;        // RFC 6066
        public const int ExtSupportedGroups = 10;         // RFC 8422 (was elliptic_curves)
        public const int ExtEcPointFormats = 11;          // RFC 8422
        public const int ExtSignatureAlgorithms = 13;     // RFC 5246
        public const int ExtExtendedMasterSecret = 23;    // RFC 7627
        public const int ExtSessionTicket = 35;           // RFC 5077
        public const int ExtRenegotiationInfo = 0xFF01;   // RFC 5746

        public const int GroupSecp256r1 = 23;
        public const int PointFormatUncompressed = 0;
        public const int CurveTypeNamedCurve = 3;
        public const int SignatureEcdsaSecp256r1Sha256 = 0x0403;
        /// <summary>ClientCertificateType ecdsa_sign (RFC 8422 section 5.5).</summary>
        public const int ClientCertTypeEcdsaSign = 64;

        /// <summary>Server name type host_name (RFC 6066 section 3).</summary>
        public const int ServerNameTypeHostName = 0;

        /// <summary>Max Fragment Length code (RFC 6066 section 4) for a length: 512→1, 1024→2, 2048→3, 4096→4, else 0.</summary>
        public static int MflCode(int fragmentLength)
        {
            switch (fragmentLength)
            {
                case 512: return 1;
                case 1024: return 2;
                case 2048: return 3;
                case 4096: return 4;
                default: return 0;
            }
        }

        /// <summary>Fragment length of a Max Fragment Length code, or 0 for an unknown code.</summary>
        public static int MflLength(int code)
        {
            switch (code)
            {
                case 1: return 512;
                case 2: return 1024;
                case 3: return 2048;
                case 4: return 4096;
                default: return 0;
            }
        }

        /// <summary>Readable suite name (diagnostics, CLI).</summary>
        public static string SuiteName(int suite)
        {
            switch (suite)
            {
                case TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256";
                case TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8: return "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8";
                default: return "suite_0x" + suite.ToString("X4");
            }
        }

        /// <summary>Readable handshake message name (error messages).</summary>
        public static string MessageName(int type)
        {
            switch (type)
            {
                case HelloRequest: return "HelloRequest";
                case ClientHello: return "ClientHello";
                case ServerHello: return "ServerHello";
                case NewSessionTicket: return "NewSessionTicket";
                case Certificate: return "Certificate";
                case ServerKeyExchange: return "ServerKeyExchange";
                case CertificateRequest: return "CertificateRequest";
                case ServerHelloDone: return "ServerHelloDone";
                case CertificateVerify: return "CertificateVerify";
                case ClientKeyExchange: return "ClientKeyExchange";
                case Finished: return "Finished";
                default: return "handshake message " + type;
            }
        }
    }
}

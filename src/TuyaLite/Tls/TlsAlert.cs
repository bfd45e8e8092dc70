namespace TuyaLite.Tls
{
    /// <summary>TLS alert levels and descriptions (RFC 5246 section 7.2, RFC 6066, RFC 8446 where TLS 1.2 uses them).</summary>
    public static class TlsAlert
    {
        public const byte LevelWarning = 1;
        public const byte LevelFatal = 2;

        public const byte CloseNotify = 0;
        public const byte UnexpectedMessage = 10;
        public const byte BadRecordMac = 20;
        public const byte RecordOverflow = 22;
        public const byte HandshakeFailure = 40;
        public const byte BadCertificate = 42;
        public const byte UnsupportedCertificate = 43;
        public const byte CertificateRevoked = 44;
        public const byte CertificateExpired = 45;
        public const byte CertificateUnknown = 46;
        public const byte IllegalParameter = 47;
        public const byte UnknownCa = 48;
        public const byte AccessDenied = 49;
        public const byte DecodeError = 50;
        public const byte DecryptError = 51;
        public const byte ProtocolVersion = 70;
        public const byte InsufficientSecurity = 71;
        public const byte InternalError = 80;
        public const byte UserCanceled = 90;
        public const byte NoRenegotiation = 100;
        public const byte MissingExtension = 109;
        public const byte UnsupportedExtension = 110;
        public const byte UnrecognizedName = 112;

        /// <summary>Readable name of an alert description (enum names are not available on the device).</summary>
        public static string Name(int description)
        {
            switch (description)
            {
                case CloseNotify: return "close_notify";
                case UnexpectedMessage: return "unexpected_message";
                case BadRecordMac: return "bad_record_mac";
                case RecordOverflow: return "record_overflow";
                case HandshakeFailure: return "handshake_failure";
                case BadCertificate: return "bad_certificate";
                case UnsupportedCertificate: return "unsupported_certificate";
                case CertificateRevoked: return "certificate_revoked";
                case CertificateExpired: return "certificate_expired";
                case CertificateUnknown: return "certificate_unknown";
                case IllegalParameter: return "illegal_parameter";
                case UnknownCa: return "unknown_ca";
                case AccessDenied: return "access_denied";
                case DecodeError: return "decode_error";
                case DecryptError: return "decrypt_error";
                case ProtocolVersion: return "protocol_version";
                case InsufficientSecurity: return "insufficient_security";
                case InternalError: return "internal_error";
                case UserCanceled: return "user_canceled";
                case NoRenegotiation: return "no_renegotiation";
                case MissingExtension: return "missing_extension";
                case UnsupportedExtension: return "unsupported_extension";
                case UnrecognizedName: return "unrecognized_name";
                default: return "alert_" + description;
            }
        }
    }
}

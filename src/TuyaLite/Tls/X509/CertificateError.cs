namespace TuyaLite.Tls
{
    /// <summary>Why a server certificate chain was refused. Constants (not an enum) so names survive on the device.</summary>
    public static class CertificateError
    {
        public const int None = 0;
        public const int Malformed = 1;               // DER or X.509 structure invalid
        public const int ChainShape = 2;              // not exactly leaf (+ optional copy of the pinned root)
        public const int UntrustedRoot = 3;           // no pinned root issued the leaf
        public const int BadSignature = 4;            // ECDSA-SHA256 signature does not verify
        public const int UnsupportedSignatureAlgorithm = 5;
        public const int UnsupportedKey = 6;          // leaf key is not a P-256 EC key
        public const int HostnameMismatch = 7;
        public const int Expired = 8;
        public const int NotYetValid = 9;
        public const int KeyUsage = 10;
        public const int ExtendedKeyUsage = 11;
        public const int BasicConstraints = 12;
        public const int NameConstraints = 13;
        public const int UnknownCriticalExtension = 14;
        public const int ClockUnknown = 15;

        public static string Name(int error)
        {
            switch (error)
            {
                case None: return "none";
                case Malformed: return "malformed certificate";
                case ChainShape: return "chain is not a 2-level chain";
                case UntrustedRoot: return "leaf not issued by a pinned root";
                case BadSignature: return "bad certificate signature";
                case UnsupportedSignatureAlgorithm: return "unsupported signature algorithm";
                case UnsupportedKey: return "leaf key is not P-256";
                case HostnameMismatch: return "hostname mismatch";
                case Expired: return "certificate expired";
                case NotYetValid: return "certificate not yet valid";
                case KeyUsage: return "key usage forbids TLS server authentication";
                case ExtendedKeyUsage: return "extended key usage forbids TLS server authentication";
                case BasicConstraints: return "basic constraints violated";
                case NameConstraints: return "name constraints violated";
                case UnknownCriticalExtension: return "unknown critical extension";
                case ClockUnknown: return "clock unknown and no lower bound";
                default: return "certificate error " + error;
            }
        }
    }

    /// <summary>The server certificate chain failed the 2-level policy; <see cref="Error"/> says why.</summary>
    public class TlsCertificateException : TlsPolicyException
    {
        public TlsCertificateException(int error, string detail)
            : base(AlertFor(error), CertificateError.Name(error) + (detail == null ? "" : ": " + detail))
        {
            Error = error;
            Detail = detail;
        }

        public int Error { get; private set; }

        /// <summary>The specific reason after the error name (may be null), e.g. for one-line diagnostics.</summary>
        public string Detail { get; private set; }

        private static int AlertFor(int error)
        {
            switch (error)
            {
                case CertificateError.UntrustedRoot: return TlsAlert.UnknownCa;
                case CertificateError.Expired:
                case CertificateError.NotYetValid: return TlsAlert.CertificateExpired;
                case CertificateError.UnsupportedKey:
                case CertificateError.UnsupportedSignatureAlgorithm: return TlsAlert.UnsupportedCertificate;
                case CertificateError.Malformed: return TlsAlert.DecodeError;
                default: return TlsAlert.BadCertificate;
            }
        }
    }
}

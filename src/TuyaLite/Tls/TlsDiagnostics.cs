using System;

namespace TuyaLite.Tls
{
    /// <summary>What the last handshake of a <see cref="TlsClient"/> negotiated and cost (for the CLI, logs and tests).</summary>
    public sealed class TlsDiagnostics
    {
        /// <summary>Negotiated suite (0 before a handshake).</summary>
        public int CipherSuite;

        /// <summary>Negotiated Max Fragment Length, or 0 when none (records of up to 16384 bytes).</summary>
        public int FragmentLength;

        public bool Resumed;
        public bool ExtendedMasterSecret;

        /// <summary>Wire bytes of the handshake (record headers included), each direction.</summary>
        public long HandshakeBytesSent;
        public long HandshakeBytesReceived;

        /// <summary>Certificates in the server's chain (0 for a resumed handshake), their DER sizes and the leaf
        /// subject CN (display only: trust is decided by the chain policy, names by the SAN).</summary>
        public int CertificateCount;
        public int[] CertificateSizes;
        public string LeafCommonName;

        /// <summary>Leaf validity (remembered from the full handshake when resumed) and whether it was checked
        /// against a lower bound only.</summary>
        public DateTime LeafNotBefore;
        public DateTime LeafNotAfter;
        public bool LeafTimeProvisional;

        /// <summary>P-256 field multiplications during the handshake (0 for a resumed one).</summary>
        public long FieldMultiplications;

        public int HandshakeMilliseconds;

        /// <summary><see cref="TlsClient.HeldBytes"/> at the end of the handshake, before its buffer was released.</summary>
        public int PeakHeldBytes;

        public string CipherSuiteName { get { return CipherSuite == 0 ? "none" : TlsConstants.SuiteName(CipherSuite); } }

        internal void Reset()
        {
            CipherSuite = 0;
            FragmentLength = 0;
            Resumed = false;
            ExtendedMasterSecret = false;
            HandshakeBytesSent = 0;
            HandshakeBytesReceived = 0;
            CertificateCount = 0;
            CertificateSizes = null;
            LeafCommonName = null;
            LeafNotBefore = DateTime.MinValue;
            LeafNotAfter = DateTime.MinValue;
            LeafTimeProvisional = false;
            FieldMultiplications = 0;
            HandshakeMilliseconds = 0;
            PeakHeldBytes = 0;
        }
    }
}

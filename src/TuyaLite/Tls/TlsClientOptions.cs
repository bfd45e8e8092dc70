using System;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// Everything a <see cref="TlsClient"/> can be told: trust, identity, sizes, limits and timeouts. Every size and
    /// limit is a named option with the default written beside it. Certificate verification has no off switch: the
    /// only trust input is <see cref="TrustedRoots"/>.
    /// </summary>
    public sealed class TlsClientOptions
    {
        // ---- trust and identity ----

        /// <summary>DER certificates of the pinned roots; the server leaf must be signed directly by one (required).</summary>
        public byte[][] TrustedRoots;

        /// <summary>UTC clock for certificate validity (required). When <c>IsKnown</c> is false the validator falls
        /// back to <see cref="TimeLowerBound"/> and marks the time check provisional.</summary>
        public IClock Clock;

        /// <summary>Earliest plausible UTC time (e.g. the firmware build time), used while the clock is unknown.
        /// Default <see cref="DateTime.MinValue"/>: no lower bound (validation then fails with ClockUnknown).</summary>
        public DateTime TimeLowerBound = DateTime.MinValue;

        /// <summary>Random generator for client randoms, session IDs and ECDHE keys. When null, an HMAC-DRBG seeded
        /// from <see cref="Entropy"/> is created. One of the two is required.</summary>
        public IRandom Random;

        /// <summary>Entropy source used to seed an internal HMAC-DRBG when <see cref="Random"/> is null.</summary>
        public IEntropySource Entropy;

        /// <summary>Name sent in SNI and checked against the certificate; null (default) = the host given to Connect.</summary>
        public string ServerName;

        /// <summary>Send the server_name extension (default true). Never sent for IP-literal names (RFC 6066 section 3).</summary>
        public bool SendServerName = true;

        /// <summary>Device certificate (DER) sent when the server asks for one (mutual TLS); null = send an empty
        /// Certificate message.</summary>
        public byte[] ClientCertificate;

        /// <summary>Device P-256 private key (32-byte big-endian scalar) matching <see cref="ClientCertificate"/>.</summary>
        public byte[] ClientPrivateKey;

        // ---- negotiation ----

        /// <summary>Suites offered, in preference order. Default: AES-128-GCM (0xC02B) then AES-128-CCM-8 (0xC0AE).</summary>
        public int[] CipherSuites = new int[] { TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 };

        /// <summary>Max Fragment Length offered (RFC 6066): 512, 1024, 2048 or 4096; 0 = do not offer (full 16384-byte
        /// records both ways). Default 1024. Record buffers are sized from this value.</summary>
        public int MaxFragmentLength = 1024;

        /// <summary>When the server ignores Max Fragment Length: false (default) fails the handshake with a
        /// <see cref="TlsPolicyException"/>; true grows the receive buffer to a full 16384-byte record instead
        /// (sending keeps the small fragment).</summary>
        public bool AllowFullRecordFallback = false;

        /// <summary>Require the extended master secret (RFC 7627). Default true: a server that does not echo it is
        /// refused with a <see cref="TlsPolicyException"/>.</summary>
        public bool RequireExtendedMasterSecret = true;

        // ---- resumption ----

        /// <summary>Remember sessions and offer them again (session ID and/or ticket). Default true.</summary>
        public bool EnableResumption = true;

        /// <summary>Offer the session_ticket extension (RFC 5077). Default true.</summary>
        public bool EnableSessionTickets = true;

        /// <summary>Largest session ticket kept (bytes); a larger ticket is dropped (the session stays resumable by ID
        /// only). Default 1024.</summary>
        public int MaxSessionTicketSize = 1024;

        /// <summary>Where sessions survive a reboot; null (default) = memory only.</summary>
        public IStorage SessionStorage;

        /// <summary>Key of the session in <see cref="SessionStorage"/>. Default "tls.session".</summary>
        public string SessionStorageKey = "tls.session";

        // ---- limits ----

        /// <summary>Largest handshake message body accepted or built (bytes); bigger → fatal alert. Default 2048
        /// (a compact 2-level P-256 chain needs about 650).</summary>
        public int MaxHandshakeMessageSize = 2048;

        /// <summary>Most certificates accepted in the server's Certificate message. Default 3 (leaf, root copy, one
        /// spare so that a 3-level chain is refused by the policy with a clear error rather than by this limit).</summary>
        public int MaxServerCertificates = 3;

        /// <summary>Consecutive records that carry nothing (empty application data, ignored warnings, HelloRequests)
        /// tolerated before the peer is considered abusive (unexpected_message). Default 16.</summary>
        public int MaxConsecutiveEmptyRecords = 16;

        // ---- timeouts (milliseconds; 0 or negative = wait forever) ----

        /// <summary>Read timeout of each wait during the handshake. Default 15000.</summary>
        public int HandshakeTimeout = 15000;

        /// <summary>Longest the whole handshake may take, from the ClientHello to the server's Finished (the TCP connect
        /// of the inner transport is not included). Checked before every read of the handshake; once used up, Connect
        /// throws <see cref="TransportTimeoutException"/>. It bounds a server that trickles its flight, each byte within
        /// <see cref="HandshakeTimeout"/> (a handshake may overrun it by at most one HandshakeTimeout). 0 or negative =
        /// no overall limit. Default 30000.</summary>
        public int HandshakeDeadline = 30000;

        /// <summary>Read timeout of application reads (TlsClient.ReadTimeout starts with this). Default 30000.</summary>
        public int ReadTimeout = 30000;

        /// <summary>Write timeout (TlsClient.WriteTimeout starts with this). Default 30000.</summary>
        public int WriteTimeout = 30000;

        // ---- engines ----

        /// <summary>AES-128 engine factory; null (default) = managed <see cref="Aes128"/>.</summary>
        public BlockCipherFactory CreateBlockCipher;

        /// <summary>Throws ArgumentException naming the first invalid option.</summary>
        public void Validate()
        {
            if (TrustedRoots == null || TrustedRoots.Length == 0) throw new ArgumentException("TrustedRoots: at least one pinned root is required");
            for (int i = 0; i < TrustedRoots.Length; i++)
                if (TrustedRoots[i] == null || TrustedRoots[i].Length == 0) throw new ArgumentException("TrustedRoots: empty root certificate");
            if (Clock == null) throw new ArgumentException("Clock is required");
            if (Random == null && Entropy == null) throw new ArgumentException("Random or Entropy is required");
            if (CipherSuites == null || CipherSuites.Length == 0) throw new ArgumentException("CipherSuites: at least one suite");
            for (int i = 0; i < CipherSuites.Length; i++)
            {
                int s = CipherSuites[i];
                if (s != TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 && s != TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8)
                    throw new ArgumentException("CipherSuites: unsupported suite 0x" + s.ToString("X4"));
                for (int j = 0; j < i; j++)
                    if (CipherSuites[j] == s) throw new ArgumentException("CipherSuites: duplicate suite");
            }
            if (MaxFragmentLength != 0 && TlsConstants.MflCode(MaxFragmentLength) == 0)
                throw new ArgumentException("MaxFragmentLength must be 0, 512, 1024, 2048 or 4096");
            if (MaxHandshakeMessageSize < 512 || MaxHandshakeMessageSize > 65536)
                throw new ArgumentException("MaxHandshakeMessageSize must be 512..65536");
            if (MaxServerCertificates < 1 || MaxServerCertificates > 16) throw new ArgumentException("MaxServerCertificates must be 1..16");
            if (MaxSessionTicketSize < 0 || MaxSessionTicketSize > 65535) throw new ArgumentException("MaxSessionTicketSize must be 0..65535");
            if (MaxConsecutiveEmptyRecords < 0) throw new ArgumentException("MaxConsecutiveEmptyRecords must be >= 0");
            if ((ClientCertificate == null) != (ClientPrivateKey == null))
                throw new ArgumentException("ClientCertificate and ClientPrivateKey go together");
            if (ClientPrivateKey != null && ClientPrivateKey.Length != P256.PrivateKeySize)
                throw new ArgumentException("ClientPrivateKey must be 32 bytes");
            if (ClientCertificate != null && ClientCertificate.Length + 16 > MaxHandshakeMessageSize)
                throw new ArgumentException("ClientCertificate does not fit MaxHandshakeMessageSize");
            if (SessionStorage != null && (SessionStorageKey == null || SessionStorageKey.Length == 0))
                throw new ArgumentException("SessionStorageKey is required with SessionStorage");
        }
    }
}

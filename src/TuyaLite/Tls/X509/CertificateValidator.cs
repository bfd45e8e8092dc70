using System;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The 2-level certificate policy of the TLS client (docs/x509-policy.md): the server sends its leaf (optionally followed
    /// by a byte-identical copy of a pinned root), and the leaf must be signed with ECDSA-SHA256 directly by one of the
    /// pinned P-256 roots. There is no switch that turns verification off.
    /// Order of checks, cheapest first so that the ECDSA verification (the expensive step on an interpreter) runs only
    /// for a chain that passed everything else: chain shape, leaf parse, issuer lookup, leaf profile, root name
    /// constraints, host name, validity, signature.
    /// Memory: between calls the validator holds only the parsed roots and copied fields of the last accepted leaf
    /// (validity, commonName); the caller's buffer is not referenced. Each ValidateServerChain call allocates its working
    /// state (a parsed leaf, a host buffer, a SHA-256 context and a hash buffer: <see cref="TlsMemory.ValidationBytes"/>)
    /// and drops it at its end (P256.VerifyDer's own use of memory is its own).
    /// Not thread-safe: one validator per TLS client.
    /// </summary>
    public sealed class CertificateValidator
    {
        private readonly X509Certificate[] _roots;
        // Working state of one ValidateServerChain call, allocated at its start and dropped at its end: a validator
        // lives as long as its TLS client, and holding these (about 0.8 KB) for a connection's life would cost more
        // than allocating them once per full handshake.
        private X509Certificate _leaf;
        private byte[] _host;
        private byte[] _hash;
        private Sha256 _sha256;
        private DateTime _timeLowerBound;
        private bool _hasTimeLowerBound;
        private bool _hasAcceptedLeaf;
        private DateTime _rootNotBefore;
        private DateTime _rootNotAfter;

        /// <summary>
        /// pinnedRoots: DER certificates of the trusted roots (P-256, ECDSA-SHA256). Throws TlsCertificateException(Malformed)
        /// for a bad root (its Detail names the root and the reason). The arrays are parsed in place and must not change.
        /// </summary>
        public CertificateValidator(byte[][] pinnedRoots)
        {
            if (pinnedRoots == null || pinnedRoots.Length == 0) throw new ArgumentException("at least one pinned root is required");
            _roots = new X509Certificate[pinnedRoots.Length];
            for (int i = 0; i < pinnedRoots.Length; i++)
            {
                if (pinnedRoots[i] == null) throw new ArgumentNullException("pinnedRoots");
                X509Certificate root = new X509Certificate();
                try
                {
                    root.Load(pinnedRoots[i], 0, pinnedRoots[i].Length);
                    CertificateProfile.CheckRoot(root);
                }
                catch (TlsCertificateException e)
                {
                    string reason = e.Error == CertificateError.Malformed ? e.Detail : CertificateError.Name(e.Error) + ": " + e.Detail;
                    throw new TlsCertificateException(CertificateError.Malformed, "pinned root " + i + ": " + reason);
                }
                _roots[i] = root;
            }
            LastLeafNotBefore = LastLeafNotAfter = DerReader.EarliestTime;
        }

        /// <summary>True while the working state, whose parsed leaf points into the caller's buffer, exists (only during
        /// ValidateServerChain).</summary>
        internal bool HoldsCertificateBuffer { get { return _leaf != null; } }

        /// <summary>Bytes held in arrays: the parsed roots' extension slots, plus the working state during a call.</summary>
        internal int HeldBytes
        {
            get { return _roots.Length * TlsMemory.ParsedCertificateBytes + (_leaf != null ? TlsMemory.ValidationBytes : 0); }
        }

        /// <summary>The parsed pinned roots (for diagnostics).</summary>
        public int RootCount { get { return _roots.Length; } }
        public X509Certificate Root(int index) { return _roots[index]; }

        /// <summary>Used when clock.IsKnown is false: the leaf (and its root) must not have expired before this instant;
        /// notBefore is not checked. Typically the firmware build time. Without it an unknown clock fails (ClockUnknown).</summary>
        public DateTime TimeLowerBound
        {
            get { return _timeLowerBound; }
            set { _timeLowerBound = value; _hasTimeLowerBound = true; }
        }

        /// <summary>Validity of the last leaf accepted and whether its time check was provisional (clock unknown).</summary>
        public DateTime LastLeafNotBefore { get; private set; }
        public DateTime LastLeafNotAfter { get; private set; }
        public bool LastTimeCheckProvisional { get; private set; }

        /// <summary>First commonName of the last leaf accepted, for display only (never used to match host names).</summary>
        public string LastLeafCommonName { get; private set; }

        /// <summary>
        /// Validates the server chain (leaf first), each certificate a range of buf; copies the leaf's 65-byte P-256 public
        /// key to leafPublicKey[leafPublicKeyOffset]. Throws TlsCertificateException (Tls/X509/CertificateError.cs) with the reason.
        /// </summary>
        public void ValidateServerChain(byte[] buf, int[] certOffsets, int[] certLengths, int count, string hostName,
            IClock clock, byte[] leafPublicKey, int leafPublicKeyOffset)
        {
            if (buf == null || certOffsets == null || certLengths == null) throw new ArgumentNullException("buf");
            if (clock == null) throw new ArgumentNullException("clock");
            if (leafPublicKey == null || leafPublicKeyOffset < 0 || leafPublicKeyOffset > leafPublicKey.Length - X509Certificate.PublicKeySize)
                throw new ArgumentOutOfRangeException("leafPublicKeyOffset");
            if (count < 0 || count > certOffsets.Length || count > certLengths.Length) throw new ArgumentOutOfRangeException("count");
            for (int i = 0; i < count; i++)
                if (certOffsets[i] < 0 || certLengths[i] < 0 || certOffsets[i] > buf.Length - certLengths[i])
                    throw new ArgumentOutOfRangeException("certLengths");

            if (count == 0) throw Fail(CertificateError.ChainShape, "the server sent no certificate");
            if (count > 2)
                throw Fail(CertificateError.ChainShape, count + " certificates: only the leaf, optionally followed by its pinned root, is accepted");
            if (count == 2 && !IsPinnedRootCopy(buf, certOffsets[1], certLengths[1]))
                throw Fail(CertificateError.ChainShape, "the second certificate is not a pinned root (intermediates are not accepted)");

            _leaf = new X509Certificate();
            _host = new byte[HostnameMatcher.MaxHostLength];
            _hash = new byte[Sha256.HashSize];
            _sha256 = new Sha256();
            try
            {
                _leaf.Load(buf, certOffsets[0], certLengths[0]);
                int hostLength;
                bool hostIsIp;
                ParseHost(hostName, out hostLength, out hostIsIp);

                TlsCertificateException failure = null;
                for (int i = 0; i < _roots.Length; i++)
                {
                    X509Certificate root = _roots[i];
                    if (!_leaf.IsIssuedBy(root)) continue;
                    try
                    {
                        bool provisional = CheckAgainstRoot(root, hostLength, hostIsIp, clock);
                        Accept(root, provisional, leafPublicKey, leafPublicKeyOffset);
                        return;
                    }
                    catch (TlsCertificateException e)
                    {
                        failure = e;   // another root with the same name may still have signed it
                    }
                }
                if (failure != null) throw failure;
                throw Fail(CertificateError.UntrustedRoot, "the leaf's issuer is not the subject of a pinned root");
            }
            catch (DerException e)
            {
                throw Fail(CertificateError.Malformed, e.Message);
            }
            finally
            {
                // The parsed leaf points into the caller's (handshake) buffer: drop it so that buffer can be collected.
                _leaf = null;
                _host = null;
                _hash = null;
                _sha256 = null;
            }
        }

        /// <summary>Re-validates the remembered leaf (and root) validity once real time is known; throws
        /// TlsCertificateException(Expired/NotYetValid). Clears <see cref="LastTimeCheckProvisional"/> on success.</summary>
        public void RevalidateTime(DateTime utcNow)
        {
            if (!_hasAcceptedLeaf) throw new InvalidOperationException("no leaf has been accepted");
            CheckWindow(LastLeafNotBefore, LastLeafNotAfter, utcNow, "leaf");
            CheckWindow(_rootNotBefore, _rootNotAfter, utcNow, "root");
            LastTimeCheckProvisional = false;
        }

        /// <summary>Everything that depends on the issuing root; returns whether the time check was provisional.</summary>
        private bool CheckAgainstRoot(X509Certificate root, int hostLength, bool hostIsIp, IClock clock)
        {
            X509Certificate leaf = _leaf;
            CertificateProfile.CheckLeaf(leaf);
            NameConstraintsChecker.Check(root, leaf, _host, 0, hostLength, hostIsIp);
            if (!HostnameMatcher.MatchesCertificate(leaf, _host, 0, hostLength, hostIsIp))
                throw Fail(CertificateError.HostnameMismatch, "no subjectAltName of the leaf names the host");
            bool provisional = CheckValidity(leaf, root, clock);
            _sha256.Reset();
            _sha256.Update(leaf.Buffer, leaf.TbsOffset, leaf.TbsLength);
            _sha256.Final(_hash, 0);
            if (!P256.VerifyDer(root.Buffer, root.PublicKeyOffset, X509Certificate.PublicKeySize, _hash, 0,
                    leaf.Buffer, leaf.SignatureOffset, leaf.SignatureLength))
                throw Fail(CertificateError.BadSignature, "the leaf signature does not verify with the pinned root's key");
            return provisional;
        }

        private bool CheckValidity(X509Certificate leaf, X509Certificate root, IClock clock)
        {
            if (clock.IsKnown)
            {
                DateTime now = clock.UtcNow;
                CheckWindow(leaf.NotBefore, leaf.NotAfter, now, "leaf");
                CheckWindow(root.NotBefore, root.NotAfter, now, "root");
                return false;
            }
            if (!_hasTimeLowerBound) throw Fail(CertificateError.ClockUnknown, "set TimeLowerBound or learn the time first");
            if (leaf.NotAfter < _timeLowerBound)
                throw Fail(CertificateError.Expired, "leaf expired " + FormatTime(leaf.NotAfter) + ", before the time lower bound");
            if (root.NotAfter < _timeLowerBound)
                throw Fail(CertificateError.Expired, "root expired " + FormatTime(root.NotAfter) + ", before the time lower bound");
            return true;
        }

        /// <summary>Throws TlsCertificateException(NotYetValid/Expired) when now is outside [notBefore, notAfter].</summary>
        internal static void CheckWindow(DateTime notBefore, DateTime notAfter, DateTime now, string which)
        {
            if (now < notBefore) throw Fail(CertificateError.NotYetValid, which + " valid from " + FormatTime(notBefore));
            if (now > notAfter) throw Fail(CertificateError.Expired, which + " expired " + FormatTime(notAfter));
        }

        private void Accept(X509Certificate root, bool provisional, byte[] leafPublicKey, int leafPublicKeyOffset)
        {
            _leaf.CopyPublicKey(leafPublicKey, leafPublicKeyOffset);
            LastLeafNotBefore = _leaf.NotBefore;
            LastLeafNotAfter = _leaf.NotAfter;
            _rootNotBefore = root.NotBefore;
            _rootNotAfter = root.NotAfter;
            LastTimeCheckProvisional = provisional;
            LastLeafCommonName = _leaf.SubjectCommonName;
            _hasAcceptedLeaf = true;
        }

        /// <summary>Puts the host in _host: 4/16 address bytes for an IP literal, else the normalized DNS name.</summary>
        private void ParseHost(string hostName, out int hostLength, out bool hostIsIp)
        {
            int ip = IpAddressText.Parse(hostName, _host, 0);
            if (ip == IpAddressText.Invalid) throw Fail(CertificateError.HostnameMismatch, "invalid IP address literal");
            if (ip > 0)
            {
                hostLength = ip;
                hostIsIp = true;
                return;
            }
            hostLength = HostnameMatcher.NormalizeDnsHost(hostName, _host, 0);
            hostIsIp = false;
            if (hostLength < 0) throw Fail(CertificateError.HostnameMismatch, "the requested host is not a valid DNS name");
        }

        private bool IsPinnedRootCopy(byte[] buf, int offset, int length)
        {
            for (int i = 0; i < _roots.Length; i++)
                if (_roots[i].BytesEqual(buf, offset, length)) return true;
            return false;
        }

        /// <summary>yyyy-MM-ddTHH:mm:ssZ without relying on format strings (the device's DateTime formatting is limited).</summary>
        public static string FormatTime(DateTime t)
        {
            return t.Year.ToString() + "-" + Two(t.Month) + "-" + Two(t.Day) + "T" + Two(t.Hour) + ":" + Two(t.Minute) + ":" + Two(t.Second) + "Z";
        }

        private static string Two(int v) { return v < 10 ? "0" + v.ToString() : v.ToString(); }

        private static TlsCertificateException Fail(int error, string detail)
        {
            return new TlsCertificateException(error, detail);
        }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The 2-level chain policy with pinned roots. API contract only: implemented on branch tls-x509 (issue #3 item 4);
    /// this stub lets the TLS client compile until that lands.
    /// </summary>
    public sealed class CertificateValidator
    {
        public CertificateValidator(byte[][] pinnedRoots) { throw new NotImplementedException(); }

        public DateTime TimeLowerBound { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        /// <summary>Validates the server chain (certificates at buf[certOffsets[i] .. + certLengths[i])) for hostName and
        /// writes the leaf's 65-byte public key; throws TlsCertificateException.</summary>
        public void ValidateServerChain(byte[] buf, int[] certOffsets, int[] certLengths, int count, string hostName,
            IClock clock, byte[] leafPublicKey, int leafPublicKeyOffset) { throw new NotImplementedException(); }

        public DateTime LastLeafNotBefore { get { throw new NotImplementedException(); } }
        public DateTime LastLeafNotAfter { get { throw new NotImplementedException(); } }
        public bool LastTimeCheckProvisional { get { throw new NotImplementedException(); } }

        public void RevalidateTime(DateTime utcNow) { throw new NotImplementedException(); }
    }
}

using System;

namespace TuyaLite.Crypto
{
    /// <summary>TLS 1.2 PRF with SHA-256 (RFC 5246 section 5): P_SHA256(secret, label || seed). API contract (issue #2).</summary>
    public sealed class TlsPrf
    {
        public TlsPrf() { throw new NotImplementedException(); }

        /// <summary>
        /// output = PRF(secret, label, seed1 || seed2); label is ASCII; seed2 may be null (count 0). Reuses internal
        /// HMAC state: no allocation per call.
        /// </summary>
        public void Compute(byte[] secret, int secretOffset, int secretCount, string label,
            byte[] seed1, int seed1Offset, int seed1Count, byte[] seed2, int seed2Offset, int seed2Count,
            byte[] output, int outputOffset, int length) { throw new NotImplementedException(); }
    }
}

using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>HMAC_DRBG with SHA-256 (NIST SP 800-90A), seeded and reseeded from an IEntropySource. API contract (issue #2).</summary>
    public sealed class HmacDrbg : IRandom
    {
        public HmacDrbg(IEntropySource entropy, byte[] personalization) { throw new NotImplementedException(); }
        public void NextBytes(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }
        public void Reseed(byte[] additionalInput) { throw new NotImplementedException(); }
    }
}

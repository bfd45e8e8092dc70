using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// TLS 1.2 PRF with SHA-256 (RFC 5246 section 5): P_SHA256(secret, label || seed). One instance per connection: the
    /// HMAC, the A(i) block and the label bytes are allocated once, so Compute allocates nothing. Not thread-safe.
    /// </summary>
    public sealed class TlsPrf
    {
        /// <summary>Longest label accepted (TLS labels are at most 22 characters: "extended master secret").</summary>
        public const int MaxLabelLength = 64;

        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _a = new byte[Sha256.HashSize];
        private readonly byte[] _label = new byte[MaxLabelLength];

        public TlsPrf() { }

        /// <summary>
        /// output = PRF(secret, label, seed1 || seed2); label is ASCII; seed2 may be null (count 0). Reuses internal
        /// HMAC state: no allocation per call. The output must not overlap seed1 or seed2 (it may overlap the secret,
        /// which is consumed before any output is written). Key material is wiped from the instance on return.
        /// </summary>
        public void Compute(byte[] secret, int secretOffset, int secretCount, string label,
            byte[] seed1, int seed1Offset, int seed1Count, byte[] seed2, int seed2Offset, int seed2Count,
            byte[] output, int outputOffset, int length)
        {
            if (label == null) throw new ArgumentNullException(nameof(label));
            if (label.Length > MaxLabelLength) throw new ArgumentException("PRF label too long", nameof(label));
            // Every range is checked before the secret is keyed: nothing can throw between SetKey and the wipe.
            Bytes.CheckRange(secret, secretOffset, secretCount, nameof(secret));
            Bytes.CheckRange(seed1, seed1Offset, seed1Count, nameof(seed1));
            Bytes.CheckOptionalRange(seed2, seed2Offset, seed2Count, nameof(seed2));
            Bytes.CheckRange(output, outputOffset, length, nameof(output));
            int labelCount = Bytes.WriteAscii(label, _label, 0);

            HmacSha256 hmac = _hmac;
            byte[] a = _a;
            try
            {
                hmac.SetKey(secret, secretOffset, secretCount);
                PSha256(labelCount, seed1, seed1Offset, seed1Count, seed2, seed2Offset, seed2Count, output, outputOffset, length);
            }
            finally
            {
                hmac.Clear();
                Array.Clear(a, 0, a.Length);
                Array.Clear(_label, 0, labelCount);
            }
        }

        /// <summary>True while the HMAC holds a key (only inside Compute).</summary>
        internal bool HoldsKey { get { return _hmac.IsKeyed; } }

        /// <summary>P_SHA256 with the HMAC keyed with the secret and the label in _label.</summary>
        private void PSha256(int labelCount, byte[] seed1, int seed1Offset, int seed1Count,
            byte[] seed2, int seed2Offset, int seed2Count, byte[] output, int outputOffset, int length)
        {
            HmacSha256 hmac = _hmac;
            byte[] a = _a;
            // A(1) = HMAC(secret, label || seed)
            hmac.Update(_label, 0, labelCount);
            hmac.Update(seed1, seed1Offset, seed1Count);
            if (seed2Count != 0) hmac.Update(seed2, seed2Offset, seed2Count);
            hmac.Final(a, 0);

            int produced = 0;
            while (produced < length)
            {
                // output block i = HMAC(secret, A(i) || label || seed)
                hmac.Update(a, 0, Sha256.HashSize);
                hmac.Update(_label, 0, labelCount);
                hmac.Update(seed1, seed1Offset, seed1Count);
                if (seed2Count != 0) hmac.Update(seed2, seed2Offset, seed2Count);
                int take = length - produced;
                if (take > Sha256.HashSize) take = Sha256.HashSize;
                hmac.Final(output, outputOffset + produced, take);
                produced += take;
                if (produced < length)
                {
                    // A(i+1) = HMAC(secret, A(i))
                    hmac.Update(a, 0, Sha256.HashSize);
                    hmac.Final(a, 0);
                }
            }
        }
    }
}

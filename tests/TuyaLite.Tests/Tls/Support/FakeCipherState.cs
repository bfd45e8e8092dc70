using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>
    /// A deterministic stand-in AEAD for record-layer tests (independent of the crypto core): XORs the data with a key
    /// byte and computes a 16-byte tag over nonce, additional data and plaintext, so any change to the body, the
    /// sequence number, type, version or length is detected. Not cryptography.
    /// </summary>
    internal sealed class FakeCipherState : CipherState
    {
        private byte key;
        private readonly int tagSize;

        public FakeCipherState(int tagSize) { this.tagSize = tagSize; }

        public override int TagSize { get { return tagSize; } }

        protected override int EngineHeldBytes { get { return 0; } }

        protected override void SetAeadKey(byte[] k, int offset) { key = k[offset]; }

        protected override void AeadSeal(byte[] buf, int plainOffset, int count, int tagOffset)
        {
            ComputeTag(buf, plainOffset, count, buf, tagOffset);
            for (int i = 0; i < count; i++) buf[plainOffset + i] ^= key;
        }

        protected override bool AeadOpen(byte[] buf, int cipherOffset, int count, int tagOffset)
        {
            for (int i = 0; i < count; i++) buf[cipherOffset + i] ^= key;
            byte[] expected = new byte[16];
            ComputeTag(buf, cipherOffset, count, expected, 0);
            for (int i = 0; i < tagSize; i++)
                if (expected[i] != buf[tagOffset + i])
                {
                    for (int j = 0; j < count; j++) buf[cipherOffset + j] = 0;
                    return false;
                }
            return true;
        }

        private void ComputeTag(byte[] plain, int offset, int count, byte[] tag, int tagOffset)
        {
            uint h = 2166136261;
            for (int i = 0; i < nonce.Length; i++) h = (h ^ nonce[i]) * 16777619;
            for (int i = 0; i < aad.Length; i++) h = (h ^ aad[i]) * 16777619;
            for (int i = 0; i < count; i++) h = (h ^ plain[offset + i]) * 16777619;
            for (int i = 0; i < tagSize; i++)
            {
                h = (h ^ (uint)i) * 16777619;
                tag[tagOffset + i] = (byte)(h >> 24);
            }
        }

        public override void Clear() { key = 0; }

        /// <summary>A keyed fake (key byte k, salt 4 bytes of s).</summary>
        public static FakeCipherState Keyed(int tagSize, byte k, byte s)
        {
            FakeCipherState c = new FakeCipherState(tagSize);
            c.Init(new byte[] { k }, 0, new byte[] { s, s, s, s }, 0);
            return c;
        }
    }
}

using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>AES-128-GCM record protection (RFC 5288): 8-byte explicit nonce, 16-byte tag.</summary>
    internal sealed class GcmRecordCipher : CipherState
    {
        public const int Tag = 16;
        private readonly Gcm gcm;

        public GcmRecordCipher(IBlockCipher engine) { gcm = new Gcm(engine); }

        public override int TagSize { get { return Tag; } }

        protected override int EngineHeldBytes { get { return TlsMemory.GcmEngineBytes; } }

        protected override void SetAeadKey(byte[] key, int offset) { gcm.SetKey(key, offset, KeySize); }

        protected override void AeadSeal(byte[] buf, int plainOffset, int count, int tagOffset)
        {
            gcm.Encrypt(nonce, 0, aad, 0, aad.Length, buf, plainOffset, count, buf, plainOffset, buf, tagOffset);
        }

        protected override bool AeadOpen(byte[] buf, int cipherOffset, int count, int tagOffset)
        {
            return gcm.Decrypt(nonce, 0, aad, 0, aad.Length, buf, cipherOffset, count, buf, cipherOffset, buf, tagOffset);
        }

        public override void Clear() { gcm.Clear(); }
    }
}

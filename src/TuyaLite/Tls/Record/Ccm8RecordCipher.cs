using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>AES-128-CCM-8 record protection (RFC 6655, RFC 7251): same nonce construction as GCM, 8-byte tag.</summary>
    internal sealed class Ccm8RecordCipher : CipherState
    {
        public const int Tag = 8;
        private readonly Ccm ccm;

        public Ccm8RecordCipher(IBlockCipher engine) { ccm = new Ccm(engine, Tag); }

        public override int TagSize { get { return Tag; } }

        protected override int EngineHeldBytes { get { return TlsMemory.CcmEngineBytes; } }

        protected override void SetAeadKey(byte[] key, int offset) { ccm.SetKey(key, offset, KeySize); }

        protected override void AeadSeal(byte[] buf, int plainOffset, int count, int tagOffset)
        {
            ccm.Encrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, buf, plainOffset, count, buf, plainOffset, buf, tagOffset);
        }

        protected override bool AeadOpen(byte[] buf, int cipherOffset, int count, int tagOffset)
        {
            return ccm.Decrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, buf, cipherOffset, count, buf, cipherOffset, buf, tagOffset);
        }

        public override void Clear() { ccm.Clear(); }
    }
}

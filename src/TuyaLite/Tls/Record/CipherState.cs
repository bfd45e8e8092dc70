using System;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// One direction of record protection for the TLS 1.2 AEAD suites (RFC 5246 section 6.2.3.3, RFC 5288, RFC 6655):
    /// a sequence number, the 4-byte implicit salt, and the AEAD. The nonce is salt(4) || explicit(8) where the explicit
    /// part is sent in the record and, when sealing, is our sequence number; the additional data is
    /// seq(8) || type(1) || version(2) || plaintext length(2). No allocation per record.
    /// </summary>
    internal abstract class CipherState
    {
        /// <summary>Bytes of explicit nonce in front of every protected record.</summary>
        public const int ExplicitNonceSize = 8;
        public const int SaltSize = 4;
        public const int KeySize = 16;

        protected readonly byte[] nonce = new byte[SaltSize + ExplicitNonceSize];
        protected readonly byte[] aad = new byte[13];
        private ulong sequence;

        /// <summary>AEAD tag length (16 for GCM, 8 for CCM-8).</summary>
        public abstract int TagSize { get; }

        /// <summary>Bytes a protected record adds to its plaintext: explicit nonce plus tag.</summary>
        public int Overhead { get { return ExplicitNonceSize + TagSize; } }

        /// <summary>Bytes this object holds in arrays (nonce, aad) plus the AEAD engine's estimate.</summary>
        public int HeldBytes { get { return nonce.Length + aad.Length + EngineHeldBytes; } }

        protected abstract int EngineHeldBytes { get; }

        protected abstract void SetAeadKey(byte[] key, int offset);

        protected abstract void AeadSeal(byte[] buf, int plainOffset, int count, int tagOffset);

        protected abstract bool AeadOpen(byte[] buf, int cipherOffset, int count, int tagOffset);

        public abstract void Clear();

        /// <summary>Keys this direction: 16-byte key and 4-byte salt (write IV of the key block).</summary>
        public void Init(byte[] key, int keyOffset, byte[] salt, int saltOffset)
        {
            SetAeadKey(key, keyOffset);
            Array.Copy(salt, saltOffset, nonce, 0, SaltSize);
            sequence = 0;
        }

        /// <summary>
        /// Protects the plaintext at buf[headerOffset + 5 + 8 .. + count) in place: writes the explicit nonce after the
        /// header and the tag after the ciphertext. Returns the record body length (8 + count + tag). The header itself
        /// is written by the caller.
        /// </summary>
        public int Seal(int contentType, byte[] buf, int headerOffset, int count)
        {
            int explicitOffset = headerOffset + TlsConstants.RecordHeaderSize;
            Bytes.WriteUInt64BE(nonce, SaltSize, sequence);
            Array.Copy(nonce, SaltSize, buf, explicitOffset, ExplicitNonceSize);
            FillAad(contentType, count);
            int plainOffset = explicitOffset + ExplicitNonceSize;
            AeadSeal(buf, plainOffset, count, plainOffset + count);
            NextSequence();
            return ExplicitNonceSize + count + TagSize;
        }

        /// <summary>
        /// Verifies and decrypts the record body at buf[bodyOffset .. + bodyLength) in place. Returns the plaintext
        /// length (the plaintext starts at bodyOffset + 8), or -1 when the body is too short or the tag is wrong.
        /// </summary>
        public int Open(int contentType, byte[] buf, int bodyOffset, int bodyLength)
        {
            int count = bodyLength - Overhead;
            if (count < 0) return -1;
            Array.Copy(buf, bodyOffset, nonce, SaltSize, ExplicitNonceSize);
            FillAad(contentType, count);
            int cipherOffset = bodyOffset + ExplicitNonceSize;
            if (!AeadOpen(buf, cipherOffset, count, cipherOffset + count)) return -1;
            NextSequence();
            return count;
        }

        private void FillAad(int contentType, int count)
        {
            Bytes.WriteUInt64BE(aad, 0, sequence);
            aad[8] = (byte)contentType;
            aad[9] = (byte)(TlsConstants.Version12 >> 8);
            aad[10] = (byte)(TlsConstants.Version12 & 0xFF);
            aad[11] = (byte)(count >> 8);
            aad[12] = (byte)count;
        }

        private void NextSequence()
        {
            // RFC 5246 section 6.1: sequence numbers must not wrap; 2^64 records will not happen, but never reuse a nonce.
            if (sequence == ulong.MaxValue) throw new TlsProtocolException(TlsAlert.InternalError, "record sequence number exhausted");
            sequence++;
        }

        /// <summary>The AEAD state for a negotiated suite (16-byte key), using engines from the factory.</summary>
        public static CipherState Create(int suite, BlockCipherFactory factory)
        {
            IBlockCipher engine = factory != null ? factory() : new Crypto.Aes128();
            if (suite == TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256) return new GcmRecordCipher(engine);
            if (suite == TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8) return new Ccm8RecordCipher(engine);
            throw new ArgumentException("unsupported suite");
        }

        /// <summary>Largest per-record overhead among the given suites (buffer sizing before the suite is known).</summary>
        public static int MaxOverhead(int[] suites)
        {
            int max = 0;
            for (int i = 0; i < suites.Length; i++)
            {
                int tag = suites[i] == TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8 ? Ccm8RecordCipher.Tag : GcmRecordCipher.Tag;
                if (ExplicitNonceSize + tag > max) max = ExplicitNonceSize + tag;
            }
            return max;
        }
    }
}

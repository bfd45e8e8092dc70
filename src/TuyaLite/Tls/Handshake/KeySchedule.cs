using System;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The TLS 1.2 key schedule with the SHA-256 PRF (RFC 5246 sections 6.3, 7.4.9, 8.1; RFC 7627 section 4):
    /// master secret (classic or extended), the AEAD key block, and Finished verify data.
    /// </summary>
    internal sealed class KeySchedule
    {
        /// <summary>client_write_key(16) server_write_key(16) client_write_IV(4) server_write_IV(4); no MAC keys for AEAD.</summary>
        public const int KeyBlockSize = 2 * CipherState.KeySize + 2 * CipherState.SaltSize;
        public const int ClientKeyOffset = 0;
        public const int ServerKeyOffset = CipherState.KeySize;
        public const int ClientSaltOffset = 2 * CipherState.KeySize;
        public const int ServerSaltOffset = 2 * CipherState.KeySize + CipherState.SaltSize;

        private readonly TlsPrf prf = new TlsPrf();
        public readonly byte[] MasterSecret = new byte[TlsConstants.MasterSecretSize];
        public readonly byte[] KeyBlock = new byte[KeyBlockSize];

        /// <summary>master_secret = PRF(pms, "master secret", client_random + server_random)[0..48).</summary>
        public void DeriveMasterSecret(byte[] preMaster, int preMasterCount, byte[] clientRandom, byte[] serverRandom)
        {
            prf.Compute(preMaster, 0, preMasterCount, "master secret", clientRandom, 0, TlsConstants.RandomSize,
                serverRandom, 0, TlsConstants.RandomSize, MasterSecret, 0, TlsConstants.MasterSecretSize);
        }

        /// <summary>RFC 7627: master_secret = PRF(pms, "extended master secret", session_hash)[0..48).</summary>
        public void DeriveExtendedMasterSecret(byte[] preMaster, int preMasterCount, byte[] sessionHash)
        {
            prf.Compute(preMaster, 0, preMasterCount, "extended master secret", sessionHash, 0, 32, null, 0, 0,
                MasterSecret, 0, TlsConstants.MasterSecretSize);
        }

        /// <summary>Takes the master secret of a resumed session.</summary>
        public void SetMasterSecret(byte[] masterSecret)
        {
            Array.Copy(masterSecret, 0, MasterSecret, 0, TlsConstants.MasterSecretSize);
        }

        /// <summary>key_block = PRF(master_secret, "key expansion", server_random + client_random).</summary>
        public void DeriveKeyBlock(byte[] clientRandom, byte[] serverRandom)
        {
            prf.Compute(MasterSecret, 0, TlsConstants.MasterSecretSize, "key expansion", serverRandom, 0, TlsConstants.RandomSize,
                clientRandom, 0, TlsConstants.RandomSize, KeyBlock, 0, KeyBlockSize);
        }

        /// <summary>verify_data = PRF(master_secret, label, transcript hash)[0..12).</summary>
        public void ComputeVerifyData(bool client, byte[] transcriptHash, byte[] output, int offset)
        {
            prf.Compute(MasterSecret, 0, TlsConstants.MasterSecretSize, client ? "client finished" : "server finished",
                transcriptHash, 0, 32, null, 0, 0, output, offset, TlsConstants.VerifyDataSize);
        }

        /// <summary>Record protection for one direction from the key block.</summary>
        public CipherState CreateCipher(int suite, bool clientWrite, BlockCipherFactory factory)
        {
            CipherState c = CipherState.Create(suite, factory);
            if (clientWrite) c.Init(KeyBlock, ClientKeyOffset, KeyBlock, ClientSaltOffset);
            else c.Init(KeyBlock, ServerKeyOffset, KeyBlock, ServerSaltOffset);
            return c;
        }

        public void Wipe()
        {
            Bytes.Wipe(KeyBlock);
            Bytes.Wipe(MasterSecret);
        }

        public int HeldBytes { get { return MasterSecret.Length + KeyBlock.Length + TlsMemory.PrfBytes; } }
    }
}

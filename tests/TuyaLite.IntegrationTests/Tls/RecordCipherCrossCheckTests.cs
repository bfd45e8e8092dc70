using System.Security.Cryptography;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// The record protection of both suites checked against .NET's native AES-GCM/AES-CCM with the nonce and additional
/// data rebuilt here from RFC 5288 / RFC 6655: nonce = salt(4) || explicit(8), explicit = sequence number,
/// AAD = seq(8) || type || 0x0303 || plaintext length.
/// </summary>
[TestClass]
public class RecordCipherCrossCheckTests
{
    [TestMethod]
    [DataRow(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, 16)]
    [DataRow(TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8, 8)]
    public void SealedRecordsOpenWithNativeAeadAndBack(int suite, int tagSize)
    {
        byte[] key = RandomNumberGenerator.GetBytes(16);
        byte[] salt = RandomNumberGenerator.GetBytes(4);
        CipherState ours = CipherState.Create(suite, null);
        ours.Init(key, 0, salt, 0);
        CipherState peer = CipherState.Create(suite, null);
        peer.Init(key, 0, salt, 0);

        for (ulong seq = 0; seq < 5; seq++)
        {
            int length = (int)(seq * 97 % 600);
            byte[] plain = RandomNumberGenerator.GetBytes(length);
            int type = seq % 2 == 0 ? TlsConstants.ContentApplicationData : TlsConstants.ContentHandshake;
            byte[] record = new byte[5 + 8 + length + tagSize];
            plain.CopyTo(record, 13);
            int body = ours.Seal(type, record, 0, length);
            Assert.AreEqual(8 + length + tagSize, body);
            Assert.AreEqual(seq, Bytes.ReadUInt64BE(record, 5), "explicit nonce = sequence number");

            byte[] nonce = new byte[12];
            salt.CopyTo(nonce, 0);
            Array.Copy(record, 5, nonce, 4, 8);
            byte[] aad = new byte[13];
            Bytes.WriteUInt64BE(aad, 0, seq);
            aad[8] = (byte)type;
            aad[9] = 3; aad[10] = 3;
            Bytes.WriteUInt16BE(aad, 11, length);
            byte[] decrypted = new byte[length];
            var ciphertext = new ReadOnlySpan<byte>(record, 13, length);
            var tag = new ReadOnlySpan<byte>(record, 13 + length, tagSize);
            if (tagSize == 16)
            {
                using var gcm = new AesGcm(key, 16);
                gcm.Decrypt(nonce, ciphertext, tag, decrypted, aad);
            }
            else
            {
                using var ccm = new AesCcm(key);
                ccm.Decrypt(nonce, ciphertext, tag, decrypted, aad);
            }
            CollectionAssert.AreEqual(plain, decrypted);

            // And the peer state opens it in place, in step with the sequence.
            Assert.AreEqual(length, peer.Open(type, record, 5, body));
            CollectionAssert.AreEqual(plain, record.AsSpan(13, length).ToArray());
        }
    }
}

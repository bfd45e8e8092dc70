using TuyaLite.Crypto;

namespace TuyaLite.IntegrationTests.Crypto;

[TestClass]
public class CcmWycheproofTests
{
    [TestMethod]
    public void AesCcmWycheproof()
    {
        var tally = new WycheproofTally();
        int confirmedRejections = 0, unsupportedValid = 0;
        foreach (var group in WycheproofTally.Groups("aes_ccm_test.json"))
        {
            int keySize = group.GetProperty("keySize").GetInt32();
            int nonceBytes = group.GetProperty("ivSize").GetInt32() / 8;
            int tagBytes = group.GetProperty("tagSize").GetInt32() / 8;
            var tests = group.GetProperty("tests").EnumerateArray().Select(AeadCase.From).ToArray();
            if (keySize != 128) { tally.Skip($"{keySize}-bit key (Aes128 only)", tests.Length); continue; }

            bool nonceOk = nonceBytes >= Ccm.MinNonceSize && nonceBytes <= Ccm.MaxNonceSize;
            bool tagOk = tagBytes >= 4 && tagBytes <= 16 && tagBytes % 2 == 0;
            if (!nonceOk || !tagOk)
            {
                tally.Skip(!nonceOk ? $"{nonceBytes}-byte nonce (CCM defines 7..13)" : $"{tagBytes}-byte tag (CCM defines 4..16 even)",
                    tests.Length);
                // Skipped by policy, but the class must refuse those parameters outright.
                foreach (var t in tests)
                {
                    if (t.Result == "valid") unsupportedValid++;
                    if (RefusesParameters(t, tagBytes)) confirmedRejections++;
                    else tally.FailSkipped(t.TcId, "unsupported nonce/tag size not refused");
                }
                continue;
            }

            foreach (var t in tests)
            {
                string wrong = Check(t, tagBytes, out bool decrypted);
                tally.Record(t.TcId, t.Result, t.Flags, decrypted, wrong);
            }
        }
        // At least the supported 128-bit-key groups.
        tally.Finish("Wycheproof aes_ccm_test.json", minimum: 150,
            $"of the skipped 128-bit-key cases, {confirmedRejections} were confirmed refused with CryptoException ({unsupportedValid} of them marked valid)");
        Assert.AreEqual(0, unsupportedValid, "a valid Wycheproof case uses parameters the Ccm class refuses");
    }

    private static bool RefusesParameters(AeadCase t, int tagBytes)
    {
        try
        {
            var ccm = new Ccm(new Aes128(), tagBytes);
            ccm.SetKey(t.Key, 0, t.Key.Length);
            byte[] plain = new byte[t.Ct.Length];
            byte[] tag = new byte[Math.Max(tagBytes, t.Tag.Length)];
            ccm.Decrypt(t.Iv, 0, t.Iv.Length, t.Aad, 0, t.Aad.Length, t.Ct, 0, t.Ct.Length, plain, 0, tag, 0);
            return false;
        }
        catch (CryptoException)
        {
            return true;
        }
    }

    /// <summary>Decrypts; returns what is wrong besides the verdict (output of a valid case, wiping after a refusal).</summary>
    private static string Check(AeadCase t, int tagBytes, out bool decrypted)
    {
        var ccm = new Ccm(new Aes128(), tagBytes);
        ccm.SetKey(t.Key, 0, t.Key.Length);
        byte[] plain = new byte[t.Ct.Length];
        decrypted = t.Tag.Length == tagBytes
            && ccm.Decrypt(t.Iv, 0, t.Iv.Length, t.Aad, 0, t.Aad.Length, t.Ct, 0, t.Ct.Length, plain, 0, t.Tag, 0);
        if (t.Result == "valid" && decrypted)
        {
            if (!plain.AsSpan().SequenceEqual(t.Msg)) return "wrong plaintext";
            byte[] ct = new byte[t.Msg.Length];
            byte[] tag = new byte[tagBytes];
            ccm.Encrypt(t.Iv, 0, t.Iv.Length, t.Aad, 0, t.Aad.Length, t.Msg, 0, t.Msg.Length, ct, 0, tag, 0);
            if (!ct.AsSpan().SequenceEqual(t.Ct)) return "wrong ciphertext";
            if (!tag.AsSpan().SequenceEqual(t.Tag)) return "wrong tag";
            return null;
        }
        if (t.Result == "invalid" && !decrypted && plain.Any(b => b != 0)) return "output not zeroed after a failed decryption";
        return null;
    }
}

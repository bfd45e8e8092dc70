using TuyaLite.Crypto;

namespace TuyaLite.IntegrationTests.Crypto;

[TestClass]
public class GcmWycheproofTests
{
    [TestMethod]
    public void AesGcmWycheproof()
    {
        var tally = new WycheproofTally();
        foreach (var group in WycheproofTally.Groups("aes_gcm_test.json"))
        {
            int keySize = group.GetProperty("keySize").GetInt32();
            int ivSize = group.GetProperty("ivSize").GetInt32();
            int tagSize = group.GetProperty("tagSize").GetInt32();
            var tests = group.GetProperty("tests").EnumerateArray().Select(AeadCase.From).ToArray();
            if (keySize != 128) { tally.Skip($"{keySize}-bit key (Aes128 only)", tests.Length); continue; }
            if (ivSize != 96) { tally.Skip($"{ivSize}-bit IV (Gcm takes 96-bit nonces only)", tests.Length); continue; }
            if (tagSize != 128) { tally.Skip($"{tagSize}-bit tag (Gcm makes 128-bit tags only)", tests.Length); continue; }

            foreach (var t in tests)
            {
                string wrong = Check(t, out bool decrypted);
                tally.Record(t.TcId, t.Result, t.Flags, decrypted, wrong);
            }
        }
        // The 67 cases with a 128-bit key, 96-bit IV and 128-bit tag.
        tally.Finish("Wycheproof aes_gcm_test.json", minimum: 67);
    }

    /// <summary>Decrypts; returns what is wrong besides the verdict (output of a valid case, wiping after a refusal).</summary>
    private static string Check(AeadCase t, out bool decrypted)
    {
        var gcm = new Gcm(new Aes128());
        gcm.SetKey(t.Key, 0, t.Key.Length);
        byte[] plain = new byte[t.Ct.Length];
        decrypted = gcm.Decrypt(t.Iv, 0, t.Aad, 0, t.Aad.Length, t.Ct, 0, t.Ct.Length, plain, 0, t.Tag, 0);
        if (t.Result == "valid" && decrypted)
        {
            if (!plain.AsSpan().SequenceEqual(t.Msg)) return "wrong plaintext";
            byte[] ct = new byte[t.Msg.Length];
            byte[] tag = new byte[Gcm.TagSize];
            gcm.Encrypt(t.Iv, 0, t.Aad, 0, t.Aad.Length, t.Msg, 0, t.Msg.Length, ct, 0, tag, 0);
            if (!ct.AsSpan().SequenceEqual(t.Ct)) return "wrong ciphertext";
            if (!tag.AsSpan().SequenceEqual(t.Tag)) return "wrong tag";
            return null;
        }
        if (t.Result == "invalid" && !decrypted && plain.Any(b => b != 0)) return "output not zeroed after a failed decryption";
        return null;
    }
}

using System.Text.Json;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>One Wycheproof AEAD case (aes_gcm_test.json / aes_ccm_test.json schema).</summary>
internal sealed record AeadCase(int TcId, string Result, byte[] Key, byte[] Iv, byte[] Aad, byte[] Msg, byte[] Ct, byte[] Tag,
    string[] Flags)
{
    public static AeadCase From(JsonElement t) => new(
        t.GetProperty("tcId").GetInt32(),
        t.GetProperty("result").GetString(),
        Convert.FromHexString(t.GetProperty("key").GetString()),
        Convert.FromHexString(t.GetProperty("iv").GetString()),
        Convert.FromHexString(t.GetProperty("aad").GetString()),
        Convert.FromHexString(t.GetProperty("msg").GetString()),
        Convert.FromHexString(t.GetProperty("ct").GetString()),
        Convert.FromHexString(t.GetProperty("tag").GetString()),
        t.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ToArray());
}

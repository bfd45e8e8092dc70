using System.Text.Json;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>One Wycheproof AEAD case (aes_gcm_test.json / aes_ccm_test.json schema) and the counters a run reports.</summary>
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

internal sealed class WycheproofTally
{
    public int Ran, Passed, Skipped, AcceptableAccepted, AcceptableRejected;
    public readonly List<string> Failures = new();
    public readonly SortedDictionary<string, int> SkipReasons = new();

    public void Skip(string reason, int count)
    {
        Skipped += count;
        SkipReasons[reason] = SkipReasons.GetValueOrDefault(reason) + count;
    }

    public void Print(string name)
    {
        Console.WriteLine($"{name}: ran {Ran}, passed {Passed}, skipped {Skipped} " +
            $"(acceptable: accepted {AcceptableAccepted} / rejected {AcceptableRejected})");
        foreach (var (reason, count) in SkipReasons) Console.WriteLine($"  skipped by policy: {count} x {reason}");
        foreach (var f in Failures) Console.WriteLine("  FAILED " + f);
    }

    public static JsonElement[] Groups(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Wycheproof(file)));
        return doc.RootElement.GetProperty("testGroups").EnumerateArray().Select(g => g.Clone()).ToArray();
    }
}

using System.Text.Json;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>
/// The outcome count every Wycheproof test reports: a valid case must be accepted, an invalid one rejected, an
/// acceptable one may go either way and is counted by outcome; a case the library does not support by design is
/// skipped with its reason. <see cref="Finish"/> prints "NAME: ran N, passed N, skipped N (acceptable: accepted N /
/// rejected N)" and fails on any disagreement or when fewer cases ran than the file is known to hold.
/// </summary>
internal sealed class WycheproofTally
{
    private readonly List<string> failures = new();
    private readonly SortedDictionary<string, int> skipReasons = new();

    public int Ran { get; private set; }
    public int Passed { get; private set; }
    public int Skipped { get; private set; }
    public int AcceptableAccepted { get; private set; }
    public int AcceptableRejected { get; private set; }

    /// <summary>The testGroups of a Wycheproof file of the shared vectors.</summary>
    public static JsonElement[] Groups(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Wycheproof(file)));
        return doc.RootElement.GetProperty("testGroups").EnumerateArray().Select(g => g.Clone()).ToArray();
    }

    /// <summary>Cases left out by policy (not run), with the reason printed.</summary>
    public void Skip(string reason, int count)
    {
        Skipped += count;
        skipReasons[reason] = skipReasons.GetValueOrDefault(reason) + count;
    }

    /// <summary>One case run: <paramref name="accepted"/> is the library's verdict; <paramref name="wrong"/> says
    /// what else was wrong (a wrong output, an output not wiped), null when nothing was.</summary>
    public void Record(JsonElement test, bool accepted, string wrong = null) =>
        Record(Id(test), test.GetProperty("result").GetString(), Flags(test), accepted, wrong);

    public void Record(int tcId, string result, IEnumerable<string> flags, bool accepted, string wrong = null)
    {
        Ran++;
        string problem = result switch
        {
            "valid" when !accepted => "valid case rejected",
            "invalid" when accepted => "invalid case accepted",
            "valid" or "invalid" or "acceptable" => wrong,
            _ => "unknown result " + result,
        };
        if (problem != null)
        {
            failures.Add($"tcId {tcId} ({result}, {string.Join(",", flags)}): {problem}");
            return;
        }
        Passed++;
        if (result == "acceptable")
        {
            if (accepted) AcceptableAccepted++; else AcceptableRejected++;
        }
    }

    /// <summary>A case run that ended outside accept/reject (e.g. the library threw an unexpected exception).</summary>
    public void Fail(JsonElement test, string problem)
    {
        Ran++;
        failures.Add($"tcId {Id(test)}: {problem}");
    }

    /// <summary>A rule broken by a case that was not run (e.g. a skipped size the class must refuse outright).</summary>
    public void FailSkipped(int tcId, string problem) => failures.Add($"tcId {tcId}: {problem}");

    /// <summary>Prints the counts (then <paramref name="notes"/>, indented) and asserts: no failure, every case run
    /// passed, at least <paramref name="minimum"/> cases run.</summary>
    public void Finish(string name, int minimum, params string[] notes)
    {
        Console.WriteLine($"{name}: ran {Ran}, passed {Passed}, skipped {Skipped} " +
            $"(acceptable: accepted {AcceptableAccepted} / rejected {AcceptableRejected})");
        foreach (var (reason, count) in skipReasons) Console.WriteLine($"  skipped by policy: {count} x {reason}");
        foreach (string note in notes) Console.WriteLine("  " + note);
        foreach (string f in failures) Console.WriteLine("  FAILED " + f);
        Assert.AreEqual(0, failures.Count, string.Join("; ", failures));
        Assert.AreEqual(Ran, Passed);
        Assert.IsTrue(Ran >= minimum, $"expected {minimum} cases, ran {Ran}");
    }

    private static int Id(JsonElement test) => test.GetProperty("tcId").GetInt32();

    private static IEnumerable<string> Flags(JsonElement test) =>
        test.TryGetProperty("flags", out JsonElement f) ? f.EnumerateArray().Select(x => x.GetString()) : [];
}

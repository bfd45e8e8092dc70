namespace TuyaLite.IntegrationTests;

/// <summary>
/// Locates the repository root and the shared test vectors: ../shared/vectors beside the checkout (CI, /work/main), or
/// the nearest shared/vectors further up (a git worktree nested one level deeper, e.g. /work/wt/NAME).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors { get; } = FindVectors();

    public static string Wycheproof(string file) => Path.Combine(Vectors, "wycheproof", file);

    private static string FindVectors()
    {
        for (var dir = new DirectoryInfo(Root).Parent; dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "vectors");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TuyaLite.sln"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("TuyaLite.sln not found above " + AppContext.BaseDirectory);
        return dir.FullName;
    }
}

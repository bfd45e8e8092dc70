namespace TuyaLite.IntegrationTests;

/// <summary>Locates the repository root and the shared test vectors (../shared/vectors beside the checkout).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Vectors { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "vectors"));

    public static string Wycheproof(string file) => Path.Combine(Vectors, "wycheproof", file);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TuyaLite.sln"))) dir = dir.Parent;
        if (dir == null) throw new InvalidOperationException("TuyaLite.sln not found above " + AppContext.BaseDirectory);
        return dir.FullName;
    }
}

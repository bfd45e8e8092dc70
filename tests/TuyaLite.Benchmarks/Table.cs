namespace TuyaLite.Benchmarks;

/// <summary>Prints aligned columns (also valid Markdown, so figures paste straight into docs/).</summary>
public sealed class Table(params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params object[] cells) => rows.Add(cells.Select(c => c?.ToString() ?? "").ToArray());

    public void Print()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine(Line(headers));
        Console.WriteLine("| " + string.Join(" | ", widths.Select(w => new string('-', w))) + " |");
        foreach (var r in rows) Console.WriteLine(Line(r));
    }
}

using System.Globalization;
using System.Text.Json;

namespace TuyaLite.Cli;

/// <summary>How the commands write times and optional strings, in their text and JSON reports alike.</summary>
public static class JsonText
{
    /// <summary>UTC instant as "2026-01-31T12:00:00Z".</summary>
    public static string Iso(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>Null stays null (an absent value), anything else as <see cref="Iso(DateTime)"/>.</summary>
    public static string Iso(DateTime? t) => t == null ? null : Iso(t.Value);

    /// <summary>A string property, or JSON null when the value is absent.</summary>
    public static void WriteNullable(this Utf8JsonWriter w, string name, string value)
    {
        if (value == null) w.WriteNull(name); else w.WriteString(name, value);
    }
}

using System.Globalization;
using System.Text;

namespace TuyaLite.Cli.Tls;

/// <summary>Backslash escapes in command-line text (`--send "GET / HTTP/1.0\r\n\r\n"`): \r \n \t \0 \\ \xHH.</summary>
public static class TextEscapes
{
    /// <summary>The bytes the text stands for (characters above 0xFF are UTF-8 encoded); throws FormatException on a bad escape.</summary>
    public static byte[] Decode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\')
            {
                if (c < 0x80) bytes.Add((byte)c);
                else bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (++i == text.Length) throw new FormatException("--send: a backslash ends the text");
            switch (text[i])
            {
                case 'r': bytes.Add(13); break;
                case 'n': bytes.Add(10); break;
                case 't': bytes.Add(9); break;
                case '0': bytes.Add(0); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'x':
                    if (i + 2 >= text.Length
                        || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte b))
                        throw new FormatException("--send: \\x needs two hex digits");
                    bytes.Add(b);
                    i += 2;
                    break;
                default: throw new FormatException("--send: unknown escape \\" + text[i]);
            }
        }
        return bytes.ToArray();
    }

    /// <summary>Bytes as text for display: printable ASCII, \r \n \t kept, others as \xHH.</summary>
    public static string Display(byte[] data, int count, bool keepLineBreaks)
    {
        var sb = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            byte b = data[i];
            if (b >= 0x20 && b < 0x7F) sb.Append((char)b);
            else if (keepLineBreaks && (b == 10 || b == 13 || b == 9)) sb.Append((char)b);
            else if (b == 13) sb.Append("\\r");
            else if (b == 10) sb.Append("\\n");
            else sb.Append("\\x").Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}

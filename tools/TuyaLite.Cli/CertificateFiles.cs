using System.Security.Cryptography;
using System.Text;

namespace TuyaLite.Cli;

/// <summary>Reads certificates from PEM (one or more CERTIFICATE blocks) or DER files.</summary>
public static class CertificateFiles
{
    /// <summary>The DER certificates in a file; throws <see cref="InvalidDataException"/> when there is none.</summary>
    public static byte[][] ReadAll(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string text = Encoding.ASCII.GetString(bytes);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (bytes.Length == 0 || bytes[0] != 0x30) throw new InvalidDataException(path + ": neither PEM nor a DER certificate");
            return [bytes];
        }
        var result = new List<byte[]>();
        ReadOnlySpan<char> rest = text;
        while (PemEncoding.TryFind(rest, out PemFields f))
        {
            if (rest[f.Label].SequenceEqual("CERTIFICATE")) result.Add(Convert.FromBase64String(rest[f.Base64Data].ToString()));
            rest = rest[f.Location.End..];
        }
        if (result.Count == 0) throw new InvalidDataException(path + ": no CERTIFICATE block in the PEM file");
        return result.ToArray();
    }

    /// <summary>The single certificate of a file.</summary>
    public static byte[] ReadOne(string path)
    {
        byte[][] all = ReadAll(path);
        if (all.Length != 1) throw new InvalidDataException(path + ": expected one certificate, found " + all.Length);
        return all[0];
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TuyaLite.Tls;

namespace TuyaLite.Cli.Commands;

/// <summary>
/// `tuyalite cert verify --root FILE --leaf FILE --host NAME [--at ISO8601] [--json]`: runs exactly the device library's
/// CertificateValidator on the leaf as a one-certificate chain, pinning every certificate of the root file.
/// Exit 0 when accepted, 1 with a one-line reason when refused, 2 for unusable input.
/// </summary>
public static class CertVerifyCommand
{
    public static Command Create()
    {
        var root = new Option<FileInfo>("--root") { Description = "Pinned root certificate(s), PEM or DER", Required = true };
        var leaf = new Option<FileInfo>("--leaf") { Description = "Server leaf certificate, PEM or DER", Required = true };
        var host = new Option<string>("--host") { Description = "Host name or IP address the client connects to", Required = true };
        var at = new Option<string>("--at") { Description = "Validate at this UTC instant (ISO 8601) instead of the system time" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("verify", "Check a server leaf against pinned roots with the TuyaLite 2-level policy")
        {
            root, leaf, host, at, json,
        };
        command.SetAction(r => Run(r.GetValue(root), r.GetValue(leaf), r.GetValue(host), r.GetValue(at), r.GetValue(json),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(FileInfo rootFile, FileInfo leafFile, string host, string at, bool json, TextWriter output, TextWriter error)
    {
        byte[][] roots;
        byte[] leaf;
        DateTime now;
        try
        {
            roots = CertificateFiles.ReadAll(rootFile.FullName);
            leaf = CertificateFiles.ReadOne(leafFile.FullName);
            now = at == null ? DateTime.UtcNow : ParseInstant(at);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or UnauthorizedAccessException)
        {
            error.WriteLine("tuyalite cert verify: " + e.Message);
            return ExitCodes.Usage;
        }

        var report = new Report { Host = host, CheckedAt = now, Clock = at == null ? "system" : "fixed", LeafBytes = leaf.Length };
        Describe(leaf, report);
        try
        {
            var validator = new CertificateValidator(roots);
            byte[] key = new byte[X509Certificate.PublicKeySize];
            validator.ValidateServerChain(leaf, [0], [leaf.Length], 1, host, new FixedClock(now), key, 0);
            report.Ok = true;
            report.PublicKey = Convert.ToHexStringLower(key);
        }
        catch (TlsCertificateException e)
        {
            report.Ok = false;
            report.ErrorCode = e.Error;
            report.Error = CertificateError.Name(e.Error) + (e.Detail == null ? "" : ": " + e.Detail);
        }

        if (json) output.WriteLine(report.ToJson());
        else if (report.Ok) output.WriteLine($"ok: {report.Subject} accepted for {host} (valid {JsonText.Iso(report.NotBefore)} to {JsonText.Iso(report.NotAfter)})");
        else output.WriteLine("rejected: " + report.Error);
        return report.Ok ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Leaf fields for the report, read with the same parser (absent when the leaf does not parse).</summary>
    private static void Describe(byte[] leaf, Report report)
    {
        try
        {
            X509Certificate c = X509Certificate.Parse(leaf);
            report.Subject = "CN=" + c.SubjectCommonName;
            report.NotBefore = c.NotBefore;
            report.NotAfter = c.NotAfter;
        }
        catch (TlsCertificateException)
        {
            // The validator reports why.
        }
    }

    private static DateTime ParseInstant(string text)
    {
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset t))
            throw new FormatException("--at: not an ISO 8601 time: " + text);
        return t.UtcDateTime;
    }

    private sealed class Report
    {
        public bool Ok;
        public string Error;
        public int ErrorCode;
        public string Host;
        public string Subject;
        public DateTime? NotBefore;
        public DateTime? NotAfter;
        public DateTime CheckedAt;
        public string Clock;
        public int LeafBytes;
        public string PublicKey;

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream))
            {
                w.WriteStartObject();
                w.WriteBoolean("ok", Ok);
                w.WriteNullable("error", Error);
                w.WriteNumber("errorCode", ErrorCode);
                w.WriteString("host", Host);
                w.WriteNullable("subject", Subject);
                w.WriteNullable("notBefore", JsonText.Iso(NotBefore));
                w.WriteNullable("notAfter", JsonText.Iso(NotAfter));
                w.WriteString("checkedAt", JsonText.Iso(CheckedAt));
                w.WriteString("clock", Clock);
                w.WriteNumber("leafDerBytes", LeafBytes);
                w.WriteNullable("publicKey", PublicKey);
                w.WriteEndObject();
            }
            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
    }
}

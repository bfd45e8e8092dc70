using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Cli.Tls;

/// <summary>A failed `tls connect` as one line: what kind of failure, the alert involved, the certificate error.</summary>
public sealed record ConnectFailure(string Kind, string Reason, string Alert, string CertificateErrorName)
{
    /// <summary>Null for exceptions that are not connection failures (programming errors propagate).</summary>
    public static ConnectFailure From(Exception e) => e switch
    {
        TlsCertificateException c => new("certificate", "certificate refused: " + CertificateError.Name(c.Error)
            + (c.Detail == null ? "" : ": " + c.Detail) + " (sent " + TlsAlert.Name(c.Alert) + ")", TlsAlert.Name(c.Alert), CertificateError.Name(c.Error)),
        TlsAlertException a => new("alert", "the server sent the fatal alert " + TlsAlert.Name(a.Alert), TlsAlert.Name(a.Alert), null),
        TlsPolicyException p => new("policy", "policy refused the server: " + Strip(p.Message, "tls: policy: ") + " (sent " + TlsAlert.Name(p.Alert) + ")",
            TlsAlert.Name(p.Alert), null),
        TlsProtocolException p => new("protocol", "protocol error: " + Strip(p.Message, "tls: "), TlsAlert.Name(p.Alert), null),
        TransportTimeoutException t => new("timeout", "timeout: " + Strip(t.Message, "tls: "), null, null),
        TransportException t => new("connection", "connection failed: " + Strip(t.Message, "tls: "), null, null),
        _ => null,
    };

    private static string Strip(string message, string prefix) =>
        message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
}

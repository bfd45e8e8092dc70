using System.CommandLine;

namespace TuyaLite.Cli.Commands;

/// <summary>`tuyalite tls ...`: TLS client diagnostics with the device library's TlsClient.</summary>
public static class TlsCommand
{
    public static Command Create() => new("tls", "TLS client diagnostics (the device library's TlsClient on the host)")
    {
        TlsConnectCommand.Create(),
    };
}

using System.CommandLine;

namespace TuyaLite.Cli.Commands;

/// <summary>`tuyalite cert ...`: certificate diagnostics.</summary>
public static class CertCommand
{
    public static Command Create() => new("cert", "X.509 certificate diagnostics")
    {
        CertVerifyCommand.Create(),
    };
}

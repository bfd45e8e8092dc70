namespace TuyaLite.Cli;

/// <summary>Process exit codes shared by every command.</summary>
public static class ExitCodes
{
    /// <summary>The operation succeeded (e.g. the certificate was accepted).</summary>
    public const int Ok = 0;
    /// <summary>The operation ran and failed: a policy refusal, a failed handshake. A one-line reason is printed.</summary>
    public const int Failed = 1;
    /// <summary>Bad command line or unreadable input (missing file, not a certificate, bad time).</summary>
    public const int Usage = 2;
}

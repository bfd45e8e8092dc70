using System.CommandLine;
using TuyaLite.Cli.Commands;

namespace TuyaLite.Cli;

/// <summary>
/// The `tuyalite` command. Each command lives in Commands/ and is registered here; <see cref="Run"/> is the testable entry
/// point (writers instead of the console). Exit codes: <see cref="ExitCodes"/>.
/// </summary>
public static class Program
{
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = new("tuyalite: tools and diagnostics for TuyaLite devices")
        {
            CertCommand.Create(),
            TlsCommand.Create(),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine("tuyalite: " + e.Message);
            error.WriteLine("Run 'tuyalite --help' for usage.");
            return ExitCodes.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}

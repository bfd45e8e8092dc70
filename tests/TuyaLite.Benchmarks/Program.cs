// TuyaLite benchmarks: managed (TuyaLite) vs .NET native, side by side in one run.
// Usage: dotnet run -c Release --project tests/TuyaLite.Benchmarks [-- --quick] [-- --tls-only]
using TuyaLite.Benchmarks;

bool quick = args.Contains("--quick");
bool tlsOnly = args.Contains("--tls-only");
double seconds = quick ? 0.2 : 1.0;
Console.WriteLine($"TuyaLite benchmarks  (.NET {Environment.Version}, {Environment.ProcessorCount} cores, {(quick ? "quick" : "full")} run)");
Console.WriteLine();
if (!tlsOnly)
{
    CryptoBenchmarks.Run(seconds);
    Console.WriteLine();
    P256Benchmarks.Run(seconds);
    Console.WriteLine();
}
if (File.Exists("/usr/bin/openssl") || File.Exists("/usr/local/bin/openssl"))
    TlsHandshakeBenchmarks.Run(quick ? 20 : 100, quick ? 40 : 200);
else
    Console.WriteLine("TLS handshakes: skipped (openssl is not installed; ./test.sh installs it)");

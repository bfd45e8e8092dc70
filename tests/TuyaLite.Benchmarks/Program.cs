// TuyaLite benchmarks: managed (TuyaLite) vs .NET native, side by side in one run.
// Usage: dotnet run -c Release --project tests/TuyaLite.Benchmarks [-- --quick]
using TuyaLite.Benchmarks;

bool quick = args.Contains("--quick");
double seconds = quick ? 0.2 : 1.0;
Console.WriteLine($"TuyaLite benchmarks  (.NET {Environment.Version}, {Environment.ProcessorCount} cores, {(quick ? "quick" : "full")} run)");
Console.WriteLine();
CryptoBenchmarks.Run(seconds);
Console.WriteLine();
P256Benchmarks.Run(seconds);

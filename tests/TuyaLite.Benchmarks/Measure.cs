using System.Diagnostics;

namespace TuyaLite.Benchmarks;

/// <summary>A tiny harness: warm up, then run an action for at least a minimum time and report per-op figures.</summary>
public static class Measure
{
    public sealed record Result(double NsPerOp, long BytesAllocatedPerOp, long Iterations);

    public static Result Run(Action action, double minSeconds = 0.5)
    {
        for (int i = 0; i < 3; i++) action();
        long iterations = 0;
        long allocStart = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < minSeconds)
        {
            action();
            iterations++;
        }
        sw.Stop();
        long alloc = GC.GetAllocatedBytesForCurrentThread() - allocStart;
        return new Result(sw.Elapsed.TotalNanoseconds / iterations, alloc / iterations, iterations);
    }

    public static string Throughput(Result r, int bytesPerOp) =>
        $"{bytesPerOp / (r.NsPerOp / 1e9) / (1024 * 1024):F1} MiB/s";

    public static string Time(Result r) =>
        r.NsPerOp >= 1e6 ? $"{r.NsPerOp / 1e6:F2} ms" : $"{r.NsPerOp / 1e3:F1} us";
}

using TuyaLite.Platform;

namespace TuyaLite.Cli;

/// <summary>A known clock reading one instant: --at, or the system time when the command starts.</summary>
public sealed class FixedClock(DateTime utcNow) : IClock
{
    public DateTime UtcNow { get; } = utcNow;
    public bool IsKnown => true;
}

using System;

namespace TuyaLite.Platform
{
    /// <summary>UTC time as the device knows it (its RTC plus an offset learned from the cloud or SNTP).</summary>
    public interface IClock
    {
        /// <summary>Current UTC time; meaningful only when <see cref="IsKnown"/>.</summary>
        DateTime UtcNow { get; }

        /// <summary>False after a cold boot until the time has been learned from a trusted source.</summary>
        bool IsKnown { get; }
    }
}

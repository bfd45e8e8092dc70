using System;

namespace TuyaLite.Platform
{
    /// <summary>Host clock: the operating system's UTC time, always known.</summary>
    public sealed class SystemClock : IClock
    {
        public DateTime UtcNow => DateTime.UtcNow;

        public bool IsKnown => true;
    }
}

using System;
using System.Security.Cryptography;

namespace TuyaLite.Platform
{
    /// <summary>Host entropy: the operating system's CSPRNG (getrandom/BCryptGenRandom via RandomNumberGenerator).</summary>
    public sealed class SystemEntropySource : IEntropySource
    {
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            Bytes.CheckRange(buffer, offset, count, nameof(buffer));
            RandomNumberGenerator.Fill(new Span<byte>(buffer, offset, count));
        }
    }
}

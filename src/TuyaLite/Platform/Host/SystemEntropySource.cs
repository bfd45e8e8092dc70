using System;
using System.Security.Cryptography;

namespace TuyaLite.Platform
{
    /// <summary>Host entropy: the operating system's CSPRNG (getrandom/BCryptGenRandom via RandomNumberGenerator).</summary>
    public sealed class SystemEntropySource : IEntropySource
    {
        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException(nameof(count));
            RandomNumberGenerator.Fill(new Span<byte>(buffer, offset, count));
        }
    }
}

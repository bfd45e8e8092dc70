using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Tls
{
    /// <summary>Deterministic IRandom for tests: SHA-256 of (seed, counter) blocks. Not for real keys.</summary>
    internal sealed class TestRandom : IRandom
    {
        private readonly byte[] input = new byte[8];
        private readonly byte[] block = new byte[32];
        private uint counter;

        public TestRandom(uint seed) { Bytes.WriteUInt32BE(input, 0, seed); }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            while (count > 0)
            {
                Bytes.WriteUInt32BE(input, 4, counter++);
                Sha256.Hash(input, 0, 8, block, 0);
                int n = count < 32 ? count : 32;
                System.Array.Copy(block, 0, buffer, offset, n);
                offset += n;
                count -= n;
            }
        }
    }

    /// <summary>A clock fixed at a time, known or not.</summary>
    internal sealed class FixedClock : IClock
    {
        private readonly System.DateTime now;
        private readonly bool known;

        public FixedClock(System.DateTime now, bool known)
        {
            this.now = now;
            this.known = known;
        }

        public System.DateTime UtcNow { get { return now; } }

        public bool IsKnown { get { return known; } }
    }
}

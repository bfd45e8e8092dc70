using System;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>A deterministic IEntropySource for tests: counts calls and bytes, can be told to fail.</summary>
    public sealed class CountingEntropySource : IEntropySource
    {
        private int _next;

        public CountingEntropySource(int firstByte) { _next = firstByte; }

        public int Calls;
        public int LastCount;
        public bool Fail;
        /// <summary>When set, GetEntropy writes half the range, then throws (a source failing mid-read).</summary>
        public bool FailHalfway;
        /// <summary>The buffer of the last call, kept to check that the caller wiped it.</summary>
        public byte[] LastBuffer;

        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            if (Fail) throw new InvalidOperationException("entropy source down");
            LastBuffer = buffer;
            if (FailHalfway)
            {
                for (int i = 0; i < count / 2; i++) buffer[offset + i] = (byte)(_next++ * 29 + 11);
                throw new InvalidOperationException("entropy source failed mid-read");
            }
            Calls++;
            LastCount = count;
            for (int i = 0; i < count; i++) buffer[offset + i] = (byte)(_next++ * 29 + 11);
        }

        /// <summary>The bytes the next GetEntropy(count) would return, without consuming them.</summary>
        public byte[] Peek(int count)
        {
            byte[] b = new byte[count];
            for (int i = 0; i < count; i++) b[i] = (byte)((_next + i) * 29 + 11);
            return b;
        }
    }
}

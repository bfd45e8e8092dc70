using System;

namespace TuyaLite.Crypto
{
    /// <summary>Overlap checks shared by the AEAD modes (ranges: Bytes.CheckOptionalRange), done before any byte is written.</summary>
    internal static class AeadArguments
    {
        /// <summary>
        /// In-place operation means the very same range. A shifted overlap would read bytes the previous block already
        /// overwrote, so it is refused.
        /// </summary>
        public static void CheckOverlap(byte[] input, int inputOffset, byte[] output, int outputOffset, int count)
        {
            if (input == null || input != output || inputOffset == outputOffset || count == 0) return;
            if (inputOffset < outputOffset + count && outputOffset < inputOffset + count)
                throw new ArgumentException("input and output overlap without being the same range");
        }

        /// <summary>
        /// The output must not overlap the nonce, the AAD or the tag (name): CCM's Decrypt writes the output before it
        /// reads them, both modes' Encrypt write the tag after the output. Both modes refuse it the same way.
        /// </summary>
        public static void CheckOverlap(byte[] output, int outputOffset, int count, byte[] other, int otherOffset,
            int otherCount, string name)
        {
            if (other != output || count == 0 || otherCount == 0) return;
            if (otherOffset < outputOffset + count && outputOffset < otherOffset + otherCount)
                throw new ArgumentException("output overlaps the " + name);
        }
    }
}

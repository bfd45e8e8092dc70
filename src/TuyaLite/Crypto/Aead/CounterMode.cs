using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>The CTR loop GCM and CCM share: output = input xor E_K(counter block), counter field +1 per block.</summary>
    internal static class CounterMode
    {
        private const int BlockSize = 16;

        /// <summary>
        /// The counter field is the last fieldBytes (1..8) bytes of s[counterBlock, +16), big-endian; it starts at first
        /// (the bytes above its low 4 start at zero) and wraps within the field (GCM's inc32). One key-stream block at
        /// s[keyStream]. Per block the counter costs one byte increment (the carry loop runs once per 256 blocks);
        /// callers set the counter block up before and restore what they need after.
        /// </summary>
        public static void Apply(IBlockCipher cipher, byte[] s, int counterBlock, int keyStream, int fieldBytes, uint first,
            byte[] input, int inputOffset, int count, byte[] output, int outputOffset)
        {
            int last = counterBlock + BlockSize - 1;
            int top = last - fieldBytes + 1;
            for (int i = 0; i < fieldBytes; i++) s[last - i] = i < 4 ? (byte)(first >> (8 * i)) : (byte)0;
            int done = 0;
            while (done < count)
            {
                cipher.EncryptBlock(s, counterBlock, s, keyStream);
                int n = count - done;
                if (n > BlockSize) n = BlockSize;
                int i0 = inputOffset + done, o0 = outputOffset + done;
                for (int i = 0; i < n; i++) output[o0 + i] = (byte)(input[i0 + i] ^ s[keyStream + i]);
                done += n;
                int j = last;
                while (++s[j] == 0 && j > top) j--;
            }
        }
    }
}

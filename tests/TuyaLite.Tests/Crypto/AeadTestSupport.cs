using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>Deterministic test data and small checks shared by the AES, GHASH, GCM and CCM tests.</summary>
    internal static class AeadTestSupport
    {
        /// <summary>Bytes from a xorshift32 stream: reproducible, different for each seed, no allocation beyond the result.</summary>
        public static byte[] Pseudo(int length, uint seed)
        {
            byte[] r = new byte[length];
            uint x = seed * 2654435761u + 1;
            for (int i = 0; i < length; i++)
            {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                r[i] = (byte)(x >> 24);
            }
            return r;
        }

        public static bool AllZero(byte[] b, int offset, int count)
        {
            int acc = 0;
            for (int i = 0; i < count; i++) acc |= b[offset + i];
            return acc == 0;
        }

        public static bool RangeEquals(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            return Bytes.ConstantTimeEquals(a, aOffset, b, bOffset, count);
        }

        public static string Hex(byte[] b, int offset, int count)
        {
            return Bytes.ToHex(b, offset, count, false);
        }
    }
}

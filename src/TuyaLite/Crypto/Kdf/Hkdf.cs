using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// HKDF-SHA256 (RFC 5869). The overloads taking an HmacSha256 reuse the caller's instance and allocate nothing; the
    /// others allocate one HmacSha256 per call (and wipe it). The HMAC instance is left keyed with the PRK by Expand:
    /// call its Clear() when done if the PRK is secret.
    /// </summary>
    public static class Hkdf
    {
        public const int HashSize = 32;
        /// <summary>RFC 5869: L &lt;= 255 * HashLen.</summary>
        public const int MaxOutputLength = 255 * HashSize;

        private static readonly byte[] Empty = new byte[0];

        /// <summary>PRK = HMAC(salt, ikm); a null/empty salt means 32 zero bytes. Writes 32 bytes.</summary>
        public static void Extract(byte[] salt, int saltOffset, int saltCount, byte[] ikm, int ikmOffset, int ikmCount,
            byte[] prk, int prkOffset)
        {
            HmacSha256 hmac = new HmacSha256();
            try
            {
                Extract(hmac, salt, saltOffset, saltCount, ikm, ikmOffset, ikmCount, prk, prkOffset);
            }
            finally
            {
                hmac.Clear();
            }
        }

        /// <summary>Extract with the caller's HMAC instance (no allocation).</summary>
        public static void Extract(HmacSha256 hmac, byte[] salt, int saltOffset, int saltCount,
            byte[] ikm, int ikmOffset, int ikmCount, byte[] prk, int prkOffset)
        {
            if (hmac == null) throw new ArgumentNullException(nameof(hmac));
            // Every range is checked before SetKey: a bad one leaves the caller's HMAC as it was.
            Bytes.CheckOptionalRange(salt, saltOffset, saltCount, nameof(salt));
            Bytes.CheckRange(ikm, ikmOffset, ikmCount, nameof(ikm));
            Bytes.CheckRange(prk, prkOffset, HashSize, nameof(prk));
            // HMAC zero-pads its key to the block size, so an empty key is exactly "HashLen zero bytes".
            if (salt == null) { salt = Empty; saltOffset = 0; saltCount = 0; }
            hmac.SetKey(salt, saltOffset, saltCount);
            hmac.Update(ikm, ikmOffset, ikmCount);
            hmac.Final(prk, prkOffset);
        }

        /// <summary>
        /// OKM of length (at most 255*32) from PRK (at least 32 bytes) and info; info may be null (count 0). The output
        /// must not overlap info. Throws ArgumentOutOfRangeException for a length above MaxOutputLength.
        /// </summary>
        public static void Expand(byte[] prk, int prkOffset, int prkCount, byte[] info, int infoOffset, int infoCount,
            byte[] output, int outputOffset, int length)
        {
            HmacSha256 hmac = new HmacSha256();
            try
            {
                Expand(hmac, prk, prkOffset, prkCount, info, infoOffset, infoCount, output, outputOffset, length);
            }
            finally
            {
                hmac.Clear();
            }
        }

        /// <summary>Expand with the caller's HMAC instance (no allocation).</summary>
        public static void Expand(HmacSha256 hmac, byte[] prk, int prkOffset, int prkCount,
            byte[] info, int infoOffset, int infoCount, byte[] output, int outputOffset, int length)
        {
            if (hmac == null) throw new ArgumentNullException(nameof(hmac));
            if (length < 0 || length > MaxOutputLength) throw new ArgumentOutOfRangeException(nameof(length));
            if (prkCount < HashSize) throw new ArgumentException("HKDF PRK must be at least 32 bytes", nameof(prkCount));
            Bytes.CheckRange(prk, prkOffset, prkCount, nameof(prk));
            Bytes.CheckOptionalRange(info, infoOffset, infoCount, nameof(info));
            Bytes.CheckRange(output, outputOffset, length, nameof(output));
            if (info == null) { info = Empty; infoOffset = 0; }

            hmac.SetKey(prk, prkOffset, prkCount);
            // T(i) = HMAC(PRK, T(i-1) || info || i), written straight into output; T(i-1) is read back from there.
            int produced = 0;
            int counter = 1;
            while (produced < length)
            {
                if (counter > 1) hmac.Update(output, outputOffset + produced - HashSize, HashSize);
                hmac.Update(info, infoOffset, infoCount);
                hmac.Update((byte)counter);
                int take = length - produced;
                if (take > HashSize) take = HashSize;
                hmac.Final(output, outputOffset + produced, take);
                produced += take;
                counter++;
            }
        }
    }
}

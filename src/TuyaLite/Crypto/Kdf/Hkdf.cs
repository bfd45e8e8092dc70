using System;

namespace TuyaLite.Crypto
{
    /// <summary>HKDF-SHA256 (RFC 5869). API contract (issue #2).</summary>
    public static class Hkdf
    {
        /// <summary>PRK = HMAC(salt, ikm); a null/empty salt means 32 zero bytes. Writes 32 bytes.</summary>
        public static void Extract(byte[] salt, int saltOffset, int saltCount, byte[] ikm, int ikmOffset, int ikmCount,
            byte[] prk, int prkOffset) { throw new NotImplementedException(); }

        /// <summary>OKM of length (at most 255*32) from PRK and info.</summary>
        public static void Expand(byte[] prk, int prkOffset, int prkCount, byte[] info, int infoOffset, int infoCount,
            byte[] output, int outputOffset, int length) { throw new NotImplementedException(); }
    }
}

using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// RFC 6979 (section 3.2) deterministic ECDSA nonces for P-256 with HMAC-SHA256. With qlen = hlen = 256 every
    /// candidate is one HMAC output, so T = V and k = bits2int(T) = V as an integer; the caller accepts it when it
    /// lies in [1, n-1] (and r, s turn out non-zero) and otherwise asks for the next one (step h.3).
    /// Allocates its buffers and HMAC once; Clear wipes them.
    /// </summary>
    internal sealed class Rfc6979
    {
        // The HMAC stays keyed with K from Start on: only a new K costs a SetKey (two compressions).
        private readonly HmacSha256 hmac = new HmacSha256();
        private readonly byte[] k = new byte[32];
        private readonly byte[] v = new byte[32];
        private bool candidateGiven;

        /// <summary>
        /// Steps b-g: x is the private key as 32 big-endian bytes (int2octets), h the hash reduced mod n as 32 bytes
        /// (bits2octets).
        /// </summary>
        public void Start(byte[] x, int xOffset, byte[] h, int hOffset)
        {
            for (int i = 0; i < 32; i++) { v[i] = 0x01; k[i] = 0x00; }
            hmac.SetKey(k, 0, 32);
            NewKey(0x00, x, xOffset, h, hOffset);                   // K = HMAC_K(V || 0x00 || x || h)
            NextV();                                                // V = HMAC_K(V)
            NewKey(0x01, x, xOffset, h, hOffset);                   // K = HMAC_K(V || 0x01 || x || h)
            NextV();
            candidateGiven = false;
        }

        /// <summary>Step h: writes the next 32-byte candidate k (big-endian).</summary>
        public void Next(byte[] output, int offset)
        {
            if (candidateGiven)
            {
                NewKey(0x00, null, 0, null, 0);                     // K = HMAC_K(V || 0x00); V = HMAC_K(V)
                NextV();
            }
            NextV();                                                // V = HMAC_K(V); T = V
            Array.Copy(v, 0, output, offset, 32);
            candidateGiven = true;
        }

        public void Clear()
        {
            hmac.Clear();
            Array.Clear(k, 0, 32);
            Array.Clear(v, 0, 32);
        }

        private void NewKey(byte separator, byte[] x, int xOffset, byte[] h, int hOffset)
        {
            hmac.Update(v, 0, 32);
            hmac.Update(separator);
            if (x != null)
            {
                hmac.Update(x, xOffset, 32);
                hmac.Update(h, hOffset, 32);
            }
            hmac.Final(k, 0);
            hmac.SetKey(k, 0, 32);
        }

        private void NextV()
        {
            hmac.Update(v, 0, 32);
            hmac.Final(v, 0);
        }
    }
}

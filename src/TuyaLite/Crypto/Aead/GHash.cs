using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// GHASH of GCM (NIST SP 800-38D, 6.4): Y = (Y xor X_i) · H in GF(2^128), over 16-byte blocks. Constant-time: the
    /// products are carry-less multiplications built from integer multiplications with "holes" (every 4th bit kept,
    /// so carries land in bits that are masked away), no tables and no branches on data. Holds 9 words of key material
    /// and the 128-bit state; allocation-free after construction.
    /// </summary>
    public sealed class GHash
    {
        public const int BlockSize = 16;

        // The 32-bit operands of H that the Karatsuba products need, by 64-bit half: for half h in {lo, hi, lo^hi}:
        // [3h] = low 32 bits, [3h+1] = high 32 bits, [3h+2] = their xor.
        private readonly uint[] _h = new uint[9];

        // State Y as two big-endian halves: _y1 = bytes 0..7 (bit 63 = coefficient of x^0), _y0 = bytes 8..15.
        private ulong _y1, _y0;

        /// <summary>Sets the hash subkey H (16 bytes, normally E_K(0^128)) and resets the state.</summary>
        public void SetKey(byte[] h, int offset)
        {
            Bytes.CheckRange(h, offset, BlockSize, "h");
            ulong h1 = Bytes.ReadUInt64BE(h, offset);
            ulong h0 = Bytes.ReadUInt64BE(h, offset + 8);
            SetHalf(0, h0);
            SetHalf(3, h1);
            SetHalf(6, h0 ^ h1);
            Reset();
        }

        /// <summary>Starts a new hash (Y = 0) under the same H.</summary>
        public void Reset()
        {
            _y1 = 0;
            _y0 = 0;
        }

        /// <summary>
        /// Absorbs count bytes as whole blocks; a final partial block is zero-padded (the GCM rule for AAD and
        /// ciphertext). Callers must therefore pass each of AAD and ciphertext in one call.
        /// </summary>
        public void Update(byte[] data, int offset, int count)
        {
            Bytes.CheckOptionalRange(data, offset, count, "data");
            uint[] h = _h;
            uint a0 = h[0], a1 = h[1], a2 = h[2], b0 = h[3], b1 = h[4], b2 = h[5], c0 = h[6], c1 = h[7], c2 = h[8];
            ulong y1 = _y1, y0 = _y0;
            int end = offset + count;
            int o = offset;
            while (o < end)
            {
                int n = end - o;
                if (n >= BlockSize)
                {
                    // Inlined big-endian reads: on the interpreter a helper call costs more than these shifts.
                    y1 ^= ((ulong)(((uint)data[o] << 24) | ((uint)data[o + 1] << 16) | ((uint)data[o + 2] << 8) | data[o + 3]) << 32)
                        | (((uint)data[o + 4] << 24) | ((uint)data[o + 5] << 16) | ((uint)data[o + 6] << 8) | data[o + 7]);
                    y0 ^= ((ulong)(((uint)data[o + 8] << 24) | ((uint)data[o + 9] << 16) | ((uint)data[o + 10] << 8) | data[o + 11]) << 32)
                        | (((uint)data[o + 12] << 24) | ((uint)data[o + 13] << 16) | ((uint)data[o + 14] << 8) | data[o + 15]);
                    o += BlockSize;
                }
                else
                {
                    // Zero-padded tail: length is public, so branching on it is fine.
                    for (int i = 0; i < n; i++)
                    {
                        ulong v = data[o + i];
                        if (i < 8) y1 ^= v << (56 - 8 * i);
                        else y0 ^= v << (120 - 8 * i);
                    }
                    o = end;
                }
                Multiply(ref y1, ref y0, a0, a1, a2, b0, b1, b2, c0, c1, c2);
            }
            _y1 = y1;
            _y0 = y0;
        }

        /// <summary>Absorbs the final block [len(A)]64 || [len(C)]64, lengths given in bytes.</summary>
        public void UpdateLengths(int aadBytes, int ciphertextBytes)
        {
            uint[] h = _h;
            ulong y1 = _y1 ^ ((ulong)aadBytes << 3);
            ulong y0 = _y0 ^ ((ulong)ciphertextBytes << 3);
            Multiply(ref y1, ref y0, h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]);
            _y1 = y1;
            _y0 = y0;
        }

        /// <summary>Writes the 16-byte state Y.</summary>
        public void GetState(byte[] output, int offset)
        {
            Bytes.WriteUInt64BE(output, offset, _y1);
            Bytes.WriteUInt64BE(output, offset + 8, _y0);
        }

        /// <summary>XORs the 16-byte state Y into output (GCM: tag = E_K(J0) xor Y, without a second buffer).</summary>
        public void XorStateInto(byte[] output, int offset)
        {
            ulong y1 = _y1, y0 = _y0;
            for (int i = 0; i < 8; i++)
            {
                output[offset + i] ^= (byte)(y1 >> (56 - 8 * i));
                output[offset + 8 + i] ^= (byte)(y0 >> (56 - 8 * i));
            }
        }

        /// <summary>Erases H and the state.</summary>
        public void Clear()
        {
            Array.Clear(_h, 0, _h.Length);
            Reset();
        }

        private void SetHalf(int index, ulong half)
        {
            uint lo = (uint)half, hi = (uint)(half >> 32);
            _h[index] = lo;
            _h[index + 1] = hi;
            _h[index + 2] = lo ^ hi;
        }

        /// <summary>
        /// (y1:y0) = (y1:y0) · H. Karatsuba over 64-bit halves (3 products of 64x64 bits), then reduction modulo
        /// x^128 + x^7 + x^2 + x + 1 in GCM's reflected bit order.
        /// </summary>
        private static void Multiply(ref ulong y1, ref ulong y0, uint a0, uint a1, uint a2, uint b0, uint b1, uint b2,
            uint c0, uint c1, uint c2)
        {
            ulong loHi, hiHi, midHi;
            ulong lo = Clmul64(y0, a0, a1, a2, out loHi);
            ulong hi = Clmul64(y1, b0, b1, b2, out hiHi);
            ulong mid = Clmul64(y0 ^ y1, c0, c1, c2, out midHi);
            mid ^= lo ^ hi;
            midHi ^= loHi ^ hiHi;

            // The 255-bit product Z = (hiHi:hi:loHi:lo) with Karatsuba middle term folded in at bit 64.
            ulong z3 = hiHi, z2 = hi ^ midHi, z1 = loHi ^ mid, z0 = lo;

            // In the reflected order the product of two 127-bit-aligned values lands one bit low: shift left by one.
            z3 = (z3 << 1) | (z2 >> 63);
            z2 = (z2 << 1) | (z1 >> 63);
            z1 = (z1 << 1) | (z0 >> 63);
            z0 <<= 1;

            // Now (z3:z2) holds coefficients x^0..x^127 and (z1:z0) holds x^128..x^255 in the same order. Fold the high
            // part D = (z1:z0) with x^128 = x^7 + x^2 + x + 1: multiplying by x^s shifts right by s in this order.
            // First the bits that x^1, x^2, x^7 push past x^127 come back in at x^0.. (second reduction, inside D).
            z1 ^= (z0 << 63) ^ (z0 << 62) ^ (z0 << 57);
            // Then D + D·x + D·x^2 + D·x^7.
            z3 ^= z1 ^ (z1 >> 1) ^ (z1 >> 2) ^ (z1 >> 7);
            z2 ^= z0 ^ ((z0 >> 1) | (z1 << 63)) ^ ((z0 >> 2) | (z1 << 62)) ^ ((z0 >> 7) | (z1 << 57));
            y1 = z3;
            y0 = z2;
        }

        /// <summary>
        /// Carry-less 64x64 -> 128-bit product of a and b, with b given as its 32-bit halves bL, bH and bM = bL ^ bH:
        /// Karatsuba over three 32x32 products. Returns the low 64 bits, hi receives the high 64 bits.
        /// </summary>
        private static ulong Clmul64(ulong a, uint bL, uint bH, uint bM, out ulong hi)
        {
            const ulong m0 = 0x1111111111111111, m1 = 0x2222222222222222, m2 = 0x4444444444444444, m3 = 0x8888888888888888;
            uint aL = (uint)a, aH = (uint)(a >> 32);

            // Each 32x32 product: split both operands into 4 interleaved parts (every 4th bit). A part has at most 8 bits
            // set, so each bit position of an integer product of two parts sums at most 8 terms: the count fits in the 4
            // bits before the next position of the same residue, and its parity is the carry-less bit. Products of parts
            // whose residues add up to r (mod 4) are xored and masked to residue r.
            ulong x0 = aL & m0, x1 = aL & m1, x2 = aL & m2, x3 = aL & m3;
            ulong u0 = bL & m0, u1 = bL & m1, u2 = bL & m2, u3 = bL & m3;
            ulong pL = (((x0 * u0) ^ (x1 * u3) ^ (x2 * u2) ^ (x3 * u1)) & m0)
                | (((x0 * u1) ^ (x1 * u0) ^ (x2 * u3) ^ (x3 * u2)) & m1)
                | (((x0 * u2) ^ (x1 * u1) ^ (x2 * u0) ^ (x3 * u3)) & m2)
                | (((x0 * u3) ^ (x1 * u2) ^ (x2 * u1) ^ (x3 * u0)) & m3);

            x0 = aH & m0; x1 = aH & m1; x2 = aH & m2; x3 = aH & m3;
            u0 = bH & m0; u1 = bH & m1; u2 = bH & m2; u3 = bH & m3;
            ulong pH = (((x0 * u0) ^ (x1 * u3) ^ (x2 * u2) ^ (x3 * u1)) & m0)
                | (((x0 * u1) ^ (x1 * u0) ^ (x2 * u3) ^ (x3 * u2)) & m1)
                | (((x0 * u2) ^ (x1 * u1) ^ (x2 * u0) ^ (x3 * u3)) & m2)
                | (((x0 * u3) ^ (x1 * u2) ^ (x2 * u1) ^ (x3 * u0)) & m3);

            uint aM = aL ^ aH;
            x0 = aM & m0; x1 = aM & m1; x2 = aM & m2; x3 = aM & m3;
            u0 = bM & m0; u1 = bM & m1; u2 = bM & m2; u3 = bM & m3;
            ulong pM = (((x0 * u0) ^ (x1 * u3) ^ (x2 * u2) ^ (x3 * u1)) & m0)
                | (((x0 * u1) ^ (x1 * u0) ^ (x2 * u3) ^ (x3 * u2)) & m1)
                | (((x0 * u2) ^ (x1 * u1) ^ (x2 * u0) ^ (x3 * u3)) & m2)
                | (((x0 * u3) ^ (x1 * u2) ^ (x2 * u1) ^ (x3 * u0)) & m3);
            pM ^= pL ^ pH;

            hi = pH ^ (pM >> 32);
            return pL ^ (pM << 32);
        }
    }
}

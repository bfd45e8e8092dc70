using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// NIST P-256 public operations used by TLS: ECDH on uncompressed points, ECDSA verify (DER or raw r||s),
    /// ECDSA sign (RFC 6979), key generation. Secret-dependent paths are constant-time. API contract (issue #2).
    /// Public keys are 65-byte uncompressed points (0x04 || X || Y); private keys are 32-byte big-endian scalars.
    /// The arithmetic lives in P256Field (mod p), P256Scalar (mod n), P256Point (Jacobian formulas), P256BaseTable
    /// (fixed-base comb for G), P256Ecdh (constant-time variable-base multiplication) and P256Ecdsa; see
    /// docs/crypto/p256.md for the cost model and the figures.
    /// </summary>
    public static class P256
    {
        public const int PrivateKeySize = 32;
        public const int PublicKeySize = 65;
        public const int SharedSecretSize = 32;
        /// <summary>Largest DER ECDSA signature: SEQUENCE { INTEGER(33), INTEGER(33) }.</summary>
        public const int MaxDerSignatureSize = 72;
        public const int RawSignatureSize = 64;
        public const int HashSize = 32;

        /// <summary>
        /// Field multiplications (squarings included) since the last reset: the EC cost counter. On .NET it counts the
        /// calling thread's operations (so parallel tests do not disturb each other); on the device it is global.
        /// </summary>
        public static long FieldMultiplications { get { return P256Field.Multiplications; } }

        /// <summary>Montgomery multiplications mod n (ECDSA scalar arithmetic) since the last reset, counted apart.</summary>
        public static long ScalarMultiplications { get { return P256Scalar.Multiplications; } }

        public static void ResetCounters()
        {
            P256Field.Multiplications = 0;
            P256Scalar.Multiplications = 0;
        }

        /// <summary>Draws a private key in [1, n-1] from rng and writes it and its public key.</summary>
        public static void GenerateKeyPair(IRandom rng, byte[] privateKey, int privateOffset, byte[] publicKey, int publicOffset)
        {
            if (rng == null) throw new ArgumentNullException("rng");
            Bytes.CheckRange(privateKey, privateOffset, PrivateKeySize, "privateKey");
            Bytes.CheckRange(publicKey, publicOffset, PublicKeySize, "publicKey");
            uint[] s = new uint[P256Scalar.Words];
            do
            {
                rng.NextBytes(privateKey, privateOffset, PrivateKeySize);
                P256Scalar.FromBytes(s, 0, privateKey, privateOffset);
            }
            while (P256Scalar.IsValid(s, 0) == 0);                      // rejection sampling: about 2^-32 per draw
            Array.Clear(s, 0, s.Length);
            P256Ecdh.PublicKey(privateKey, privateOffset, publicKey, publicOffset);
        }

        /// <summary>Public key (65 bytes) of a private key; throws CryptoException if the scalar is 0 or >= n.</summary>
        public static void ComputePublicKey(byte[] privateKey, int privateOffset, byte[] publicKey, int publicOffset)
        {
            Bytes.CheckRange(privateKey, privateOffset, PrivateKeySize, "privateKey");
            Bytes.CheckRange(publicKey, publicOffset, PublicKeySize, "publicKey");
            P256Ecdh.PublicKey(privateKey, privateOffset, publicKey, publicOffset);
        }

        /// <summary>
        /// ECDH: x-coordinate of d*Q. Throws CryptoException when Q is not a valid uncompressed point on the curve
        /// (wrong length/prefix, coordinates >= p, off the curve) or the result is the point at infinity.
        /// </summary>
        public static void Ecdh(byte[] privateKey, int privateOffset, byte[] peerPublic, int peerOffset, int peerCount,
            byte[] secret, int secretOffset)
        {
            Bytes.CheckRange(privateKey, privateOffset, PrivateKeySize, "privateKey");
            Bytes.CheckRange(peerPublic, peerOffset, peerCount, "peerPublic");
            Bytes.CheckRange(secret, secretOffset, SharedSecretSize, "secret");
            if (peerCount != PublicKeySize)
                throw new CryptoException("P-256 public key must be a 65-byte uncompressed point 0x04 || X || Y, got " + peerCount + " bytes");
            P256Ecdh.Agree(privateKey, privateOffset, peerPublic, peerOffset, secret, secretOffset);
        }

        /// <summary>ECDSA verify of a strict-DER signature over a 32-byte hash. Returns false on any invalid input.</summary>
        public static bool VerifyDer(byte[] publicKey, int publicOffset, int publicCount, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset, int signatureCount)
        {
            if (!InRange(signature, signatureOffset, signatureCount)) return false;
            if (!InRange(publicKey, publicOffset, publicCount) || publicCount != PublicKeySize) return false;
            if (!InRange(hash, hashOffset, HashSize)) return false;
            byte[] rs = new byte[RawSignatureSize];
            if (!EcdsaDer.Decode(signature, signatureOffset, signatureCount, rs, 0)) return false;
            return P256Ecdsa.Verify(publicKey, publicOffset, hash, hashOffset, rs, 0);
        }

        /// <summary>ECDSA verify of a raw 64-byte r||s signature (IEEE P1363) over a 32-byte hash.</summary>
        public static bool VerifyRaw(byte[] publicKey, int publicOffset, int publicCount, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset)
        {
            if (!InRange(signature, signatureOffset, RawSignatureSize)) return false;
            if (!InRange(publicKey, publicOffset, publicCount) || publicCount != PublicKeySize) return false;
            if (!InRange(hash, hashOffset, HashSize)) return false;
            return P256Ecdsa.Verify(publicKey, publicOffset, hash, hashOffset, signature, signatureOffset);
        }

        /// <summary>ECDSA sign with an RFC 6979 deterministic nonce; writes a DER signature and returns its length.</summary>
        public static int SignDer(byte[] privateKey, int privateOffset, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset)
        {
            Bytes.CheckRange(signature, signatureOffset, 0, "signature");
            byte[] rs = new byte[RawSignatureSize];
            SignRaw(privateKey, privateOffset, hash, hashOffset, rs, 0);
            Bytes.CheckRange(signature, signatureOffset, EcdsaDer.EncodedLength(rs, 0), "signature");
            return EcdsaDer.Encode(rs, 0, signature, signatureOffset);
        }

        /// <summary>ECDSA sign with an RFC 6979 nonce; writes raw r||s (64 bytes).</summary>
        public static void SignRaw(byte[] privateKey, int privateOffset, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset)
        {
            Bytes.CheckRange(privateKey, privateOffset, PrivateKeySize, "privateKey");
            Bytes.CheckRange(hash, hashOffset, HashSize, "hash");
            Bytes.CheckRange(signature, signatureOffset, RawSignatureSize, "signature");
            P256Ecdsa.Sign(privateKey, privateOffset, hash, hashOffset, signature, signatureOffset);
        }

        private static bool InRange(byte[] b, int offset, int count)
        {
            return b != null && offset >= 0 && count >= 0 && offset <= b.Length - count;
        }
    }
}

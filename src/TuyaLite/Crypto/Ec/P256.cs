using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// NIST P-256 public operations used by TLS: ECDH on uncompressed points, ECDSA verify (DER or raw r||s),
    /// ECDSA sign (RFC 6979), key generation. Secret-dependent paths are constant-time. API contract (issue #2).
    /// Public keys are 65-byte uncompressed points (0x04 || X || Y); private keys are 32-byte big-endian scalars.
    /// </summary>
    public static class P256
    {
        public const int PrivateKeySize = 32;
        public const int PublicKeySize = 65;
        public const int SharedSecretSize = 32;
        /// <summary>Largest DER ECDSA signature: SEQUENCE { INTEGER(33), INTEGER(33) }.</summary>
        public const int MaxDerSignatureSize = 72;

        /// <summary>Field multiplications (squarings included) since the last reset: the EC cost counter.</summary>
        public static long FieldMultiplications { get { throw new NotImplementedException(); } }
        public static void ResetCounters() { throw new NotImplementedException(); }

        /// <summary>Draws a private key in [1, n-1] from rng and writes it and its public key.</summary>
        public static void GenerateKeyPair(IRandom rng, byte[] privateKey, int privateOffset, byte[] publicKey, int publicOffset) { throw new NotImplementedException(); }

        /// <summary>Public key (65 bytes) of a private key; throws CryptoException if the scalar is 0 or >= n.</summary>
        public static void ComputePublicKey(byte[] privateKey, int privateOffset, byte[] publicKey, int publicOffset) { throw new NotImplementedException(); }

        /// <summary>
        /// ECDH: x-coordinate of d*Q. Throws CryptoException when Q is not a valid uncompressed point on the curve
        /// (wrong length/prefix, coordinates >= p, off the curve) or the result is the point at infinity.
        /// </summary>
        public static void Ecdh(byte[] privateKey, int privateOffset, byte[] peerPublic, int peerOffset, int peerCount,
            byte[] secret, int secretOffset) { throw new NotImplementedException(); }

        /// <summary>ECDSA verify of a strict-DER signature over a 32-byte hash. Returns false on any invalid input.</summary>
        public static bool VerifyDer(byte[] publicKey, int publicOffset, int publicCount, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset, int signatureCount) { throw new NotImplementedException(); }

        /// <summary>ECDSA verify of a raw 64-byte r||s signature (IEEE P1363) over a 32-byte hash.</summary>
        public static bool VerifyRaw(byte[] publicKey, int publicOffset, int publicCount, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset) { throw new NotImplementedException(); }

        /// <summary>ECDSA sign with an RFC 6979 deterministic nonce; writes a DER signature and returns its length.</summary>
        public static int SignDer(byte[] privateKey, int privateOffset, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset) { throw new NotImplementedException(); }

        /// <summary>ECDSA sign with an RFC 6979 nonce; writes raw r||s (64 bytes).</summary>
        public static void SignRaw(byte[] privateKey, int privateOffset, byte[] hash, int hashOffset,
            byte[] signature, int signatureOffset) { throw new NotImplementedException(); }
    }
}

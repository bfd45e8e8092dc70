using System;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// SHA-256 (FIPS 180-4). Incremental, allocation-free after construction, with an exportable intermediate state so
    /// an OTA download can resume hashing after a reboot. API contract (implementation pending, issue #2).
    /// </summary>
    public sealed class Sha256
    {
        public const int HashSize = 32;
        public const int BlockSize = 64;
        /// <summary>Bytes written by ExportState: 8 state words (32) + total length (8) + buffered bytes count (1) + buffer (64).</summary>
        public const int ExportedStateSize = 105;

        public Sha256() { throw new NotImplementedException(); }
        public void Reset() { throw new NotImplementedException(); }
        public void Update(byte[] data, int offset, int count) { throw new NotImplementedException(); }
        /// <summary>Writes the 32-byte digest at output[offset] and resets for a new message.</summary>
        public void Final(byte[] output, int offset) { throw new NotImplementedException(); }
        /// <summary>Copies this running state into other (TLS transcript hash snapshots), no allocation.</summary>
        public void CopyTo(Sha256 other) { throw new NotImplementedException(); }
        /// <summary>Writes ExportedStateSize bytes; returns the count.</summary>
        public int ExportState(byte[] output, int offset) { throw new NotImplementedException(); }
        /// <summary>Restores a state written by ExportState; throws CryptoException on a malformed state.</summary>
        public void ImportState(byte[] input, int offset) { throw new NotImplementedException(); }
        /// <summary>One-shot hash.</summary>
        public static void Hash(byte[] data, int offset, int count, byte[] output, int outputOffset) { throw new NotImplementedException(); }
    }
}

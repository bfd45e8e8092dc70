using TuyaLite.Crypto;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The running SHA-256 of the handshake messages (both offered suites use SHA-256, so hashing starts with the
    /// ClientHello and nothing is buffered). Snapshots (for Finished, CertificateVerify, the EMS session hash) copy the
    /// running state into a second instance: no allocation.
    /// </summary>
    internal sealed class Transcript
    {
        private readonly Sha256 running = new Sha256();
        private readonly Sha256 scratch = new Sha256();

        public void Update(byte[] message, int offset, int count) { running.Update(message, offset, count); }

        /// <summary>Writes the hash of the messages so far (32 bytes) without ending the transcript.</summary>
        public void Snapshot(byte[] output, int offset)
        {
            running.CopyTo(scratch);
            scratch.Final(output, offset);
        }

        /// <summary>The scratch hash, free for one-off hashing between snapshots (ServerKeyExchange signature).</summary>
        public Sha256 Scratch { get { return scratch; } }

        public static int HeldBytes { get { return 2 * TlsMemory.Sha256Bytes; } }
    }
}

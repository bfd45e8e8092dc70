namespace TuyaLite.Tls
{
    /// <summary>
    /// Array payload bytes held inside crypto engines whose arrays the TLS layer cannot see (they are private to
    /// Crypto). Read from those classes' sources; everything else in <see cref="TlsClient.HeldBytes"/> is summed from the
    /// lengths of the arrays the client actually allocated.
    /// </summary>
    internal static class TlsMemory
    {
        /// <summary>AES-128 engine (expanded key schedule) + GCM state (hash subkey and tables, counters).</summary>
        public const int GcmEngineBytes = 0;

        /// <summary>AES-128 engine + CCM state (block buffers).</summary>
        public const int CcmEngineBytes = 0;

        /// <summary>One SHA-256 running state (chaining words, length, block buffer).</summary>
        public const int Sha256Bytes = 0;

        /// <summary>The TLS PRF (HMAC-SHA256 key pads, inner/outer hash states, A(i) buffer).</summary>
        public const int PrfBytes = 0;
    }
}

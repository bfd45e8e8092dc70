namespace TuyaLite.Platform
{
    /// <summary>
    /// Small persistent key-value store (credentials, sequence counters, TLS session, OTA progress).
    /// Keys are short ASCII names; values are small byte blobs.
    /// </summary>
    public interface IStorage
    {
        /// <summary>Copies the value into buffer at offset and returns its length, or -1 when the key is absent.
        /// Throws if the buffer is too small.</summary>
        int Read(string key, byte[] buffer, int offset, int count);

        /// <summary>Stores (replaces) the value atomically.</summary>
        void Write(string key, byte[] buffer, int offset, int count);

        /// <summary>Removes the key; no error when it is absent.</summary>
        void Delete(string key);
    }
}

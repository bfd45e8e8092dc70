namespace TuyaLite.Platform
{
    /// <summary>
    /// A byte stream to a peer (TCP socket, or TLS over a socket). The shape every upper layer (TLS, HTTP, MQTT) runs on,
    /// in the spirit of coreMQTT's transport interface: nothing above it knows what is below.
    /// </summary>
    public interface ITransport
    {
        /// <summary>Opens the stream to host:port (for TLS: connects the inner transport and runs the handshake).</summary>
        void Connect(string host, int port);

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes. Blocks at most <see cref="ReadTimeout"/> ms, then throws
        /// <see cref="TransportTimeoutException"/>. Returns 0 only when the peer closed the stream cleanly.
        /// </summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Writes all <paramref name="count"/> bytes or throws.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Closes the stream; safe to call more than once.</summary>
        void Close();

        /// <summary>True between a successful Connect and Close (or a fatal error).</summary>
        bool IsConnected { get; }

        /// <summary>Read timeout in milliseconds; 0 or negative waits forever.</summary>
        int ReadTimeout { get; set; }

        /// <summary>Write timeout in milliseconds; 0 or negative waits forever.</summary>
        int WriteTimeout { get; set; }
    }
}

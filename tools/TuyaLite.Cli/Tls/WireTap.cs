using TuyaLite.Platform;

namespace TuyaLite.Cli.Tls;

/// <summary>
/// An <see cref="ITransport"/> that passes everything through and keeps a copy of the first bytes received on each
/// connection, so the CLI can show the server's certificate chain (plaintext in TLS 1.2) even when the handshake fails.
/// </summary>
public sealed class WireTap(ITransport inner, int capacity = 64 * 1024) : TransportDecorator(inner)
{
    private readonly byte[] received = new byte[capacity];
    private int count;

    /// <summary>The bytes received since the last Connect (at most the capacity).</summary>
    public ReadOnlySpan<byte> Received => received.AsSpan(0, count);

    public override void Connect(string host, int port)
    {
        count = 0;
        Inner.Connect(host, port);
    }

    public override int Read(byte[] buffer, int offset, int n)
    {
        int r = Inner.Read(buffer, offset, n);
        if (r > 0)
        {
            int keep = Math.Min(r, received.Length - count);
            Array.Copy(buffer, offset, received, count, keep);
            count += keep;
        }
        return r;
    }
}

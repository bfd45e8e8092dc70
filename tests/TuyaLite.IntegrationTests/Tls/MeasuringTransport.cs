using TuyaLite.Platform;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// A SocketTransport connected before the measurement starts (so allocation figures exclude the socket's own
/// connect), which calls <see cref="Probe"/> at every read and write: the TLS client's held bytes can be sampled at
/// each step of a handshake.
/// </summary>
public sealed class MeasuringTransport : ITransport
{
    private readonly SocketTransport inner = new();
    private bool preconnected;

    /// <summary>Called before each read and write (from the thread running the TLS client).</summary>
    public Action Probe;

    /// <summary>Opens the TCP connection now; the TLS client's Connect then finds it open.</summary>
    public void Preconnect(string host, int port)
    {
        inner.Connect(host, port);
        preconnected = true;
    }

    public void Connect(string host, int port)
    {
        if (preconnected)
        {
            preconnected = false;
            return;
        }
        inner.Connect(host, port);
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        Probe?.Invoke();
        return inner.Read(buffer, offset, count);
    }

    public void Write(byte[] buffer, int offset, int count)
    {
        Probe?.Invoke();
        inner.Write(buffer, offset, count);
    }

    public void Close() => inner.Close();

    public bool IsConnected => inner.IsConnected;

    public int ReadTimeout
    {
        get => inner.ReadTimeout;
        set => inner.ReadTimeout = value;
    }

    public int WriteTimeout
    {
        get => inner.WriteTimeout;
        set => inner.WriteTimeout = value;
    }
}

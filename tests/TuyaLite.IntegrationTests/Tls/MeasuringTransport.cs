using TuyaLite.Platform;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// A SocketTransport connected before the measurement starts (so allocation figures exclude the socket's own
/// connect), which calls <see cref="Probe"/> at every read and write: the TLS client's held bytes can be sampled at
/// each step of a handshake.
/// </summary>
public sealed class MeasuringTransport() : TransportDecorator(new SocketTransport())
{
    private bool preconnected;

    /// <summary>Called before each read and write (from the thread running the TLS client).</summary>
    public Action Probe;

    /// <summary>Opens the TCP connection now; the TLS client's Connect then finds it open.</summary>
    public void Preconnect(string host, int port)
    {
        Inner.Connect(host, port);
        preconnected = true;
    }

    public override void Connect(string host, int port)
    {
        if (preconnected)
        {
            preconnected = false;
            return;
        }
        Inner.Connect(host, port);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        Probe?.Invoke();
        return Inner.Read(buffer, offset, count);
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Probe?.Invoke();
        Inner.Write(buffer, offset, count);
    }
}

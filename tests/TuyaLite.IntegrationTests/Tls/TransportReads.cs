using TuyaLite.Platform;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>Reads a known number of bytes from a peer. A bare `while (got &lt; n) got += Read(...)` spins forever once
/// the peer has closed (Read returns 0); this throws instead. Allocates nothing on success (allocation tests use it).</summary>
public static class TransportReads
{
    public static void ReadExactly(ITransport transport, byte[] buffer, int offset, int count)
    {
        int got = 0;
        while (got < count)
        {
            int n = transport.Read(buffer, offset + got, count - got);
            if (n == 0) throw new EndOfStreamException($"peer closed after {got} of {count} bytes");
            got += n;
        }
    }

    public static byte[] ReadExactly(ITransport transport, int count)
    {
        byte[] buffer = new byte[count];
        ReadExactly(transport, buffer, 0, count);
        return buffer;
    }
}

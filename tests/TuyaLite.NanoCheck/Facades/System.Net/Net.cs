// Reference facade of nanoFramework System.Net (package nanoFramework.System.Net 1.11.x), namespace System.Net:
// signatures only, as listed in shared docs/nanoframework-api.md and checked against nanoframework/System.Net sources.
namespace System.Net
{
    public abstract class EndPoint { }

    public class IPAddress
    {
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public IPAddress(long newAddress) { throw null; }
        public IPAddress(byte[] address) { throw null; }
        public static IPAddress Parse(string ipString) { throw null; }
        public byte[] GetAddressBytes() { throw null; }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(IPAddress address, int port) { throw null; }
    }

    public class IPHostEntry
    {
        public string HostName { get { throw null; } }
        public IPAddress[] AddressList { get { throw null; } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw null; }
    }
}

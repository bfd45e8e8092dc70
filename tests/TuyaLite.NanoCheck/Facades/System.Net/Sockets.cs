// Reference facade of nanoFramework System.Net, namespace System.Net.Sockets (signatures only; enum values as in
// nanoframework/System.Net).
namespace System.Net.Sockets
{
    public enum AddressFamily { Unknown = -1, Unspecified = 0, InterNetwork = 2, InterNetworkV6 = 23 }

    public enum SocketType { Unknown = -1, Stream = 1, Dgram = 2, Raw = 3 }

    public enum ProtocolType { Unknown = -1, IP = 0, Tcp = 6, Udp = 17 }

    [Flags]
    public enum SocketFlags { None = 0 }

    public enum SelectMode { SelectRead = 0, SelectWrite = 1, SelectError = 2 }

    public enum SocketOptionLevel { IP = 0, Tcp = 6, Udp = 17, Socket = 0xffff }

    public enum SocketOptionName { NoDelay = 1, KeepAlive = 0x0008, SendTimeout = 0x1005, ReceiveTimeout = 0x1006 }

    public enum SocketError { Success = 0, TimedOut = 10060 }

    public class SocketException : Exception
    {
        public SocketException(SocketError errorCode) { throw null; }
        public int ErrorCode { get { throw null; } }
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw null; }
        public int Available { get { throw null; } }
        public int ReceiveTimeout { get { throw null; } set { throw null; } }
        public int SendTimeout { get { throw null; } set { throw null; } }
        public void Connect(EndPoint remoteEP) { throw null; }
        public int Send(byte[] buffer) { throw null; }
        public int Send(byte[] buffer, SocketFlags socketFlags) { throw null; }
        public int Send(byte[] buffer, int size, SocketFlags socketFlags) { throw null; }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }
        public int Receive(byte[] buffer) { throw null; }
        public int Receive(byte[] buffer, SocketFlags socketFlags) { throw null; }
        public int Receive(byte[] buffer, int size, SocketFlags socketFlags) { throw null; }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }
        public bool Poll(int microSeconds, SelectMode mode) { throw null; }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue) { throw null; }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) { throw null; }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, byte[] optionValue) { throw null; }
        public void Close() { throw null; }
        void IDisposable.Dispose() { throw null; }
    }
}

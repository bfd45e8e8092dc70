using System;
using System.Net;
using System.Net.Sockets;

namespace TuyaLite.Platform
{
    /// <summary>
    /// TCP <see cref="ITransport"/> on nanoFramework's System.Net <c>Socket</c> (device only). Read timeouts are
    /// enforced with <c>Poll</c> before <c>Receive</c>, so a timeout leaves the socket usable and surfaces as
    /// <see cref="TransportTimeoutException"/>, as does a send that exceeds <c>SendTimeout</c>; socket failures and a
    /// socket closed under a call become <see cref="TransportException"/>, like the host's SocketTransport.
    /// </summary>
    /// <remarks>
    /// How nanoFramework reports them (nf-interpreter, sys_net_native_System_Net_Sockets_NativeSocket.cpp,
    /// SendRecvHelper; nanoframework/System.Net Socket.cs): a send or receive past its timeout throws SocketException
    /// with ErrorCode SOCK_ETIMEDOUT = 10060 (SocketError.TimedOut; the class has no SocketErrorCode); Send, Receive and
    /// Poll on a closed Socket throw ObjectDisposedException, and a socket closed while the native call waits throws
    /// SocketException with ErrorCode CLR_E_OBJECT_DISPOSED.
    /// </remarks>
    public sealed class NanoSocketTransport : ITransport
    {
        private Socket socket;
        private int readTimeout;
        private int writeTimeout;

        public void Connect(string host, int port)
        {
            if (socket != null) throw new InvalidOperationException("already connected");
            IPAddress address;
            try
            {
                IPHostEntry entry = Dns.GetHostEntry(host);
                if (entry == null || entry.AddressList == null || entry.AddressList.Length == 0)
                    throw new TransportException("cannot resolve " + host);
                address = entry.AddressList[0];
            }
            catch (SocketException e)
            {
                throw new TransportException("cannot resolve " + host + " (socket error " + e.ErrorCode + ")", e);
            }
            Socket s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                s.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.NoDelay, true);
                s.Connect(new IPEndPoint(address, port));
            }
            catch (SocketException e)
            {
                s.Close();
                throw new TransportException("cannot connect to " + host + ":" + port + " (socket error " + e.ErrorCode + ")", e);
            }
            socket = s;
            socket.SendTimeout = writeTimeout > 0 ? writeTimeout : 0;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            Socket s = Connected();
            try
            {
                if (readTimeout > 0 && !s.Poll(MicroSeconds(readTimeout), SelectMode.SelectRead))
                    throw new TransportTimeoutException("read timed out after " + readTimeout + " ms");
                return s.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
                if (e.ErrorCode == (int)SocketError.TimedOut)
                    throw new TransportTimeoutException("read timed out after " + readTimeout + " ms");
                throw new TransportException("receive failed (socket error " + e.ErrorCode + ")", e);
            }
            catch (ObjectDisposedException e)
            {
                throw new TransportException("receive failed: socket closed", e);
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Socket s = Connected();
            try
            {
                while (count > 0)
                {
                    int n = s.Send(buffer, offset, count, SocketFlags.None);
                    if (n <= 0) throw new TransportException("send failed: connection closed");
                    offset += n;
                    count -= n;
                }
            }
            catch (SocketException e)
            {
                if (e.ErrorCode == (int)SocketError.TimedOut)
                    throw new TransportTimeoutException("write timed out after " + writeTimeout + " ms");
                throw new TransportException("send failed (socket error " + e.ErrorCode + ")", e);
            }
            catch (ObjectDisposedException e)
            {
                throw new TransportException("send failed: socket closed", e);
            }
        }

        public void Close()
        {
            Socket s = socket;
            socket = null;
            if (s != null) s.Close();
        }

        public bool IsConnected { get { return socket != null; } }

        public int ReadTimeout
        {
            get { return readTimeout; }
            set { readTimeout = value; }
        }

        public int WriteTimeout
        {
            get { return writeTimeout; }
            set
            {
                writeTimeout = value;
                if (socket != null) socket.SendTimeout = value > 0 ? value : 0;
            }
        }

        private Socket Connected()
        {
            Socket s = socket;
            if (s == null) throw new TransportException("not connected");
            return s;
        }

        private static int MicroSeconds(int milliseconds)
        {
            return milliseconds >= int.MaxValue / 1000 ? int.MaxValue : milliseconds * 1000;
        }
    }
}

using System;
using System.Net.Sockets;
using System.Threading;

namespace TuyaLite.Platform
{
    /// <summary>
    /// TCP <see cref="ITransport"/> on System.Net.Sockets (host only: tests, tools, simulator, Linux boards).
    /// Read timeouts use <c>Poll</c> before <c>Receive</c>, so a timeout leaves the socket usable and surfaces as
    /// <see cref="TransportTimeoutException"/>; socket failures become <see cref="TransportException"/>.
    /// </summary>
    public sealed class SocketTransport : ITransport
    {
        private Socket socket;
        private int readTimeout;
        private int writeTimeout;

        /// <summary>Milliseconds Connect waits for the TCP connection; 0 or negative waits forever. Default 10000.</summary>
        public int ConnectTimeout { get; set; } = 10000;

        public void Connect(string host, int port)
        {
            if (socket != null) throw new InvalidOperationException("already connected");
            Socket s = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using (CancellationTokenSource cts = ConnectTimeout > 0 ? new CancellationTokenSource(ConnectTimeout) : new CancellationTokenSource())
                    s.ConnectAsync(host, port, cts.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                s.Dispose();
                throw new TransportTimeoutException("connect to " + host + ":" + port + " timed out after " + ConnectTimeout + " ms");
            }
            catch (SocketException e)
            {
                s.Dispose();
                throw new TransportException("cannot connect to " + host + ":" + port + ": " + e.SocketErrorCode, e);
            }
            s.SendTimeout = writeTimeout > 0 ? writeTimeout : 0;
            socket = s;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            Socket s = Connected();
            try
            {
                if (readTimeout > 0 && !s.Poll(TimeSpan.FromMilliseconds(readTimeout), SelectMode.SelectRead))
                    throw new TransportTimeoutException("read timed out after " + readTimeout + " ms");
                return s.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
                throw new TransportException("receive failed: " + e.SocketErrorCode, e);
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
                    offset += n;
                    count -= n;
                }
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
            {
                throw new TransportTimeoutException("write timed out after " + writeTimeout + " ms");
            }
            catch (SocketException e)
            {
                throw new TransportException("send failed: " + e.SocketErrorCode, e);
            }
            catch (ObjectDisposedException e)
            {
                throw new TransportException("send failed: socket closed", e);
            }
        }

        public void Close()
        {
            Socket s = Interlocked.Exchange(ref socket, null);
            s?.Dispose();
        }

        public bool IsConnected => socket != null;

        public int ReadTimeout
        {
            get => readTimeout;
            set => readTimeout = value;
        }

        public int WriteTimeout
        {
            get => writeTimeout;
            set
            {
                writeTimeout = value;
                Socket s = socket;
                if (s != null) s.SendTimeout = value > 0 ? value : 0;
            }
        }

        private Socket Connected()
        {
            Socket s = socket;
            if (s == null) throw new TransportException("not connected");
            return s;
        }
    }
}

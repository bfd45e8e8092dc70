using System.Net;
using System.Net.Sockets;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// A hostile man in the middle on 127.0.0.1 (port chosen at run time) between the TLS client and a real server:
/// client bytes go to the server unchanged; the server's bytes are cut into TLS records and each record is handed to
/// a handler that forwards it, changes it, injects bytes, or cuts the stream. Every socket and thread ends on Dispose.
/// </summary>
public sealed class RecordProxy : IDisposable
{
    /// <summary>Called for each complete record from the server (header included). Write what the client should get
    /// to <paramref name="toClient"/>; return false to end the stream there (FIN to the client, then silence).</summary>
    public delegate bool ServerRecordHandler(byte[] record, Stream toClient);

    private readonly TcpListener listener;
    private readonly int upstreamPort;
    private readonly ServerRecordHandler handler;
    private readonly List<Socket> sockets = [];
    private readonly List<Thread> threads = [];
    private volatile bool disposed;

    public int Port { get; }

    public RecordProxy(int upstreamPort, ServerRecordHandler handler)
    {
        this.upstreamPort = upstreamPort;
        this.handler = handler;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Start(AcceptLoop);
    }

    private void Start(ThreadStart body)
    {
        var t = new Thread(body) { IsBackground = true };
        lock (threads) threads.Add(t);
        t.Start();
    }

    private void Track(Socket s)
    {
        lock (sockets) sockets.Add(s);
        if (disposed) s.Dispose();
    }

    private void AcceptLoop()
    {
        while (!disposed)
        {
            Socket client;
            try
            {
                client = listener.AcceptSocket();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // listener stopped
            }
            Track(client);
            var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            Track(server);
            client.NoDelay = true;
            try
            {
                server.Connect(IPAddress.Loopback, upstreamPort);
            }
            catch (SocketException)
            {
                client.Dispose();
                continue;
            }
            Start(() => CopyClientToServer(client, server));
            Start(() => FilterServerToClient(server, client));
        }
    }

    private static void CopyClientToServer(Socket client, Socket server)
    {
        byte[] buffer = new byte[4096];
        try
        {
            int n;
            while ((n = client.Receive(buffer)) > 0) server.Send(buffer, 0, n, SocketFlags.None);
            server.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // one side went away: the test decides what that means
        }
    }

    private void FilterServerToClient(Socket server, Socket client)
    {
        try
        {
            using var fromServer = new NetworkStream(server, ownsSocket: false);
            using var toClient = new NetworkStream(client, ownsSocket: false);
            byte[] header = new byte[5];
            while (true)
            {
                if (!ReadExactly(fromServer, header, 5)) break;
                int length = (header[3] << 8) | header[4];
                byte[] record = new byte[5 + length];
                header.CopyTo(record, 0);
                if (!ReadExactly(fromServer, record.AsSpan(5), length)) break;
                if (!handler(record, toClient))
                {
                    toClient.Flush();
                    client.Shutdown(SocketShutdown.Send);
                    return; // silence from here on: the client must notice on its own
                }
            }
            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // a side closed
        }
    }

    private static bool ReadExactly(Stream s, Span<byte> into, int count)
    {
        int got = 0;
        while (got < count)
        {
            int n = s.Read(into.Slice(got, count - got));
            if (n == 0) return false;
            got += n;
        }
        return true;
    }

    private static bool ReadExactly(Stream s, byte[] into, int count) => ReadExactly(s, into.AsSpan(), count);

    public void Dispose()
    {
        disposed = true;
        listener.Stop();
        lock (sockets)
        {
            foreach (Socket s in sockets) s.Dispose();
        }
        Thread[] all;
        lock (threads) all = threads.ToArray();
        foreach (Thread t in all) t.Join(2000);
    }
}

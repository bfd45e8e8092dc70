using System;

namespace TuyaLite.Platform
{
    /// <summary>
    /// One end of an in-memory byte pipe (<see cref="CreatePair"/>): what one end writes, the other reads. Made for
    /// tests and the simulator, and single-threaded by design: a Read never blocks. When it finds nothing to read it
    /// first calls <see cref="Starved"/> (a scripted peer answers there, synchronously), then returns 0 if the peer
    /// has closed, else throws <see cref="TransportTimeoutException"/> as a real socket would after its timeout.
    /// Each direction is a fixed ring buffer; no allocation per read or write.
    /// </summary>
    public sealed class MemoryTransport : ITransport
    {
        /// <summary>Called by Read on an empty pipe, with the reading end.</summary>
        public delegate void StarvedHandler(MemoryTransport reader);

        private readonly byte[] ring;
        private int head;
        private int count;
        private MemoryTransport peer;
        private bool closed;
        private bool peerClosed;

        /// <summary>Called when a Read finds no data (see class remarks).</summary>
        public StarvedHandler Starved;

        /// <summary>Largest count one Read returns (default unlimited): exercises partial reads.</summary>
        public int MaxReadChunk = int.MaxValue;

        /// <summary>Bytes this end has written and read.</summary>
        public long BytesWritten;
        public long BytesRead;

        /// <summary>Host and port given to Connect (the pipe itself ignores them).</summary>
        public string ConnectedHost;
        public int ConnectedPort;

        private MemoryTransport(int capacity) { ring = new byte[capacity]; }

        /// <summary>Two connected ends, each able to buffer capacity unread bytes.</summary>
        public static void CreatePair(int capacity, out MemoryTransport a, out MemoryTransport b)
        {
            a = new MemoryTransport(capacity);
            b = new MemoryTransport(capacity);
            a.peer = b;
            b.peer = a;
        }

        /// <summary>The other end of the pipe.</summary>
        public MemoryTransport Peer { get { return peer; } }

        /// <summary>Bytes waiting to be read at this end.</summary>
        public int Available { get { return count; } }

        /// <summary>True once the other end called Close.</summary>
        public bool PeerClosed { get { return peerClosed; } }

        public void Connect(string host, int port)
        {
            ConnectedHost = host;
            ConnectedPort = port;
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            if (closed) throw new TransportException("memory transport closed");
            if (count == 0) return 0;
            if (this.count == 0 && Starved != null) Starved(this);
            if (this.count == 0)
            {
                if (peerClosed) return 0;
                throw new TransportTimeoutException("no data in the memory pipe");
            }
            int n = count < this.count ? count : this.count;
            if (n > MaxReadChunk) n = MaxReadChunk;
            int first = ring.Length - head < n ? ring.Length - head : n;
            Array.Copy(ring, head, buffer, offset, first);
            Array.Copy(ring, 0, buffer, offset + first, n - first);
            head = (head + n) % ring.Length;
            this.count -= n;
            BytesRead += n;
            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (closed) throw new TransportException("memory transport closed");
            if (peerClosed) throw new TransportException("peer closed the memory pipe");
            peer.Enqueue(buffer, offset, count);
            BytesWritten += count;
        }

        /// <summary>Puts bytes directly into this end's read queue (tests injecting raw input).</summary>
        public void Inject(byte[] buffer, int offset, int count) { Enqueue(buffer, offset, count); }

        private void Enqueue(byte[] buffer, int offset, int n)
        {
            if (n > ring.Length - count) throw new TransportException("memory pipe full");
            int tail = (head + count) % ring.Length;
            int first = ring.Length - tail < n ? ring.Length - tail : n;
            Array.Copy(buffer, offset, ring, tail, first);
            Array.Copy(buffer, offset + first, ring, 0, n - first);
            count += n;
        }

        /// <summary>Closes this end; the other end reads what is left, then 0.</summary>
        public void Close()
        {
            if (closed) return;
            closed = true;
            peer.peerClosed = true;
        }

        public bool IsConnected { get { return !closed && !peerClosed; } }

        public int ReadTimeout { get; set; }

        public int WriteTimeout { get; set; }
    }
}

namespace TuyaLite.Platform
{
    /// <summary>
    /// An <see cref="ITransport"/> that passes every call to an inner transport. Derive from it to watch or alter one
    /// aspect (count bytes, inject faults, tap the wire) and override only that member.
    /// </summary>
    public abstract class TransportDecorator : ITransport
    {
        protected readonly ITransport Inner;

        protected TransportDecorator(ITransport inner) { Inner = inner; }

        public virtual void Connect(string host, int port) { Inner.Connect(host, port); }

        public virtual int Read(byte[] buffer, int offset, int count) { return Inner.Read(buffer, offset, count); }

        public virtual void Write(byte[] buffer, int offset, int count) { Inner.Write(buffer, offset, count); }

        public virtual void Close() { Inner.Close(); }

        public bool IsConnected { get { return Inner.IsConnected; } }

        public int ReadTimeout
        {
            get { return Inner.ReadTimeout; }
            set { Inner.ReadTimeout = value; }
        }

        public int WriteTimeout
        {
            get { return Inner.WriteTimeout; }
            set { Inner.WriteTimeout = value; }
        }
    }
}

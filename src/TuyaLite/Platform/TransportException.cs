using System;
using System.IO;

namespace TuyaLite.Platform
{
    /// <summary>The transport below failed (connection refused, reset, closed while writing).</summary>
    public class TransportException : IOException
    {
        public TransportException(string message) : base(message) { }
        public TransportException(string message, Exception inner) : base(message, inner) { }
    }

    /// <summary>A read or write did not complete within its timeout.</summary>
    public class TransportTimeoutException : TransportException
    {
        public TransportTimeoutException(string message) : base(message) { }
    }
}

using System;

namespace TuyaLite.Crypto
{
    /// <summary>Invalid key, point, signature encoding or parameter given to a crypto primitive.</summary>
    public class CryptoException : Exception
    {
        public CryptoException(string message) : base(message) { }
    }
}

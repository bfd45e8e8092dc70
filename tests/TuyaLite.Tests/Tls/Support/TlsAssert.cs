using System;
using nanoFramework.TestFramework;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>Asserts on TLS failures: the exact exception type and the alert it carries.</summary>
    public static class TlsAssert
    {
        /// <summary>action must throw exactly exceptionType (a TlsException) carrying alert.</summary>
        public static void Throws(Type exceptionType, int alert, Action action)
        {
            try
            {
                action();
            }
            catch (TlsException e)
            {
                Assert.AreEqual(exceptionType.FullName, e.GetType().FullName, e.Message);
                Assert.AreEqual(TlsAlert.Name(alert), TlsAlert.Name(e.Alert), e.Message);
                return;
            }
            Assert.IsTrue(false, "expected " + exceptionType.Name + " with " + TlsAlert.Name(alert) + ", nothing TLS was thrown");
        }

        /// <summary>A protocol error: we must send this alert.</summary>
        public static void Protocol(int alert, Action action) { Throws(typeof(TlsProtocolException), alert, action); }

        /// <summary>A decode_error protocol failure.</summary>
        public static void Decode(Action action) { Throws(typeof(TlsProtocolException), TlsAlert.DecodeError, action); }
    }
}

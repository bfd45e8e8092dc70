using System;

namespace TuyaLite.Tls
{
    /// <summary>Base of every TLS failure. <see cref="Alert"/> is the alert description sent or received (-1 if none).</summary>
    public class TlsException : Exception
    {
        public TlsException(string message, int alert) : base(message) { Alert = alert; }
        public int Alert { get; private set; }
    }

    /// <summary>The peer sent a fatal alert (or a warning the client treats as fatal).</summary>
    public class TlsAlertException : TlsException
    {
        public TlsAlertException(int alert)
            : base("tls: received alert " + TlsAlert.Name(alert), alert) { }
    }

    /// <summary>The peer broke the protocol; the client sent the fatal <see cref="TlsException.Alert"/> and closed.</summary>
    public class TlsProtocolException : TlsException
    {
        public TlsProtocolException(int alert, string reason)
            : base("tls: " + reason + " (sent " + TlsAlert.Name(alert) + ")", alert) { }
    }

    /// <summary>The peer was well-formed but the client's security policy refused it (certificate, suite, MFL, EMS...).</summary>
    public class TlsPolicyException : TlsException
    {
        public TlsPolicyException(int alert, string reason)
            : base("tls: policy: " + reason, alert) { }
    }
}

namespace TuyaLite.Tls
{
    /// <summary>
    /// What the client does with an alert it receives (RFC 5246 section 7.2):
    /// close_notify ends the stream (Read returns 0; during a handshake it is a failure);
    /// warnings no_renegotiation, user_canceled and unrecognized_name are ignored (the first answers a renegotiation we
    /// never start, the second is followed by close_notify, the third is what RFC 6066 lets a server say about SNI);
    /// every other alert, whatever its level, is treated as fatal: RFC 5246 defines the remaining descriptions as fatal
    /// or as reasons to end the connection, and a device gains nothing by continuing.
    /// </summary>
    internal static class AlertPolicy
    {
        public const int Ignore = 0;
        public const int Close = 1;
        public const int Fatal = 2;

        public static int Classify(int level, int description)
        {
            if (description == TlsAlert.CloseNotify) return Close;
            if (level == TlsAlert.LevelWarning &&
                (description == TlsAlert.NoRenegotiation || description == TlsAlert.UserCanceled || description == TlsAlert.UnrecognizedName))
                return Ignore;
            return Fatal;
        }
    }
}

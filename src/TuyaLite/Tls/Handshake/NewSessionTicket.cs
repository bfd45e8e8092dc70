namespace TuyaLite.Tls
{
    /// <summary>NewSessionTicket (RFC 5077 section 3.3): ticket_lifetime_hint(4), ticket &lt;0..2^16-1&gt;.</summary>
    internal static class NewSessionTicket
    {
        /// <summary>Parses; returns the ticket length and sets ticketOffset and lifetime.</summary>
        public static int Parse(MessageReader r, out int ticketOffset, out uint lifetimeSeconds)
        {
            lifetimeSeconds = r.U32();
            int length = r.Vector16();
            ticketOffset = r.Skip(length);
            r.ExpectEnd();
            return length;
        }
    }
}

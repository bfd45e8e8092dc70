using System.Globalization;
using System.Text.Json;
using TuyaLite.Tls;

namespace TuyaLite.Cli.Tls;

/// <summary>What one handshake of `tuyalite tls connect` negotiated and cost, taken from TlsDiagnostics after Connect.</summary>
public sealed class HandshakeReport
{
    public string Suite;
    public int Mfl;
    public bool Resumed;
    public bool ExtendedMasterSecret;
    public long BytesSent;
    public long BytesReceived;
    public long FieldMultiplications;
    public int Milliseconds;
    public int HeldBytes;
    public int PeakHeldBytes;
    public string Session;
    public string LeafCommonName;
    public int[] CertificateSizes;
    public DateTime LeafNotBefore;
    public DateTime LeafNotAfter;
    public List<ChainEntry> Chain;

    public long BytesTotal => BytesSent + BytesReceived;

    public static HandshakeReport From(TlsClient client, List<ChainEntry> chain)
    {
        TlsDiagnostics d = client.Diagnostics;
        TlsSession s = client.Session;
        return new HandshakeReport
        {
            Suite = d.CipherSuiteName,
            Mfl = d.FragmentLength,
            Resumed = d.Resumed,
            ExtendedMasterSecret = d.ExtendedMasterSecret,
            BytesSent = d.HandshakeBytesSent,
            BytesReceived = d.HandshakeBytesReceived,
            FieldMultiplications = d.FieldMultiplications,
            Milliseconds = d.HandshakeMilliseconds,
            HeldBytes = client.HeldBytes,
            PeakHeldBytes = d.PeakHeldBytes,
            Session = s == null ? "none" : s.Ticket != null ? "ticket " + s.Ticket.Length + " B" : s.SessionId != null && s.SessionId.Length > 0 ? "session ID" : "none",
            LeafCommonName = d.LeafCommonName,
            CertificateSizes = d.CertificateSizes ?? [],
            LeafNotBefore = d.LeafNotBefore,
            LeafNotAfter = d.LeafNotAfter,
            Chain = chain,
        };
    }

    /// <summary>Indented human-readable lines.</summary>
    public void Print(TextWriter o, int number)
    {
        o.WriteLine($"handshake {number}: {(Resumed ? "resumed" : "full")}");
        o.WriteLine($"  suite         {Suite}{(ExtendedMasterSecret ? ", extended master secret" : "")}");
        o.WriteLine($"  mfl           {(Mfl == 0 ? "none (16384-byte records)" : Mfl.ToString(CultureInfo.InvariantCulture))}");
        if (Resumed) o.WriteLine("  chain         none (resumed; leaf remembered from the full handshake)");
        else o.WriteLine($"  chain         {ChainText(Chain, CertificateSizes)}");
        o.WriteLine($"  leaf valid    {JsonText.Iso(LeafNotBefore)} to {JsonText.Iso(LeafNotAfter)}");
        o.WriteLine($"  resumed       {(Resumed ? "yes" : "no")}");
        o.WriteLine($"  wire bytes    sent {BytesSent}, received {BytesReceived}, total {BytesTotal}");
        o.WriteLine($"  field muls    {FieldMultiplications.ToString("N0", CultureInfo.InvariantCulture)}");
        o.WriteLine($"  time          {Milliseconds} ms");
        o.WriteLine($"  held bytes    {HeldBytes} after the handshake ({PeakHeldBytes} at its end, handshake buffer and secrets included)");
        o.WriteLine($"  session       {Session}");
    }

    /// <summary>"2 certificates: CN=localhost (EC P-256, 299 B), CN=root (EC P-256, 291 B)".</summary>
    public static string ChainText(List<ChainEntry> chain, int[] sizes)
    {
        if (chain != null && chain.Count > 0)
            return chain.Count + (chain.Count == 1 ? " certificate: " : " certificates: ")
                + string.Join(", ", chain.Select(c => $"{c.Subject ?? "?"} ({c.Key}, {c.DerBytes} B)"));
        if (sizes != null && sizes.Length > 0) return sizes.Length + " certificate(s): " + string.Join(", ", sizes.Select(s => s + " B"));
        return "none seen";
    }

    public void WriteJson(Utf8JsonWriter w)
    {
        w.WriteString("suite", Suite);
        w.WriteNumber("mfl", Mfl);
        w.WriteBoolean("resumed", Resumed);
        w.WriteBoolean("ems", ExtendedMasterSecret);
        w.WriteNumber("handshakeBytes", BytesTotal);
        w.WriteNumber("handshakeBytesSent", BytesSent);
        w.WriteNumber("handshakeBytesReceived", BytesReceived);
        w.WriteNumber("fieldMuls", FieldMultiplications);
        w.WriteNumber("handshakeMs", Milliseconds);
        w.WriteNumber("heldBytes", HeldBytes);
        w.WriteNumber("peakHeldBytes", PeakHeldBytes);
        w.WriteString("session", Session);
        w.WriteString("leafNotBefore", JsonText.Iso(LeafNotBefore));
        w.WriteString("leafNotAfter", JsonText.Iso(LeafNotAfter));
        WriteChain(w, Chain);
    }

    public static void WriteChain(Utf8JsonWriter w, List<ChainEntry> chain)
    {
        w.WriteStartArray("chain");
        foreach (ChainEntry c in chain ?? [])
        {
            w.WriteStartObject();
            w.WriteNullable("subject", c.Subject);
            w.WriteNullable("issuer", c.Issuer);
            w.WriteString("key", c.Key);
            w.WriteNumber("derBytes", c.DerBytes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}

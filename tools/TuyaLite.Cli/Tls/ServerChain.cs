using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TuyaLite.Cli.Tls;

/// <summary>One certificate of the chain the server sent, described with .NET's (lenient) X.509 reader for display.</summary>
public sealed record ChainEntry(int DerBytes, string Subject, string Issuer, string Key);

/// <summary>
/// Finds the server's Certificate message in the plaintext part of a TLS 1.2 server flight (the handshake records before
/// the server's ChangeCipherSpec) and describes each certificate. Display only: the TlsClient's policy decides trust.
/// </summary>
public static class ServerChain
{
    private const int ContentChangeCipherSpec = 20;
    private const int ContentHandshake = 22;
    private const int CertificateMessage = 11;

    /// <summary>The chain, or an empty list when the bytes hold no (complete) Certificate message.</summary>
    public static List<ChainEntry> Parse(ReadOnlySpan<byte> wire)
    {
        byte[] handshake = HandshakeBytes(wire);
        int at = 0;
        while (at + 4 <= handshake.Length)
        {
            int type = handshake[at];
            int length = Read24(handshake, at + 1);
            if (at + 4 + length > handshake.Length) break;
            if (type == CertificateMessage) return Certificates(handshake.AsSpan(at + 4, length));
            at += 4 + length;
        }
        return [];
    }

    /// <summary>Concatenated bodies of the plaintext handshake records.</summary>
    private static byte[] HandshakeBytes(ReadOnlySpan<byte> wire)
    {
        var stream = new MemoryStream();
        int at = 0;
        while (at + 5 <= wire.Length)
        {
            int type = wire[at];
            int length = (wire[at + 3] << 8) | wire[at + 4];
            if (type == ContentChangeCipherSpec || at + 5 + length > wire.Length) break;
            if (type == ContentHandshake) stream.Write(wire.Slice(at + 5, length));
            at += 5 + length;
        }
        return stream.ToArray();
    }

    private static List<ChainEntry> Certificates(ReadOnlySpan<byte> body)
    {
        var chain = new List<ChainEntry>();
        if (body.Length < 3) return chain;
        int end = Math.Min(body.Length, 3 + Read24(body, 0));
        int at = 3;
        while (at + 3 <= end)
        {
            int length = Read24(body, at);
            if (at + 3 + length > end) break;
            chain.Add(Describe(body.Slice(at + 3, length).ToArray()));
            at += 3 + length;
        }
        return chain;
    }

    private static ChainEntry Describe(byte[] der)
    {
        try
        {
            using X509Certificate2 c = X509CertificateLoader.LoadCertificate(der);
            return new ChainEntry(der.Length, c.Subject, c.Issuer, KeyName(c));
        }
        catch (CryptographicException)
        {
            return new ChainEntry(der.Length, null, null, "unparsable");
        }
    }

    private static string KeyName(X509Certificate2 c)
    {
        using (ECDsa ec = c.GetECDsaPublicKey())
        {
            if (ec != null)
            {
                string curve = ec.ExportParameters(false).Curve.Oid?.FriendlyName;
                return "EC " + (curve switch { "nistP256" or "ECDSA_P256" => "P-256", "nistP384" or "ECDSA_P384" => "P-384", null => ec.KeySize + " bits", _ => curve });
            }
        }
        using (RSA rsa = c.GetRSAPublicKey())
        {
            if (rsa != null) return "RSA " + rsa.KeySize;
        }
        return c.PublicKey.Oid.FriendlyName ?? c.PublicKey.Oid.Value;
    }

    private static int Read24(ReadOnlySpan<byte> b, int at) => (b[at] << 16) | (b[at + 1] << 8) | b[at + 2];
}

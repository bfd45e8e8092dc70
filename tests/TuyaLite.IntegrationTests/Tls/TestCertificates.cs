using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>A certificate made by <see cref="TestCertificates"/>: DER, its private key, and PEM files for openssl.</summary>
public sealed class TestCertificate(X509Certificate2 certificate, AsymmetricAlgorithm key)
{
    public X509Certificate2 Certificate { get; } = certificate;
    public AsymmetricAlgorithm Key { get; } = key;
    public byte[] Der => Certificate.RawData;
    public X500DistinguishedName Subject => Certificate.SubjectName;

    /// <summary>Writes NAME.crt and NAME.key (PKCS#8) into the directory.</summary>
    public void Write(string directory, string name)
    {
        File.WriteAllText(Path.Combine(directory, name + ".crt"), Certificate.ExportCertificatePem());
        string pem = Key switch
        {
            ECDsa ec => ec.ExportPkcs8PrivateKeyPem(),
            RSA rsa => rsa.ExportPkcs8PrivateKeyPem(),
            _ => throw new NotSupportedException(),
        };
        File.WriteAllText(Path.Combine(directory, name + ".key"), pem);
    }
}

/// <summary>
/// Certificates with any validity, key, issuer and extensions, made with .NET's CertificateRequest (no openssl
/// `ca`, no faked clocks): pinned roots, intermediates, and server leaves for the negative matrix. Every signature is
/// ECDSA-SHA256 by the issuer's P-256 key; no key identifiers, like the compact profile of peers.md.
/// </summary>
public static class TestCertificates
{
    public static ECDsa P256() => ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>A self-signed P-256 CA (basicConstraints critical cA=TRUE, keyUsage keyCertSign), valid ten years around now.</summary>
    public static TestCertificate Root(string commonName, ECDsa key = null)
    {
        key ??= P256();
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        X509Certificate2 cert = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), now.AddYears(-1), now.AddYears(9), Serial());
        return new TestCertificate(cert, key);
    }

    /// <summary>A P-256 CA signed by the issuer (a middle level: the 2-level policy must refuse chains through it).</summary>
    public static TestCertificate Intermediate(TestCertificate issuer, string commonName)
    {
        ECDsa key = P256();
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        return Sign(request, issuer, now.AddDays(-30), now.AddYears(5), key);
    }

    /// <summary>A server leaf with a dNSName SAN signed by the issuer; key P-256 unless given (P-384, RSA...).</summary>
    public static TestCertificate Leaf(TestCertificate issuer, string dnsName, DateTimeOffset notBefore, DateTimeOffset notAfter, AsymmetricAlgorithm key = null)
    {
        key ??= P256();
        CertificateRequest request = key switch
        {
            ECDsa ec => new CertificateRequest("CN=" + dnsName, ec, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest("CN=" + dnsName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new NotSupportedException(),
        };
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(dnsName);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        return Sign(request, issuer, notBefore, notAfter, key);
    }

    /// <summary>A leaf for the host, valid from a day ago for a year.</summary>
    public static TestCertificate Leaf(TestCertificate issuer, string dnsName, AsymmetricAlgorithm key = null) =>
        Leaf(issuer, dnsName, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), key);

    private static TestCertificate Sign(CertificateRequest request, TestCertificate issuer, DateTimeOffset notBefore, DateTimeOffset notAfter, AsymmetricAlgorithm key)
    {
        var generator = X509SignatureGenerator.CreateForECDsa((ECDsa)issuer.Key);
        return new TestCertificate(request.Create(issuer.Subject, generator, notBefore, notAfter, Serial()), key);
    }

    /// <summary>A positive 8-byte serial number (RFC 5280: positive, at most 20 octets).</summary>
    private static byte[] Serial()
    {
        byte[] serial = RandomNumberGenerator.GetBytes(8);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }
}

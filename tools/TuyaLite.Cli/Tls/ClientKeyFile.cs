using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace TuyaLite.Cli.Tls;

/// <summary>
/// The device's P-256 private key from a PEM file as openssl writes it ("EC PRIVATE KEY" (SEC1) or "PRIVATE KEY"
/// (PKCS#8), an "EC PARAMETERS" block may precede), as the 32-byte big-endian scalar TlsClientOptions wants.
/// </summary>
public static class ClientKeyFile
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    /// <summary>Reads the scalar; throws <see cref="InvalidDataException"/> for anything but an unencrypted P-256 key.</summary>
    public static byte[] ReadP256Scalar(string path, out ECPoint publicPoint)
    {
        using ECDsa key = ECDsa.Create();
        try
        {
            key.ImportFromPem(File.ReadAllText(path));
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new InvalidDataException(path + ": no unencrypted EC private key (EC PRIVATE KEY or PRIVATE KEY PEM): " + e.Message);
        }
        ECParameters p = key.ExportParameters(true);
        if (!IsP256(p.Curve)) throw new InvalidDataException(path + ": the key is not on P-256 (" + CurveName(p.Curve) + ")");
        publicPoint = p.Q;
        byte[] scalar = new byte[32];
        p.D.AsSpan().CopyTo(scalar.AsSpan(32 - p.D.Length));
        CryptographicOperations.ZeroMemory(p.D);
        return scalar;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> unless the certificate carries the key's public point.</summary>
    public static void CheckMatches(byte[] certificateDer, ECPoint publicPoint, string certPath, string keyPath)
    {
        using X509Certificate2 cert = X509CertificateLoader.LoadCertificate(certificateDer);
        using ECDsa certKey = cert.GetECDsaPublicKey();
        if (certKey == null) throw new InvalidDataException(certPath + ": not an EC certificate");
        ECPoint q = certKey.ExportParameters(false).Q;
        if (!q.X.AsSpan().SequenceEqual(publicPoint.X) || !q.Y.AsSpan().SequenceEqual(publicPoint.Y))
            throw new InvalidDataException(keyPath + " does not match the public key of " + certPath);
    }

    private static bool IsP256(ECCurve curve)
    {
        if (!curve.IsNamed || curve.Oid == null) return false;
        if (curve.Oid.Value == P256Oid) return true;
        string name = curve.Oid.FriendlyName;
        return name is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1";
    }

    private static string CurveName(ECCurve curve) => curve.Oid?.FriendlyName ?? curve.Oid?.Value ?? "explicit curve";
}

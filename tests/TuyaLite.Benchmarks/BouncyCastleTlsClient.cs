using System.Net.Sockets;
using System.Text;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Org.BouncyCastle.X509;
using TuyaLite.IntegrationTests.Tls;

namespace TuyaLite.Benchmarks;

/// <summary>
/// BouncyCastle's managed TLS client (BouncyCastle.Cryptography 2.7.0, pure C# crypto through BcTlsCrypto), configured
/// like TuyaLite: TLS 1.2, TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, secp256r1, SNI, session-ID resumption; the leaf
/// must be signed by the pinned root, be in its validity period and name the host.
/// </summary>
public sealed class BouncyCastleTlsClient(OpenSslPki pki) : TlsHandshakeBenchmarks.IClient
{
    private readonly X509Certificate root = new X509CertificateParser().ReadCertificate(pki.RootDer);
    private readonly BcTlsCrypto crypto = new(new SecureRandom());
    private TlsSession session;

    public string Name => "BouncyCastle TlsClientProtocol (managed)";

    public string Connect(int port, bool resume, string request)
    {
        using var tcp = new TcpClient("localhost", port) { NoDelay = true };
        var protocol = new TlsClientProtocol(tcp.GetStream());
        var client = new PinnedClient(crypto, root, resume ? session : null);
        protocol.Connect(client);
        session = client.Session;
        string reply = null;
        if (request != null)
        {
            byte[] r = Encoding.ASCII.GetBytes(request);
            protocol.Stream.Write(r, 0, r.Length);
            var page = new MemoryStream();
            byte[] buf = new byte[4096];
            try
            {
                int n;
                while ((n = protocol.Stream.Read(buf, 0, buf.Length)) > 0) page.Write(buf, 0, n);
            }
            catch (IOException)
            {
                // closed after close_notify
            }
            reply = Encoding.ASCII.GetString(page.ToArray());
        }
        protocol.Close();
        return reply;
    }

    private sealed class PinnedClient(TlsCrypto crypto, X509Certificate root, TlsSession resume) : DefaultTlsClient(crypto)
    {
        public TlsSession Session;

        protected override ProtocolVersion[] GetSupportedVersions() => ProtocolVersion.TLSv12.Only();

        protected override int[] GetSupportedCipherSuites() => [CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256];

        protected override IList<int> GetSupportedGroups(IList<int> namedGroupRoles) => [NamedGroup.secp256r1];

        protected override IList<ServerName> GetSniServerNames() => [new ServerName(NameType.host_name, Encoding.ASCII.GetBytes("localhost"))];

        public override TlsSession GetSessionToResume() => resume;

        public override void NotifyHandshakeComplete()
        {
            base.NotifyHandshakeComplete();
            Session = m_context.Session;
        }

        public override TlsAuthentication GetAuthentication() => new PinnedAuthentication(root);
    }

    private sealed class PinnedAuthentication(X509Certificate root) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate)
        {
            if (serverCertificate.Certificate.IsEmpty) throw new TlsFatalAlert(AlertDescription.bad_certificate);
            var leaf = new X509CertificateParser().ReadCertificate(serverCertificate.Certificate.GetCertificateAt(0).GetEncoded());
            leaf.Verify(root.GetPublicKey());
            leaf.CheckValidity();
            bool named = false;
            foreach (var san in leaf.GetSubjectAlternativeNames() ?? [])
                if (san.Count == 2 && (int)san[0] == 2 && "localhost".Equals(san[1] as string, StringComparison.OrdinalIgnoreCase)) named = true;
            if (!named) throw new TlsFatalAlert(AlertDescription.bad_certificate);
        }

        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) => null;
    }
}

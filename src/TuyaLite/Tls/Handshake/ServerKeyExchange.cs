using TuyaLite.Crypto;

namespace TuyaLite.Tls
{
    /// <summary>
    /// The ECDHE ServerKeyExchange (RFC 8422 section 5.4, RFC 5246 section 7.4.3): ServerECDHParams (named_curve
    /// secp256r1, an uncompressed point) followed by a digitally-signed struct that must use ecdsa_secp256r1_sha256.
    /// </summary>
    internal sealed class ServerKeyExchange
    {
        /// <summary>curve_type(1) named_curve(2) point length(1) point(65).</summary>
        public const int ParamsSize = 4 + P256.PublicKeySize;

        public int ParamsOffset;
        public int PointOffset;
        public int SignatureOffset;
        public int SignatureLength;

        public void Parse(MessageReader r)
        {
            ParamsOffset = r.Position;
            int curveType = r.U8();
            if (curveType != TlsConstants.CurveTypeNamedCurve)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server key exchange is not a named curve");
            int group = r.U16();
            if (group != TlsConstants.GroupSecp256r1)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server selected group " + group + ", only secp256r1 was offered");
            int pointLength = r.Vector8();
            if (pointLength != P256.PublicKeySize || r.Buffer[r.Position] != 4)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server ECDH point is not an uncompressed P-256 point");
            PointOffset = r.Skip(pointLength);
            int algorithm = r.U16();
            if (algorithm != TlsConstants.SignatureEcdsaSecp256r1Sha256)
                throw new TlsProtocolException(TlsAlert.IllegalParameter, "server signed with algorithm 0x" + algorithm.ToString("X4") + ", only ecdsa_secp256r1_sha256 was offered");
            SignatureLength = r.Vector16();
            if (SignatureLength == 0 || SignatureLength > P256.MaxDerSignatureSize) throw r.Fail("signature length");
            SignatureOffset = r.Skip(SignatureLength);
            r.ExpectEnd();
        }
    }
}

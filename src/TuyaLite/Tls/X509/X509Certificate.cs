using System;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>
    /// A DER X.509 certificate parsed in place: every field is an offset into the caller's buffer (nothing is copied),
    /// and one instance can be reloaded for each handshake (no allocation per parse). The parser is strict and minimal:
    /// DER only, v3 (or v1 without extensions), ECDSA-SHA256 signatures, P-256 keys, and the extensions the TLS policy
    /// needs (see docs/x509-policy.md). It checks structure and encoding; trust decisions live in CertificateValidator.
    /// Errors: TlsCertificateException with Malformed, UnsupportedKey, UnsupportedSignatureAlgorithm or
    /// UnknownCriticalExtension.
    /// </summary>
    public sealed partial class X509Certificate
    {
        /// <summary>Most extensions one certificate may carry (duplicate detection uses fixed slots).</summary>
        public const int MaxExtensions = 16;
        /// <summary>Longest serial number in octets, sign byte excluded (RFC 5280 4.1.2.2).</summary>
        public const int MaxSerialLength = 20;
        /// <summary>Length of the subject public key: an uncompressed P-256 point 04 || X || Y.</summary>
        public const int PublicKeySize = 65;

        /// <summary>Parses a certificate that fills the whole array (allocates the instance; for set-up, tools, tests).</summary>
        public static X509Certificate Parse(byte[] der)
        {
            if (der == null) throw new ArgumentNullException("der");
            X509Certificate c = new X509Certificate();
            c.Load(der, 0, der.Length);
            return c;
        }

        /// <summary>True after a successful <see cref="Load"/>; a failed load leaves the instance empty.</summary>
        public bool IsLoaded { get; private set; }

        public byte[] Buffer { get; private set; }
        public int Offset { get; private set; }
        public int Length { get; private set; }

        /// <summary>The whole TLV of tbsCertificate: the bytes the issuer signed.</summary>
        public int TbsOffset { get; private set; }
        public int TbsLength { get; private set; }

        /// <summary>1 or 3.</summary>
        public int Version { get; private set; }

        /// <summary>serialNumber INTEGER content (a leading 00 sign byte included when present).</summary>
        public int SerialOffset { get; private set; }
        public int SerialLength { get; private set; }

        /// <summary>Whole TLV of the issuer Name (compared byte-wise with a root's subject).</summary>
        public int IssuerOffset { get; private set; }
        public int IssuerLength { get; private set; }

        /// <summary>Whole TLV of the subject Name.</summary>
        public int SubjectOffset { get; private set; }
        public int SubjectLength { get; private set; }

        /// <summary>True when the subject Name has no RDN (encoded 30 00).</summary>
        public bool IsSubjectEmpty { get { return SubjectLength == 2; } }

        public DateTime NotBefore { get; private set; }
        public DateTime NotAfter { get; private set; }

        /// <summary>Offset of the 65-byte uncompressed P-256 public key.</summary>
        public int PublicKeyOffset { get; private set; }

        /// <summary>The DER ECDSA-Sig-Value inside signatureValue.</summary>
        public int SignatureOffset { get; private set; }
        public int SignatureLength { get; private set; }

        /// <summary>Loads the certificate in buffer[offset, offset + count), which must hold exactly one certificate.</summary>
        public void Load(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException("buffer");
            if (offset < 0 || count < 0 || offset > buffer.Length - count) throw new ArgumentOutOfRangeException("count");
            Reset();
            try
            {
                Buffer = buffer;
                Offset = offset;
                Length = count;
                ParseCertificate();
                IsLoaded = true;
            }
            catch (DerException e)
            {
                Reset();
                throw new TlsCertificateException(CertificateError.Malformed, e.Message);
            }
            catch (TlsCertificateException e)
            {
                Reset();
                throw e;   // explicit: see docs/architecture.md, device rules (no bare rethrow on nanoFramework)
            }
        }

        /// <summary>True when this certificate's issuer Name is byte-identical to issuer's subject Name.</summary>
        public bool IsIssuedBy(X509Certificate issuer)
        {
            return Bytes.RangeEquals(Buffer, IssuerOffset, IssuerLength, issuer.Buffer, issuer.SubjectOffset, issuer.SubjectLength);
        }

        /// <summary>True when the certificate bytes equal buffer[offset, offset + count).</summary>
        public bool BytesEqual(byte[] buffer, int offset, int count)
        {
            return Bytes.RangeEquals(Buffer, Offset, Length, buffer, offset, count);
        }

        /// <summary>Copies the 65-byte public key to output[outputOffset].</summary>
        public void CopyPublicKey(byte[] output, int outputOffset)
        {
            Array.Copy(Buffer, PublicKeyOffset, output, outputOffset, PublicKeySize);
        }

        /// <summary>First commonName of the subject, for diagnostics only (never used to match host names).
        /// Non-ASCII bytes show as '?'. Empty when there is none.</summary>
        public string SubjectCommonName
        {
            get
            {
                if (!IsLoaded) return "";
                DerReader outer = new DerReader(Buffer, SubjectOffset, SubjectLength);
                DerReader name = outer.ReadSequence();
                while (!name.IsEmpty)
                {
                    DerReader rdn = name.ReadConstructed(DerTag.Set);
                    while (!rdn.IsEmpty)
                    {
                        DerReader atv = rdn.ReadSequence();
                        if (!atv.ReadOidEquals(X509Oids.CommonName)) continue;
                        int o, l;
                        atv.ReadAny(out o, out l);
                        char[] c = new char[l];
                        for (int i = 0; i < l; i++)
                        {
                            int v = Buffer[o + i];
                            c[i] = v >= 0x20 && v < 0x7F ? (char)v : '?';
                        }
                        return new string(c);
                    }
                }
                return "";
            }
        }

        private void Reset()
        {
            IsLoaded = false;
            Buffer = null;
            Offset = Length = TbsOffset = TbsLength = Version = 0;
            SerialOffset = SerialLength = IssuerOffset = IssuerLength = SubjectOffset = SubjectLength = 0;
            PublicKeyOffset = SignatureOffset = SignatureLength = 0;
            NotBefore = NotAfter = DerReader.EarliestTime;
            ResetExtensions();
        }

        private void ParseCertificate()
        {
            byte[] b = Buffer;
            DerReader outer = new DerReader(b, Offset, Length);
            DerReader cert = outer.ReadSequence();
            outer.ExpectEnd();

            DerReader tbs = cert.ReadSequence();
            TbsOffset = cert.LastElementOffset;
            TbsLength = cert.LastElementLength;

            int outerAlgOffset = cert.Position;
            cert.ReadSequence();
            int outerAlgLength = cert.LastElementLength;

            int sigOffset, sigLength;
            if (cert.ReadBitString(out sigOffset, out sigLength) != 0) throw Malformed("signatureValue has unused bits");
            SignatureOffset = sigOffset;
            SignatureLength = sigLength;
            cert.ExpectEnd();

            ParseTbs(tbs, outerAlgOffset, outerAlgLength);
        }

        private void ParseTbs(DerReader tbs, int outerAlgOffset, int outerAlgLength)
        {
            byte[] b = Buffer;
            if (tbs.PeekTag() == DerTag.ContextConstructed(0))
            {
                DerReader v = tbs.ReadConstructed(DerTag.ContextConstructed(0));
                int version = v.ReadSmallNonNegativeInteger();
                v.ExpectEnd();
                if (version == 0) throw Malformed("explicit v1 version (DER omits the default)");
                if (version != 2) throw Malformed("unsupported certificate version " + (version + 1));
                Version = 3;
            }
            else
            {
                Version = 1;
            }

            int so, sl;
            tbs.ReadInteger(out so, out sl);
            if ((b[so] & 0x80) != 0) throw Malformed("negative serial number");
            if (sl == 1 && b[so] == 0) throw Malformed("zero serial number");
            if ((b[so] == 0 ? sl - 1 : sl) > MaxSerialLength) throw Malformed("serial number over 20 octets");
            SerialOffset = so;
            SerialLength = sl;

            int innerAlgOffset = tbs.Position;
            DerReader alg = tbs.ReadSequence();
            if (!Bytes.RangeEquals(b, innerAlgOffset, tbs.LastElementLength, b, outerAlgOffset, outerAlgLength))
                throw Malformed("signatureAlgorithm differs from tbsCertificate.signature");
            if (!alg.ReadOidEquals(X509Oids.EcdsaWithSha256))
                throw new TlsCertificateException(CertificateError.UnsupportedSignatureAlgorithm, "only ecdsa-with-SHA256 is accepted");
            if (!alg.IsEmpty) throw Malformed("ecdsa-with-SHA256 must have absent parameters");

            DerReader issuer = tbs.ReadSequence();
            IssuerOffset = tbs.LastElementOffset;
            IssuerLength = tbs.LastElementLength;
            if (issuer.IsEmpty) throw Malformed("empty issuer name");
            ValidateName(issuer);

            DerReader validity = tbs.ReadSequence();
            NotBefore = validity.ReadTime();
            NotAfter = validity.ReadTime();
            validity.ExpectEnd();
            if (NotBefore > NotAfter) throw Malformed("notBefore is after notAfter");

            DerReader subject = tbs.ReadSequence();
            SubjectOffset = tbs.LastElementOffset;
            SubjectLength = tbs.LastElementLength;
            ValidateName(subject);

            ParsePublicKey(tbs.ReadSequence());

            // issuerUniqueID [1] and subjectUniqueID [2]: obsolete, tolerated (and ignored) in v3 only.
            if (Version == 3 && tbs.PeekTag() == DerTag.ContextPrimitive(1)) tbs.Skip();
            if (Version == 3 && tbs.PeekTag() == DerTag.ContextPrimitive(2)) tbs.Skip();

            if (tbs.PeekTag() == DerTag.ContextConstructed(3))
            {
                if (Version != 3) throw Malformed("extensions in a v1 certificate");
                DerReader wrapper = tbs.ReadConstructed(DerTag.ContextConstructed(3));
                DerReader extensions = wrapper.ReadSequence();
                wrapper.ExpectEnd();
                ParseExtensions(extensions);
            }
            tbs.ExpectEnd();
        }

        private void ParsePublicKey(DerReader spki)
        {
            DerReader alg = spki.ReadSequence();
            if (!alg.ReadOidEquals(X509Oids.EcPublicKey))
                throw new TlsCertificateException(CertificateError.UnsupportedKey, "public key is not an EC key");
            if (alg.PeekTag() != DerTag.Oid)
                throw new TlsCertificateException(CertificateError.UnsupportedKey, "EC key without a named curve");
            if (!alg.ReadOidEquals(X509Oids.Prime256v1))
                throw new TlsCertificateException(CertificateError.UnsupportedKey, "EC key is not on P-256");
            alg.ExpectEnd();
            int ko, kl;
            if (spki.ReadBitString(out ko, out kl) != 0) throw Malformed("subjectPublicKey has unused bits");
            spki.ExpectEnd();
            if (kl != PublicKeySize || Buffer[ko] != 0x04)
                throw new TlsCertificateException(CertificateError.UnsupportedKey, "P-256 key is not a 65-byte uncompressed point");
            PublicKeyOffset = ko;
        }

        /// <summary>Name ::= SEQUENCE OF SET SIZE (1..MAX) OF SEQUENCE { type OID, value ANY } (content of the outer SEQUENCE).</summary>
        internal static void ValidateName(DerReader name)
        {
            while (!name.IsEmpty)
            {
                DerReader rdn = name.ReadConstructed(DerTag.Set);
                if (rdn.IsEmpty) throw Malformed("empty relative distinguished name");
                while (!rdn.IsEmpty)
                {
                    DerReader atv = rdn.ReadSequence();
                    int o, l;
                    atv.ReadOid(out o, out l);
                    atv.Skip();
                    atv.ExpectEnd();
                }
            }
        }

        internal static TlsCertificateException Malformed(string detail)
        {
            return new TlsCertificateException(CertificateError.Malformed, detail);
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using TuyaLite.Tls;

namespace TuyaLite.IntegrationTests.Tls;

/// <summary>
/// x509-limbo (C2SP, 2023-12-02) against the 2-level policy of CertificateValidator. Every case runs; the 80 with a
/// P-256 leaf and no untrusted intermediates must agree with expected_result except the deliberate differences listed
/// (and explained) in docs/x509-policy.md. Cases with intermediates: presenting the intermediates is always ChainShape,
/// and the leaf alone is rejected unless a pinned root signed it directly (then it must agree with expected_result).
/// </summary>
[TestClass]
public class X509LimboTests
{
    private const string LimboFile = "limbo-2023-12-02-ddc40b47.json";

    /// <summary>Deliberate differences: case id -> the outcome TuyaLite must produce (error code, or None for accepted).
    /// Each is documented in docs/x509-policy.md.</summary>
    private static readonly Dictionary<string, int> DeliberateDifferences = new()
    {
        // The compact profile does not require key identifiers: accepted where RFC 5280 pedantry says FAILURE.
        ["rfc5280::aki::leaf-missing-aki"] = CertificateError.None,
        ["rfc5280::ski::root-missing-ski"] = CertificateError.None,
        ["rfc5280::aki::cross-signed-root-missing-aki"] = CertificateError.None,
        // RFC 5280 and webpki contradict: extKeyUsage is optional (as rfc5280::eku::ee-without-eku).
        ["webpki::eku::ee-without-eku"] = CertificateError.None,
        // RFC 5280 and webpki contradict: nameConstraints are honoured critical or not (as webpki::nc::permitted-dns-match-noncritical).
        ["rfc5280::nc::permitted-dns-match-noncritical"] = CertificateError.None,
        // The leaf carries only a directoryName SAN, so the case's peer name example.com cannot match (no CN fallback).
        ["rfc5280::nc::permitted-dn-match"] = CertificateError.HostnameMismatch,
    };

    private sealed class LimboCase
    {
        public string Id = "";
        public string[] Trusted = [];
        public string[] Intermediates = [];
        public string Peer = "";
        public DateTime? ValidationTime;
        public string PeerKind = "";
        public string PeerName = "";
        public bool ExpectSuccess;
        public string[] KeyUsage;
        public string[] ExtendedKeyUsage;
    }

    /// <summary>The result of one validation: accepted (error None) or the error code and its detail; RootRefused when
    /// the pinned roots themselves were refused by the CertificateValidator constructor.</summary>
    private readonly record struct Outcome(int Error, string Detail, bool RootRefused = false)
    {
        public bool Accepted => Error == CertificateError.None;
        public override string ToString() => Accepted ? "accepted" : CertificateError.Name(Error) + (Detail == null ? "" : ": " + Detail);
    }

    [TestMethod]
    public void Limbo_P256LeafWithoutIntermediates_AgreesExceptDocumentedDifferences()
    {
        var cases = Load().Where(c => c.Intermediates.Length == 0 && IsP256Leaf(c.Peer)).ToList();
        Assert.AreEqual(80, cases.Count, "the pinned limbo file has 80 P-256 cases without intermediates");
        int agreed = 0, deliberate = 0;
        var failures = new List<string>();
        foreach (var c in cases)
        {
            CheckUsageFieldsApply(c);
            Outcome o = Run(c, withIntermediates: false);
            bool agrees = o.Accepted == c.ExpectSuccess;
            string line = $"{c.Id}: expected {(c.ExpectSuccess ? "SUCCESS" : "FAILURE")}, got {o}";
            Console.WriteLine((agrees ? "  agree   " : "  DIFFER  ") + line);
            if (DeliberateDifferences.TryGetValue(c.Id, out int documented))
            {
                deliberate++;
                if (agrees || o.Error != documented)
                    failures.Add($"{line} (documented difference expects {CertificateError.Name(documented)})");
            }
            else if (agrees) agreed++;
            else failures.Add(line);
        }
        Console.WriteLine($"Limbo P-256 without intermediates: ran {cases.Count}, agreed {agreed}, deliberate differences {deliberate}, disagreements {failures.Count}");
        Assert.AreEqual(DeliberateDifferences.Count, deliberate, "every documented difference is a case of this set");
        Assert.AreEqual(0, failures.Count, "undocumented disagreements:\n" + string.Join("\n", failures));
    }

    [TestMethod]
    public void Limbo_OtherCases_RejectedByTwoLevelPolicyUnlessRootSignsLeafDirectly()
    {
        var others = Load().Where(c => c.Intermediates.Length != 0 || !IsP256Leaf(c.Peer)).ToList();
        int withIntermediates = 0, rejected = 0, direct = 0, otherKeys = 0, rootsRefused = 0;
        var failures = new List<string>();
        foreach (var c in others)
        {
            if (c.Intermediates.Length > 0)
            {
                withIntermediates++;
                Outcome full = Run(c, withIntermediates: true);
                if (full.RootRefused) rootsRefused++;
                else if (full.Error != CertificateError.ChainShape) failures.Add($"{c.Id}: leaf + intermediates gave {full}, not ChainShape");
            }
            else otherKeys++;
            Outcome alone = Run(c, withIntermediates: false);
            Console.WriteLine($"  {c.Id}: expected {(c.ExpectSuccess ? "SUCCESS" : "FAILURE")}, leaf alone {alone}");
            if (!alone.Accepted) rejected++;
            else if (c.ExpectSuccess) direct++;
            else failures.Add($"{c.Id}: leaf alone accepted but expected FAILURE");
        }
        Console.WriteLine($"Limbo other cases: {others.Count} ({withIntermediates} with intermediates: leaf + intermediates ChainShape " +
            $"{withIntermediates - rootsRefused}, pinned root already refused (not P-256/ECDSA-SHA256) {rootsRefused}; " +
            $"{otherKeys} without intermediates and a non-P-256 leaf); leaf alone: rejected {rejected}, accepted as expected (a root signs the leaf directly) {direct}");
        Assert.AreEqual(0, failures.Count, string.Join("\n", failures));
    }

    private static Outcome Run(LimboCase c, bool withIntermediates)
    {
        CertificateValidator validator;
        try
        {
            validator = new CertificateValidator(c.Trusted.Select(Der).ToArray());
        }
        catch (TlsCertificateException e)
        {
            return new Outcome(e.Error, e.Detail, RootRefused: true);
        }
        var chain = new List<byte[]> { Der(c.Peer) };
        if (withIntermediates) chain.AddRange(c.Intermediates.Select(Der));
        byte[] buf = chain.SelectMany(x => x).ToArray();
        int[] offsets = new int[chain.Count], lengths = new int[chain.Count];
        for (int i = 0, o = 0; i < chain.Count; o += chain[i].Length, i++) { offsets[i] = o; lengths[i] = chain[i].Length; }
        var clock = new TuyaLite.Cli.FixedClock(c.ValidationTime ?? DateTime.UtcNow);
        byte[] key = new byte[65];
        try
        {
            validator.ValidateServerChain(buf, offsets, lengths, chain.Count, c.PeerName, clock, key, 0);
        }
        catch (TlsCertificateException e)
        {
            return new Outcome(e.Error, e.Detail);
        }
        Assert.AreEqual(0x04, key[0], "an accepted leaf yields its uncompressed P-256 key");
        return new Outcome(CertificateError.None, null);
    }

    /// <summary>The policy always demands serverAuth (when an EKU is present) and digitalSignature (when a KU is
    /// present): that is what a case's key_usage/extended_key_usage may ask for, nothing else.</summary>
    private static void CheckUsageFieldsApply(LimboCase c)
    {
        Assert.IsTrue(c.ExtendedKeyUsage == null || c.ExtendedKeyUsage.SequenceEqual(["serverAuth"]), c.Id + ": unsupported extended_key_usage");
        Assert.IsTrue(c.KeyUsage == null || c.KeyUsage.SequenceEqual(["digitalSignature"]), c.Id + ": unsupported key_usage");
        Assert.IsTrue(c.PeerKind is "DNS" or "IP", c.Id + ": peer name kind " + c.PeerKind);
    }

    private static bool IsP256Leaf(string pem)
    {
        try
        {
            using var cert = X509Certificate2.CreateFromPem(pem);
            if (cert.PublicKey.Oid.Value != "1.2.840.10045.2.1") return false;
            using ECDsa ec = cert.GetECDsaPublicKey();
            return ec != null && ec.ExportParameters(false).Curve.Oid.Value == "1.2.840.10045.3.1.7";
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] Der(string pem) => PemEncoding.TryFind(pem, out var f)
        ? Convert.FromBase64String(pem[f.Base64Data])
        : throw new FormatException("not PEM");

    private static List<LimboCase> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Vectors, "x509-limbo", LimboFile)));
        var list = new List<LimboCase>();
        foreach (var t in doc.RootElement.GetProperty("testcases").EnumerateArray())
        {
            Assert.AreEqual("SERVER", t.GetProperty("validation_kind").GetString());
            var name = t.GetProperty("expected_peer_name");
            list.Add(new LimboCase
            {
                Id = t.GetProperty("id").GetString(),
                Trusted = t.GetProperty("trusted_certs").EnumerateArray().Select(e => e.GetString()).ToArray(),
                Intermediates = t.GetProperty("untrusted_intermediates").EnumerateArray().Select(e => e.GetString()).ToArray(),
                Peer = t.GetProperty("peer_certificate").GetString(),
                ValidationTime = t.GetProperty("validation_time").ValueKind == JsonValueKind.Null ? null
                    : DateTime.Parse(t.GetProperty("validation_time").GetString(), null, System.Globalization.DateTimeStyles.AdjustToUniversal),
                PeerKind = name.ValueKind == JsonValueKind.Null ? "" : name.GetProperty("kind").GetString(),
                PeerName = name.ValueKind == JsonValueKind.Null ? "" : name.GetProperty("value").GetString(),
                ExpectSuccess = t.GetProperty("expected_result").GetString() == "SUCCESS",
                KeyUsage = StringsOrNull(t.GetProperty("key_usage")),
                ExtendedKeyUsage = StringsOrNull(t.GetProperty("extended_key_usage")),
            });
        }
        Assert.AreEqual(135, list.Count);
        return list;
    }

    private static string[] StringsOrNull(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : e.EnumerateArray().Select(x => x.GetString()).ToArray();
}

using System.Diagnostics;
using TuyaLite.Crypto;

namespace TuyaLite.Benchmarks;

/// <summary>
/// P-256 below the public API: field and point operations (ns/op on .NET) and 200 runs of each public operation with
/// their field-multiplication counts, the figures docs/crypto/p256.md quotes.
/// </summary>
public static class P256Benchmarks
{
    public static void Run(double seconds)
    {
        Console.WriteLine("P-256 building blocks (.NET JIT; the device interpreter is ~60-100x slower):");
        var table = new Table("operation", "ns/op", "field mul+sqr/op");
        uint[] w = new uint[P256Ecdh.WorkspaceWords];
        var rnd = new Random(256);
        int a = P256Point.ReservedWords, b = a + 8, r = a + 16, p = a + 24, q = p + 24, g = q + 24;
        for (int i = 0; i < 16; i++) w[a + i] = (uint)rnd.Next() & (i % 8 == 7 ? 0x7FFFFFFFu : 0xFFFFFFFFu);
        P256Field.Load(w, g, P256Field.Gx);
        P256Field.Load(w, g + 8, P256Field.Gy);
        P256Point.FromAffine(w, p, g);
        P256Point.Double(w, q, p);

        Row(table, "field Mul", () => P256Field.Mul(w, r, a, b), seconds);
        Row(table, "field Sqr", () => P256Field.Sqr(w, r, a), seconds);
        Row(table, "field Add", () => P256Field.Add(w, r, a, b), seconds);
        Row(table, "field Sub", () => P256Field.Sub(w, r, a, b), seconds);
        Row(table, "field MulSmall (x8)", () => P256Field.MulSmall(w, r, a, 8), seconds);
        Row(table, "field Invert", () => P256Field.Invert(w, r, a, 0), seconds);
        Row(table, "point Double", () => P256Point.Double(w, p, p), seconds);
        Row(table, "point Add (Jacobian)", () => P256Point.Add(w, p, p, q), seconds);
        Row(table, "point AddMixed", () => P256Point.AddMixed(w, p, p, g), seconds);
        Row(table, "point AddComplete", () => P256Point.AddComplete(w, p, p, q), seconds);
        Row(table, "constant-time lookup, 16 Jacobian", () => P256Point.LookupJacobian(w, r, P256Ecdh.Peer, 16, 5), seconds);
        uint[] s = new uint[P256Ecdsa.ScalarWords];
        for (int i = 0; i < 8; i++) s[8 + i] = (uint)rnd.Next() & 0x7FFFFFFFu;
        Row(table, "scalar MontMul (mod n)", () => P256Scalar.MontMul(s, 0, 8, s, 8), seconds);
        Row(table, "scalar inverse (mod n)", () => P256Scalar.InvertToMontgomery(s, 0, 8, 56), seconds);
        table.Print();

        Console.WriteLine();
        Console.WriteLine("P-256 public operations, 200 runs each (Stopwatch), after one warm-up run:");
        var ops = new Table("operation", "ms/op", "field mul+sqr/op", "mod-n mul/op");
        var rng = new FixedSeedRandom(2);
        byte[] priv = new byte[32], pub = new byte[65], peerPriv = new byte[32], peerPub = new byte[65];
        byte[] secret = new byte[32], hash = new byte[32], sig = new byte[P256.MaxDerSignatureSize];
        P256.GenerateKeyPair(rng, priv, 0, pub, 0);
        P256.GenerateKeyPair(rng, peerPriv, 0, peerPub, 0);
        rng.NextBytes(hash, 0, 32);
        int sigLength = P256.SignDer(priv, 0, hash, 0, sig, 0);
        Op(ops, "keygen (ComputePublicKey)", () => P256.ComputePublicKey(priv, 0, pub, 0));
        Op(ops, "ECDH", () => P256.Ecdh(priv, 0, peerPub, 0, 65, secret, 0));
        Op(ops, "ECDSA sign (RFC 6979, DER)", () => P256.SignDer(priv, 0, hash, 0, sig, 0));
        Op(ops, "ECDSA verify (DER)", () =>
        {
            if (!P256.VerifyDer(pub, 0, 65, hash, 0, sig, 0, sigLength)) throw new InvalidOperationException("verify failed");
        });
        ops.Print();
    }

    private static void Row(Table table, string name, Action action, double seconds)
    {
        P256.ResetCounters();
        action();
        long count = P256.FieldMultiplications;
        var m = Measure.Run(action, seconds / 4);
        table.Add(name, $"{m.NsPerOp:F0}", count);
    }

    private static void Op(Table table, string name, Action action)
    {
        const int runs = 200;
        action();
        P256.ResetCounters();
        action();
        long field = P256.FieldMultiplications, scalar = P256.ScalarMultiplications;
        var sw = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++) action();
        sw.Stop();
        table.Add(name, $"{sw.Elapsed.TotalMilliseconds / runs:F3}", field, scalar);
    }
}

using System.Globalization;
using System.Numerics;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>A slow, obviously-correct affine P-256 over BigInteger: the oracle for edge-case scalars.</summary>
internal static class P256Reference
{
    public static readonly BigInteger P = Hex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
    public static readonly BigInteger N = Hex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    public static readonly BigInteger B = Hex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
    public static readonly (BigInteger X, BigInteger Y) G = (Hex("6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"),
        Hex("4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"));

    public static BigInteger Hex(string h) => BigInteger.Parse("0" + h, NumberStyles.HexNumber);

    private static BigInteger Mod(BigInteger v) => ((v % P) + P) % P;

    private static BigInteger Inv(BigInteger v) => BigInteger.ModPow(Mod(v), P - 2, P);

    /// <summary>Affine addition; null is the point at infinity.</summary>
    public static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? p, (BigInteger X, BigInteger Y)? q)
    {
        if (p == null) return q;
        if (q == null) return p;
        var (x1, y1) = p.Value;
        var (x2, y2) = q.Value;
        BigInteger l;
        if (x1 == x2)
        {
            if (Mod(y1 + y2) == 0) return null;
            l = Mod((3 * x1 * x1 - 3) * Inv(2 * y1));
        }
        else l = Mod((y2 - y1) * Inv(x2 - x1));
        var x3 = Mod(l * l - x1 - x2);
        return (x3, Mod(l * (x1 - x3) - y1));
    }

    public static (BigInteger X, BigInteger Y)? Multiply(BigInteger k, (BigInteger X, BigInteger Y) p)
    {
        k %= N;
        if (k > N / 2)
        {
            var minus = Multiply(N - k, p);                              // (n - k) P = -(k P): short scalars stay short
            return minus == null ? null : (minus.Value.X, Mod(-minus.Value.Y));
        }
        (BigInteger X, BigInteger Y)? r = null;
        for (int i = (int)k.GetBitLength() - 1; i >= 0; i--)
        {
            r = Add(r, r);
            if (!(k >> i).IsEven) r = Add(r, p);
        }
        return r;
    }

    public static byte[] Bytes32(BigInteger v)
    {
        byte[] b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (b.Length > 32) throw new ArgumentException("value wider than 256 bits");
        byte[] r = new byte[32];
        Array.Copy(b, 0, r, 32 - b.Length, b.Length);
        return r;
    }

    public static byte[] Encode((BigInteger X, BigInteger Y) p) => [0x04, .. Bytes32(p.X), .. Bytes32(p.Y)];
}

using System.Security.Cryptography;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.IntegrationTests.Crypto;

/// <summary>TuyaLite's AES-128, GCM and CCM against .NET's native AES, AesGcm and AesCcm, in both directions.</summary>
[TestClass]
public class AeadCrossCheckTests
{
    private const int Rounds = 300;

    [TestMethod]
    public void Aes128MatchesNativeEcbOnRandomKeysAndBlocks()
    {
        var random = new Random(2001);
        var ours = new Aes128();
        using var native = Aes.Create();
        byte[] key = new byte[16], block = new byte[16], mine = new byte[16], theirs = new byte[16];
        for (int i = 0; i < Rounds; i++)
        {
            random.NextBytes(key);
            random.NextBytes(block);
            ours.SetKey(key, 0, 16);
            ours.EncryptBlock(block, 0, mine, 0);
            native.Key = key;
            native.EncryptEcb(block, theirs, PaddingMode.None);
            CollectionAssert.AreEqual(theirs, mine, $"round {i}");
        }
    }

    [TestMethod]
    public void GcmAgreesWithNativeAesGcmBothWays()
    {
        var random = new Random(2002);
        for (int i = 0; i < Rounds; i++)
        {
            byte[] key = Bytes(random, 16), nonce = Bytes(random, 12);
            byte[] aad = Bytes(random, random.Next(0, 3) == 0 ? 0 : random.Next(1, 80));
            byte[] plain = Bytes(random, i < 100 ? i : random.Next(0, 1200));
            // Alternate the engine under our GCM: managed AES, then .NET's AES through the IBlockCipher seam.
            IBlockCipher engine = i % 2 == 0 ? new Aes128() : new DotNetAesBlockCipher();
            var ours = new Gcm(engine);
            ours.SetKey(key, 0, 16);
            using var theirs = new AesGcm(key, 16);

            // Ours encrypts (in place), theirs decrypts.
            byte[] ct = (byte[])plain.Clone();
            byte[] tag = new byte[16];
            ours.Encrypt(nonce, 0, aad, 0, aad.Length, ct, 0, ct.Length, ct, 0, tag, 0);
            byte[] back = new byte[plain.Length];
            theirs.Decrypt(nonce, ct, tag, back, aad);
            CollectionAssert.AreEqual(plain, back, $"native decrypt of ours, round {i}");

            // Theirs encrypts, ours decrypts; ciphertext and tag must be byte-identical too.
            byte[] ct2 = new byte[plain.Length], tag2 = new byte[16];
            theirs.Encrypt(nonce, plain, ct2, tag2, aad);
            CollectionAssert.AreEqual(ct2, ct, $"ciphertext, round {i}");
            CollectionAssert.AreEqual(tag2, tag, $"tag, round {i}");
            byte[] mine = new byte[plain.Length];
            Assert.IsTrue(ours.Decrypt(nonce, 0, aad, 0, aad.Length, ct2, 0, ct2.Length, mine, 0, tag2, 0), $"round {i}");
            CollectionAssert.AreEqual(plain, mine, $"our decrypt of native, round {i}");

            // A flipped bit anywhere in ciphertext or tag is refused by both.
            int flip = random.Next(0, ct2.Length + 16);
            if (flip < ct2.Length) ct2[flip] ^= 0x10; else tag2[flip - ct2.Length] ^= 0x10;
            Assert.IsFalse(ours.Decrypt(nonce, 0, aad, 0, aad.Length, ct2, 0, ct2.Length, mine, 0, tag2, 0), $"tampered, round {i}");
            Assert.IsTrue(mine.All(b => b == 0), $"zeroed, round {i}");
            Assert.ThrowsExactly<AuthenticationTagMismatchException>(() => theirs.Decrypt(nonce, ct2, tag2, back, aad));
        }
    }

    [TestMethod]
    public void CcmAgreesWithNativeAesCcmForEveryNonceAndTagSize()
    {
        var random = new Random(2003);
        for (int i = 0; i < Rounds; i++)
        {
            int nonceLen = 7 + i % 7;
            int tagLen = 4 + 2 * (i / 7 % 7);
            byte[] key = Bytes(random, 16), nonce = Bytes(random, nonceLen);
            byte[] aad = Bytes(random, random.Next(0, 3) == 0 ? 0 : random.Next(1, 80));
            byte[] plain = Bytes(random, i < 100 ? i : random.Next(0, 1200));
            IBlockCipher engine = i % 2 == 0 ? new Aes128() : new DotNetAesBlockCipher();
            var ours = new Ccm(engine, tagLen);
            ours.SetKey(key, 0, 16);
            using var theirs = new AesCcm(key);
            CheckBothWays(ours, theirs, nonce, aad, plain, tagLen, $"nonce {nonceLen}, tag {tagLen}, round {i}");
        }
    }

    [TestMethod]
    public void LongMessagesCarryTheCounterAcrossBytes()
    {
        // The shared counter-mode loop increments the big-endian counter field byte-wise with carries: GCM's 32-bit
        // counter (starting at 2) carries into its second byte at 4064 bytes and into its third at about 1 MiB; CCM's
        // 2-byte (13-byte nonce), 3-byte (TLS) and 8-byte (7-byte nonce) fields carry into their second byte at 4080.
        var random = new Random(2006);
        byte[] key = Bytes(random, 16);
        var gcm = new Gcm(new Aes128());
        gcm.SetKey(key, 0, 16);
        using var nativeGcm = new AesGcm(key, 16);
        foreach (int length in new[] { 4063, 4064, 4080, 4096, 4097, 16384, (1 << 20) - 32, (1 << 20) + 17 })
        {
            byte[] nonce = Bytes(random, 12), aad = Bytes(random, 13), plain = Bytes(random, length);
            byte[] ct = (byte[])plain.Clone(), tag = new byte[16];
            gcm.Encrypt(nonce, 0, aad, 0, aad.Length, ct, 0, ct.Length, ct, 0, tag, 0);
            byte[] ct2 = new byte[length], tag2 = new byte[16];
            nativeGcm.Encrypt(nonce, plain, ct2, tag2, aad);
            Assert.IsTrue(ct.AsSpan().SequenceEqual(ct2), $"GCM ciphertext, {length} bytes");
            CollectionAssert.AreEqual(tag2, tag, $"GCM tag, {length} bytes");
            Assert.IsTrue(gcm.Decrypt(nonce, 0, aad, 0, aad.Length, ct2, 0, length, ct2, 0, tag2, 0));
            Assert.IsTrue(ct2.AsSpan().SequenceEqual(plain), $"GCM plaintext, {length} bytes");
        }
        using var nativeCcm = new AesCcm(key);
        var ccm = new Ccm(new Aes128(), 16);
        ccm.SetKey(key, 0, 16);
        foreach (int nonceLen in new[] { 13, 12, 7 })
            foreach (int length in new[] { 4079, 4080, 4096, 65535 })
                CheckBothWays(ccm, nativeCcm, Bytes(random, nonceLen), Bytes(random, 13), Bytes(random, length), 16,
                    $"CCM nonce {nonceLen}, {length} bytes");
    }

    [TestMethod]
    public void TlsShapedCcm8RecordsAgreeWithNative()
    {
        // TLS 1.2 AES-128-CCM-8 (RFC 6655): nonce = 4-byte implicit salt || 8-byte explicit sequence number,
        // AAD = seq_num(8) || type(1) || version(2) || length(2), 8-byte tag; records up to the 16 KiB maximum.
        var random = new Random(2004);
        byte[] key = Bytes(random, 16), salt = Bytes(random, 4);
        var ours = new Ccm(new Aes128(), 8);
        ours.SetKey(key, 0, 16);
        using var theirs = new AesCcm(key);
        int[] sizes = { 0, 1, 15, 16, 17, 100, 255, 256, 511, 512, 1024, 4096, 16384 };
        for (int i = 0; i < sizes.Length * 4; i++)
        {
            ulong seq = (ulong)i * 0x0101010101UL + 1;
            byte[] nonce = new byte[12];
            salt.CopyTo(nonce, 0);
            TuyaLite.Platform.Bytes.WriteUInt64BE(nonce, 4, seq);
            int length = sizes[i % sizes.Length];
            byte[] aad = new byte[13];
            TuyaLite.Platform.Bytes.WriteUInt64BE(aad, 0, seq);
            aad[8] = 23; aad[9] = 3; aad[10] = 3;
            TuyaLite.Platform.Bytes.WriteUInt16BE(aad, 11, length);
            CheckBothWays(ours, theirs, nonce, aad, Bytes(random, length), 8, $"record {i}, {length} bytes");
        }
    }

    [TestMethod]
    public void CcmLongAadUsesTheSixByteLengthEncoding()
    {
        // AAD lengths around 2^16 - 2^8, where the encoding switches from 2 bytes to 0xFFFE || 4 bytes.
        var random = new Random(2005);
        foreach (int aadLen in new[] { 0xFEFF, 0xFF00, 0xFF01, 0x10000, 0x12345 })
        {
            byte[] key = Bytes(random, 16), nonce = Bytes(random, 13);
            var ours = new Ccm(new Aes128(), 16);
            ours.SetKey(key, 0, 16);
            using var theirs = new AesCcm(key);
            CheckBothWays(ours, theirs, nonce, Bytes(random, aadLen), Bytes(random, 40), 16, $"aad {aadLen}");
        }
    }

    [TestMethod]
    public void Sp800_38cExample4With65536BytesOfAad()
    {
        // NIST SP 800-38C C.4: 13-byte nonce, 14-byte tag, AAD = 256 repetitions of 00..ff (2^16 bytes).
        byte[] key = Convert.FromHexString("404142434445464748494a4b4c4d4e4f");
        byte[] nonce = Convert.FromHexString("101112131415161718191a1b1c");
        byte[] aad = new byte[65536];
        for (int i = 0; i < aad.Length; i++) aad[i] = (byte)i;
        byte[] plain = Convert.FromHexString("202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f");
        var ccm = new Ccm(new Aes128(), 14);
        ccm.SetKey(key, 0, 16);
        byte[] output = new byte[plain.Length + 14];
        ccm.Encrypt(nonce, 0, 13, aad, 0, aad.Length, plain, 0, plain.Length, output, 0, output, plain.Length);
        Assert.AreEqual("69915dad1e84c6376a68c2967e4dab615ae0fd1faec44cc484828529463ccf72b4ac6bec93e8598e7f0dadbcea5b",
            Convert.ToHexStringLower(output));
    }

    [TestMethod]
    public void CcmLengthFieldLimitIsExact()
    {
        // 13-byte nonce: 2-byte length field, 65535 bytes is the largest message.
        byte[] key = new byte[16], nonce = new byte[13], tag = new byte[8];
        byte[] plain = new byte[65536];
        new Random(2006).NextBytes(plain);
        var ours = new Ccm(new Aes128(), 8);
        ours.SetKey(key, 0, 16);
        using var theirs = new AesCcm(key);
        CheckBothWays(ours, theirs, nonce, Array.Empty<byte>(), plain.AsSpan(0, 65535).ToArray(), 8, "65535 bytes");
        Assert.ThrowsExactly<CryptoException>(() => ours.Encrypt(nonce, 0, 13, null, 0, 0, plain, 0, 65536, plain, 0, tag, 0));
    }

    private static void CheckBothWays(Ccm ours, AesCcm theirs, byte[] nonce, byte[] aad, byte[] plain, int tagLen, string what)
    {
        byte[] ct = (byte[])plain.Clone();
        byte[] tag = new byte[tagLen];
        ours.Encrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, ct, 0, ct.Length, ct, 0, tag, 0);
        byte[] back = new byte[plain.Length];
        theirs.Decrypt(nonce, ct, tag, back, aad);
        CollectionAssert.AreEqual(plain, back, "native decrypt of ours: " + what);

        byte[] ct2 = new byte[plain.Length], tag2 = new byte[tagLen];
        theirs.Encrypt(nonce, plain, ct2, tag2, aad);
        CollectionAssert.AreEqual(ct2, ct, "ciphertext: " + what);
        CollectionAssert.AreEqual(tag2, tag, "tag: " + what);
        byte[] mine = new byte[plain.Length];
        Assert.IsTrue(ours.Decrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, ct2, 0, ct2.Length, mine, 0, tag2, 0), what);
        CollectionAssert.AreEqual(plain, mine, "our decrypt of native: " + what);

        tag2[tagLen - 1] ^= 0x01;
        Assert.IsFalse(ours.Decrypt(nonce, 0, nonce.Length, aad, 0, aad.Length, ct2, 0, ct2.Length, mine, 0, tag2, 0), what);
        Assert.IsTrue(mine.All(b => b == 0), "zeroed: " + what);
        Assert.ThrowsExactly<AuthenticationTagMismatchException>(() => theirs.Decrypt(nonce, ct2, tag2, back, aad));
    }

    private static byte[] Bytes(Random random, int length)
    {
        byte[] b = new byte[length];
        random.NextBytes(b);
        return b;
    }
}

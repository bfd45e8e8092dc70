using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tests.Crypto;

namespace TuyaLite.Tests.Cost
{
    /// <summary>
    /// Prints what each crypto operation costs where it runs: on the nanoFramework interpreter these lines are the device
    /// figures quoted in docs/benchmarks.md (the host figures are meaningless here; the host benchmark project compares
    /// with native code instead). Every operation's result is checked so a figure can never come from a broken run.
    /// </summary>
    [TestClass]
    public class DeviceCostTests
    {
        private const int Repeat = 3;

        private static double MillisecondsSince(DateTime start, int count)
        {
            return (DateTime.UtcNow - start).Ticks / 10000.0 / count;
        }

        private static void Report(string what, double ms, long fieldMuls)
        {
            OutputHelper.WriteLine("cost: " + what + " " + ms.ToString("F2") + " ms/op"
                + (fieldMuls >= 0 ? ", " + fieldMuls + " field mul/op" : ""));
        }

        [TestMethod]
        public void P256OperationCosts()
        {
            byte[] d = Bytes.FromHex(P256Tests.RfcPrivate);
            byte[] pub = new byte[P256.PublicKeySize];
            P256.ComputePublicKey(d, 0, pub, 0);   // first use builds the fixed-base tables: not part of the figure

            P256.ResetCounters();
            DateTime t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) P256.ComputePublicKey(d, 0, pub, 0);
            Report("P-256 keygen", MillisecondsSince(t, Repeat), P256.FieldMultiplications / Repeat);
            Assert.AreEqual(P256Tests.RfcPublic, Bytes.ToHex(pub, 0, pub.Length, true));

            byte[] peerD = Bytes.FromHex("7D7DC5F71EB29DDAF80D6214632EEAE03D9058AF1FB6D22ED80BADB62BC1A534");
            byte[] peerPub = new byte[P256.PublicKeySize];
            P256.ComputePublicKey(peerD, 0, peerPub, 0);
            byte[] s1 = new byte[32], s2 = new byte[32];
            P256.ResetCounters();
            t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) P256.Ecdh(d, 0, peerPub, 0, peerPub.Length, s1, 0);
            Report("P-256 ECDH", MillisecondsSince(t, Repeat), P256.FieldMultiplications / Repeat);
            P256.Ecdh(peerD, 0, pub, 0, pub.Length, s2, 0);
            Assert.IsTrue(Bytes.ConstantTimeEquals(s1, 0, s2, 0, 32), "both sides agree");

            byte[] hash = new byte[32];
            Sha256.Hash(Bytes.FromAscii("sample"), 0, 6, hash, 0);
            byte[] sig = new byte[P256.MaxDerSignatureSize];
            int sigLen = 0;
            P256.ResetCounters();
            t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) sigLen = P256.SignDer(d, 0, hash, 0, sig, 0);
            Report("P-256 ECDSA sign", MillisecondsSince(t, Repeat), P256.FieldMultiplications / Repeat);

            bool ok = true;
            P256.ResetCounters();
            t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) ok &= P256.VerifyDer(pub, 0, pub.Length, hash, 0, sig, 0, sigLen);
            Report("P-256 ECDSA verify", MillisecondsSince(t, Repeat), P256.FieldMultiplications / Repeat);
            Assert.IsTrue(ok, "own signature verifies");
        }

        [TestMethod]
        public void SymmetricOperationCosts()
        {
            byte[] data = new byte[4096];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)i;
            byte[] digest = new byte[32], first = new byte[32];
            var sha = new Sha256();
            DateTime t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) { sha.Update(data, 0, data.Length); sha.Final(digest, 0); }
            double ms = MillisecondsSince(t, Repeat);
            Report("SHA-256 4 KiB (" + (4096 / ms).ToString("F0") + " KB/s)", ms, -1);
            Sha256.Hash(data, 0, data.Length, first, 0);
            Assert.IsTrue(Bytes.ConstantTimeEquals(first, 0, digest, 0, 32));

            byte[] key = new byte[16], nonce = new byte[12], aad = new byte[13], tag = new byte[16];
            byte[] record = new byte[512], sealedRecord = new byte[512], opened = new byte[512];
            Array.Copy(data, record, 512);
            var gcm = new Gcm(new Aes128());
            gcm.SetKey(key, 0, 16);
            t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) gcm.Encrypt(nonce, 0, aad, 0, 13, record, 0, 512, sealedRecord, 0, tag, 0);
            ms = MillisecondsSince(t, Repeat);
            Report("AES-128-GCM seal 512 B record (" + (512 / ms).ToString("F0") + " KB/s)", ms, -1);
            Assert.IsTrue(gcm.Decrypt(nonce, 0, aad, 0, 13, sealedRecord, 0, 512, opened, 0, tag, 0));
            CollectionAssert.AreEqual(record, opened);

            var ccm = new Ccm(new Aes128(), 8);
            ccm.SetKey(key, 0, 16);
            t = DateTime.UtcNow;
            for (int i = 0; i < Repeat; i++) ccm.Encrypt(nonce, 0, 12, aad, 0, 13, record, 0, 512, sealedRecord, 0, tag, 0);
            ms = MillisecondsSince(t, Repeat);
            Report("AES-128-CCM-8 seal 512 B record (" + (512 / ms).ToString("F0") + " KB/s)", ms, -1);
            Assert.IsTrue(ccm.Decrypt(nonce, 0, 12, aad, 0, 13, sealedRecord, 0, 512, opened, 0, tag, 0));
            CollectionAssert.AreEqual(record, opened);
        }
    }
}

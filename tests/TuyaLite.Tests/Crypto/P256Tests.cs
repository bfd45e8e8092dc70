using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>P-256 keys and ECDH: known answers, rejection of invalid inputs, and the field-multiplication budget.</summary>
    [TestClass]
    public class P256Tests
    {
        // RFC 6979 A.2.5 key pair
        internal const string RfcPrivate = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
        internal const string RfcPublic = "04" +
            "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6" +
            "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

        // NIST CAVS KAS ECC CDH primitive, P-256, COUNT = 0
        private const string CavsPeer = "04" +
            "700C48F77F56584C5CC632CA65640DB91B6BACCE3A4DF6B42CE7CC838833D287" +
            "DB71E509E3FD9B060DDB20BA5C51DCC5948D46FBF640DFE0441782CAB85FA4AC";
        private const string CavsPrivate = "7D7DC5F71EB29DDAF80D6214632EEAE03D9058AF1FB6D22ED80BADB62BC1A534";
        private const string CavsPublic = "04" +
            "EAD218590119E8876B29146FF89CA61770C4EDBBF97D38CE385ED281D8A6B230" +
            "28AF61281FD35E2FA7002523ACC85A429CB06EE6648325389F59EDFCE1405141";
        private const string CavsShared = "46FC62106420FF012E54A434FBDD2D25CCC5852060561E68040DD7778997BD7B";

        internal const string OrderN = "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551";
        private const string PrimeP = "FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF";

        [TestMethod]
        public void PublicKeyOfRfc6979Key()
        {
            byte[] pub = new byte[P256.PublicKeySize];
            P256.ComputePublicKey(Bytes.FromHex(RfcPrivate), 0, pub, 0);
            Assert.AreEqual(RfcPublic, Bytes.ToHex(pub, 0, pub.Length, true));
        }

        [TestMethod]
        public void PublicKeyWhereTheCombMeetsTheDoublingCase()
        {
            // For this k (and n - k) the last column of the comb adds a table entry equal to the accumulator:
            // only the complete addition gets it right.
            byte[] pub = new byte[P256.PublicKeySize];
            P256.ComputePublicKey(Bytes.FromHex("00020001FFFDFFFE000000000000000000000000000000000000000000000000"), 0, pub, 0);
            Assert.AreEqual("04670D78491496939FCF02726A3FC843F64178DE288C7D860696673FFF1DDA1FAD" +
                "90EB2EC77348B8F27B1E0B3859E6D226C420651D3DF4F77A9B9F164BB1A5F664", Bytes.ToHex(pub, 0, pub.Length, true));
            P256.ComputePublicKey(Bytes.FromHex("FFFDFFFD00020002FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), 0, pub, 0);
            Assert.AreEqual("04670D78491496939FCF02726A3FC843F64178DE288C7D860696673FFF1DDA1FAD" +
                "6F14D1378CB7470E84E1F4C7A6192DD93BDF9AE3C20B08856460E9B44E5A099B", Bytes.ToHex(pub, 0, pub.Length, true));
        }

        [TestMethod]
        public void EcdhMatchesNistCavsVector()
        {
            byte[] pub = new byte[P256.PublicKeySize];
            byte[] d = Bytes.FromHex(CavsPrivate);
            P256.ComputePublicKey(d, 0, pub, 0);
            Assert.AreEqual(CavsPublic, Bytes.ToHex(pub, 0, pub.Length, true));
            byte[] secret = new byte[P256.SharedSecretSize + 2];
            byte[] peer = Bytes.FromHex("AA" + CavsPeer);                   // offsets are honoured
            P256.Ecdh(d, 0, peer, 1, P256.PublicKeySize, secret, 2);
            Assert.AreEqual(CavsShared, Bytes.ToHex(secret, 2, P256.SharedSecretSize, true));
        }

        [TestMethod]
        public void EcdhRoundTripAgrees()
        {
            byte[] a = Bytes.FromHex(RfcPrivate), b = Bytes.FromHex(CavsPrivate);
            byte[] ab = new byte[32], ba = new byte[32];
            P256.Ecdh(a, 0, Bytes.FromHex(CavsPublic), 0, 65, ab, 0);
            P256.Ecdh(b, 0, Bytes.FromHex(RfcPublic), 0, 65, ba, 0);
            CollectionAssert.AreEqual(ab, ba);
            Assert.AreNotEqual(Bytes.ToHex(ab), Bytes.ToHex(new byte[32]));
        }

        [TestMethod]
        public void EcdhRejectsInvalidPublicKeys()
        {
            string x = RfcPublic.Substring(2, 64), y = RfcPublic.Substring(66, 64);
            // off the curve: y changed in its last bit
            AssertEcdhRejects("04" + x + y.Substring(0, 63) + "8", "not on the curve");
            // coordinates not below p
            AssertEcdhRejects("04" + PrimeP + y, "not below p");
            AssertEcdhRejects("04" + x + PrimeP, "not below p");
            AssertEcdhRejects("04" + new string('F', 64) + y, "not below p");
            // encodings other than 65-byte uncompressed: compressed, wrong prefix, truncated, padded, infinity (00)
            AssertEcdhRejects("03" + x, "65-byte");
            AssertEcdhRejects("03" + x + y, "uncompressed");
            AssertEcdhRejects("06" + x + y, "uncompressed");
            AssertEcdhRejects("04" + x + y.Substring(0, 62), "65-byte");
            AssertEcdhRejects("04" + x + y + "00", "65-byte");
            AssertEcdhRejects("00", "65-byte");
            AssertEcdhRejects("04" + new string('0', 128), "not on the curve");
            // (1, 0) has order 2 on y^2 = x^3 - 3x + 2: a small-order point of an invalid curve
            AssertEcdhRejects("04" + new string('0', 63) + "1" + new string('0', 64), "not on the curve");
        }

        [TestMethod]
        public void PrivateKeysOutsideOneToNMinusOneAreRejected()
        {
            byte[] pub = new byte[65], secret = new byte[32];
            byte[] peer = Bytes.FromHex(RfcPublic);
            string[] bad = { new string('0', 64), OrderN, "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632552", new string('F', 64) };
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] d = Bytes.FromHex(bad[i]);
                Assert.ThrowsException(typeof(CryptoException), () => P256.ComputePublicKey(d, 0, pub, 0));
                Assert.ThrowsException(typeof(CryptoException), () => P256.Ecdh(d, 0, peer, 0, 65, secret, 0));
                Assert.ThrowsException(typeof(CryptoException), () => P256.SignRaw(d, 0, new byte[32], 0, new byte[64], 0));
            }
            // n - 1 is the largest valid key: its public key is -G
            P256.ComputePublicKey(Bytes.FromHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550"), 0, pub, 0);
            Assert.AreEqual("046B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296" +
                "B01CBD1C01E58065711814B583F061E9D431CCA994CEA1313449BF97C840AE0A", Bytes.ToHex(pub, 0, 65, true));
        }

        [TestMethod]
        public void BadRangesThrowTheCommonArgumentExceptions()
        {
            // Same types as every other Crypto/Platform range check (Bytes.CheckRange); P256 used to throw a bare
            // ArgumentException for a range outside the array.
            byte[] d = Bytes.FromHex(RfcPrivate);
            byte[] peer = Bytes.FromHex(RfcPublic);
            byte[] pub = new byte[65], secret = new byte[32], hash = new byte[32];
            Assert.ThrowsException(typeof(ArgumentNullException), () => P256.ComputePublicKey(null, 0, pub, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.ComputePublicKey(d, 1, pub, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.ComputePublicKey(d, 0, new byte[64], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.Ecdh(d, 0, peer, 1, 65, secret, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.Ecdh(d, 0, peer, 0, 65, secret, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.SignRaw(d, 0, hash, 0, new byte[63], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.SignDer(d, 0, hash, 0, new byte[8], 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => P256.SignDer(d, 0, hash, 0, pub, -1));
        }

        [TestMethod]
        public void GenerateKeyPairRedrawsOutOfRangeScalars()
        {
            var rng = new ScriptedRandom(new string[] { OrderN, new string('0', 64), RfcPrivate });
            byte[] d = new byte[33], pub = new byte[66];
            P256.GenerateKeyPair(rng, d, 1, pub, 1);
            Assert.AreEqual(3, rng.Calls);
            Assert.AreEqual(RfcPrivate, Bytes.ToHex(d, 1, 32, true));
            Assert.AreEqual(RfcPublic, Bytes.ToHex(pub, 1, 65, true));
        }

        [TestMethod]
        public void FieldMultiplicationCountsMeetTheTargets()
        {
            byte[] d = Bytes.FromHex(CavsPrivate), peer = Bytes.FromHex(RfcPublic);
            byte[] pub = new byte[65], secret = new byte[32];
            P256.ComputePublicKey(d, 0, pub, 0);                            // builds the comb table (first use)
            Assert.IsTrue(P256.VerifyRaw(Bytes.FromHex(RfcPublic), 0, 65, Bytes.FromHex(P256EcdsaTests.SampleHash), 0,
                Bytes.FromHex(P256EcdsaTests.SampleR + P256EcdsaTests.SampleS), 0)); // builds the odd-multiples table

            P256.ResetCounters();
            P256.ComputePublicKey(d, 0, pub, 0);
            long keygen = P256.FieldMultiplications;
            P256.ResetCounters();
            P256.Ecdh(d, 0, peer, 0, 65, secret, 0);
            long ecdh = P256.FieldMultiplications;
            P256.ResetCounters();
            bool ok = P256.VerifyRaw(Bytes.FromHex(RfcPublic), 0, 65, Bytes.FromHex(P256EcdsaTests.SampleHash), 0,
                Bytes.FromHex(P256EcdsaTests.SampleR + P256EcdsaTests.SampleS), 0);
            long verify = P256.FieldMultiplications, verifyScalar = P256.ScalarMultiplications;
            Assert.IsTrue(ok);
            OutputHelper.WriteLine("P-256 field multiplications: keygen " + keygen + " (target 1200), ECDH " + ecdh +
                " (target 3500), verify " + verify + " (target 3500) + " + verifyScalar + " mod-n multiplications");
            Assert.IsTrue(keygen > 1000 && keygen <= 1200, "keygen " + keygen);
            Assert.IsTrue(ecdh > 3000 && ecdh <= 3500, "ECDH " + ecdh);
            Assert.IsTrue(verify > 2800 && verify <= 3500, "verify " + verify);
        }

        private static void AssertEcdhRejects(string peerHex, string messagePart)
        {
            byte[] peer = Bytes.FromHex(peerHex);
            byte[] secret = new byte[32];
            try
            {
                P256.Ecdh(Bytes.FromHex(RfcPrivate), 0, peer, 0, peer.Length, secret, 0);
            }
            catch (CryptoException e)
            {
                Assert.IsTrue(e.Message.IndexOf(messagePart) >= 0, "message '" + e.Message + "' for " + peerHex);
                Assert.AreEqual(Bytes.ToHex(new byte[32]), Bytes.ToHex(secret), "nothing written for " + peerHex);
                return;
            }
            Assert.IsTrue(false, "accepted " + peerHex);
        }

        /// <summary>Returns the given hex values, one per NextBytes call.</summary>
        private sealed class ScriptedRandom : IRandom
        {
            private readonly string[] values;
            public int Calls;

            public ScriptedRandom(string[] values) { this.values = values; }

            public void NextBytes(byte[] buffer, int offset, int count)
            {
                byte[] v = Bytes.FromHex(values[Calls++]);
                Array.Copy(v, 0, buffer, offset, count);
            }
        }
    }
}

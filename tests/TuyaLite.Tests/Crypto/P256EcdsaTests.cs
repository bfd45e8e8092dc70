using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>ECDSA P-256 / SHA-256: RFC 6979 A.2.5 known answers, verification, tampering and strict DER.</summary>
    [TestClass]
    public class P256EcdsaTests
    {
        // RFC 6979 A.2.5, SHA-256, message "sample" (hash = SHA-256("sample"))
        internal const string SampleHash = "AF2BDBE1AA9B6EC1E2ADE1D694F41FC71A831D0268E9891562113D8A62ADD1BF";
        internal const string SampleK = "A6E3C57DD01ABE90086538398355DD4C3B17AA873382B0F24D6129493D8AAD60";
        internal const string SampleR = "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716";
        internal const string SampleS = "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8";
        internal const string SampleNegatedS = "0834E36AD29A83BF2BC9385E491D6099C8FDF9D1ED67AA7EA5F51F93782857A9";
        // message "test"
        private const string TestHash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        private const string TestK = "D16B6AE827F17175E040871A1C7EC3500192C4C92677336EC2537ACAEE0008E0";
        private const string TestR = "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367";
        private const string TestS = "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083";

        /// <summary>DER of (SampleR, SampleS): both need the 0x00 pad, 0x46 = 70 content bytes.</summary>
        private const string SampleDer = "3046" + "022100" + SampleR + "022100" + SampleS;

        [TestMethod]
        public void Rfc6979NoncesMatchTheRfc()
        {
            Assert.AreEqual(SampleK, FirstNonce(SampleHash));
            Assert.AreEqual(TestK, FirstNonce(TestHash));
        }

        [TestMethod]
        public void SignMatchesRfc6979Sample()
        {
            byte[] sig = new byte[64];
            P256.SignRaw(Bytes.FromHex(P256Tests.RfcPrivate), 0, Bytes.FromHex(SampleHash), 0, sig, 0);
            Assert.AreEqual(SampleR + SampleS, Bytes.ToHex(sig, 0, 64, true));
        }

        [TestMethod]
        public void SignDerMatchesRfc6979TestAndVerifies()
        {
            byte[] sig = new byte[1 + P256.MaxDerSignatureSize];
            int length = P256.SignDer(Bytes.FromHex(P256Tests.RfcPrivate), 0, Bytes.FromHex(TestHash), 0, sig, 1);
            // r needs a 0x00 pad, s (leading 0x01) does not
            Assert.AreEqual("3045" + "022100" + TestR + "0220" + TestS, Bytes.ToHex(sig, 1, length, true));
            Assert.IsTrue(P256.VerifyDer(Bytes.FromHex(P256Tests.RfcPublic), 0, 65, Bytes.FromHex(TestHash), 0, sig, 1, length));
        }

        [TestMethod]
        public void SignCostIsPrinted()
        {
            byte[] d = Bytes.FromHex(P256Tests.RfcPrivate), hash = Bytes.FromHex(SampleHash), sig = new byte[64];
            P256.SignRaw(d, 0, hash, 0, sig, 0);                            // table built on first use
            P256.ResetCounters();
            P256.SignRaw(d, 0, hash, 0, sig, 0);
            long field = P256.FieldMultiplications, scalar = P256.ScalarMultiplications;
            OutputHelper.WriteLine("P-256 sign: " + field + " field multiplications, " + scalar + " mod-n multiplications");
            Assert.IsTrue(field <= 1200, "sign " + field);
            Assert.AreEqual(SampleR + SampleS, Bytes.ToHex(sig, 0, 64, true));
        }

        [TestMethod]
        public void VerifyAcceptsTheRfcSignatures()
        {
            byte[] pub = Bytes.FromHex(P256Tests.RfcPublic);
            Assert.IsTrue(P256.VerifyRaw(pub, 0, 65, Bytes.FromHex(SampleHash), 0, Bytes.FromHex(SampleR + SampleS), 0));
            Assert.IsTrue(P256.VerifyRaw(pub, 0, 65, Bytes.FromHex(TestHash), 0, Bytes.FromHex(TestR + TestS), 0));
            byte[] der = Bytes.FromHex(SampleDer);
            Assert.IsTrue(P256.VerifyDer(pub, 0, 65, Bytes.FromHex(SampleHash), 0, der, 0, der.Length));
        }

        [TestMethod]
        public void VerifyRejectsTamperedInputs()
        {
            byte[] pub = Bytes.FromHex(P256Tests.RfcPublic);
            byte[] hash = Bytes.FromHex(SampleHash);
            byte[] sig = Bytes.FromHex(SampleR + SampleS);
            hash[31] ^= 1;
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 0), "hash");
            hash[31] ^= 1;
            sig[5] ^= 0x10;
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 0), "r");
            sig[5] ^= 0x10;
            sig[40] ^= 0x10;
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 0), "s");
            sig[40] ^= 0x10;
            // the signature of "test" does not verify "sample"; a different key does not verify it either
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, Bytes.FromHex(TestR + TestS), 0), "other message");
            byte[] otherKey = new byte[65];
            P256.ComputePublicKey(Bytes.FromHex(SampleK), 0, otherKey, 0);
            Assert.IsFalse(P256.VerifyRaw(otherKey, 0, 65, hash, 0, sig, 0), "other key");
            Assert.IsTrue(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 0), "original still verifies");
            // (r, n - s) is the other valid signature of the same nonce (ECDSA is malleable; TLS does not care)
            Assert.IsTrue(P256.VerifyRaw(pub, 0, 65, hash, 0, Bytes.FromHex(SampleR + SampleNegatedS), 0), "n - s");
        }

        [TestMethod]
        public void VerifyRejectsOutOfRangeScalarsAndBadKeys()
        {
            byte[] pub = Bytes.FromHex(P256Tests.RfcPublic);
            byte[] hash = Bytes.FromHex(SampleHash);
            string zero = new string('0', 64);
            string[] bad = { zero + SampleS, SampleR + zero, P256Tests.OrderN + SampleS, SampleR + P256Tests.OrderN,
                new string('F', 64) + SampleS };
            for (int i = 0; i < bad.Length; i++)
                Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, Bytes.FromHex(bad[i]), 0), bad[i]);
            byte[] sig = Bytes.FromHex(SampleR + SampleS);
            pub[64] ^= 1;                                                    // off the curve
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 0));
            pub[64] ^= 1;
            pub[0] = 0x03;
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 0));
            pub[0] = 0x04;
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 64, hash, 0, sig, 0), "short key");
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 1, sig, 0), "hash past the end");
            Assert.IsFalse(P256.VerifyRaw(pub, 0, 65, hash, 0, sig, 1), "signature past the end");
            Assert.IsFalse(P256.VerifyRaw(null, 0, 65, hash, 0, sig, 0), "null key");
        }

        [TestMethod]
        public void VerifyDerRejectsBerAndMalformedEncodings()
        {
            string r = "022100" + SampleR, s = "022100" + SampleS;
            string[] bad =
            {
                "308146" + r + s,                                   // long-form length
                "30820046" + r + s,                                 // long-form, two bytes
                "3080" + r + s + "0000",                            // indefinite length
                "3046" + "02810021" + SampleR.Substring(2) + s,     // long-form integer length (and truncated)
                "3047" + "02220000" + SampleR + s,                  // extra zero padding in r
                "3047" + r + "02220000" + SampleS,                  // extra zero padding in s
                "3045" + "0220" + SampleR + s,                      // r without its pad: negative
                "3046" + r + s + "00",                              // trailing byte outside the sequence
                "3048" + r + s + "0500",                            // trailing element inside the sequence
                "3146" + r + s,                                     // SET instead of SEQUENCE
                "3046" + "032100" + SampleR + s,                    // BIT STRING instead of INTEGER
                "3046" + r + "042100" + SampleS,                    // OCTET STRING instead of INTEGER
                "3047" + r + s,                                     // length too long
                "3045" + r + s,                                     // length too short
                "3023" + r,                                         // s missing
                "3025" + r + "0200",                                // empty INTEGER
                "3026" + r + "020100",                              // s = 0
                "3026" + "020100" + s,                              // r = 0 ... (length mismatch too)
                "3006" + "020100" + "020100",                       // r = s = 0
                "3046" + "022100" + P256Tests.OrderN + s,           // r = n
                "",                                                 // empty
                "30",                                               // truncated header
            };
            byte[] pub = Bytes.FromHex(P256Tests.RfcPublic);
            byte[] hash = Bytes.FromHex(SampleHash);
            for (int i = 0; i < bad.Length; i++)
            {
                byte[] der = Bytes.FromHex(bad[i]);
                Assert.IsFalse(P256.VerifyDer(pub, 0, 65, hash, 0, der, 0, der.Length), bad[i]);
            }
            byte[] good = Bytes.FromHex(SampleDer);
            Assert.IsTrue(P256.VerifyDer(pub, 0, 65, hash, 0, good, 0, good.Length));
            Assert.IsFalse(P256.VerifyDer(pub, 0, 65, hash, 0, good, 0, good.Length - 1), "count one short");
            Assert.IsFalse(P256.VerifyDer(pub, 0, 65, hash, 0, good, 1, good.Length), "count past the end");
        }

        [TestMethod]
        public void LaterNonceCandidatesFollowHmacDrbg()
        {
            // RFC 6979 3.2 is HMAC_DRBG (SP 800-90A 10.1.2) seeded with x || h: candidate i (step h.3 between them) is
            // the i-th 32-byte generate request.
            byte[] x = Bytes.FromHex(P256Tests.RfcPrivate), h = Bytes.FromHex(SampleHash);
            var rfc = new Rfc6979();
            rfc.Start(x, 0, h, 0);
            HmacDrbg drbg = new HmacDrbg(x, h, null, null, HmacDrbg.ReseedInterval);
            byte[] k = new byte[32], expected = new byte[32];
            for (int i = 0; i < 3; i++)
            {
                rfc.Next(k, 0);
                drbg.NextBytes(expected, 0, 32);
                Assert.AreEqual(Bytes.ToHex(expected), Bytes.ToHex(k), "candidate " + i);
            }
            rfc.Clear();
        }

        [TestMethod]
        public void NonceGenerationKeysItsHmacOnlyWhenKChanges()
        {
            var rfc = new Rfc6979();
            byte[] x = Bytes.FromHex(P256Tests.RfcPrivate), h = Bytes.FromHex(SampleHash), k = new byte[32];
            Sha256.Compressions = 0;
            rfc.Start(x, 0, h, 0);
            Assert.AreEqual(16L, Sha256.Compressions, "start: 2 (K = 0) + 2 x (3 + 2 + 2)");
            Sha256.Compressions = 0;
            rfc.Next(k, 0);
            Assert.AreEqual(2L, Sha256.Compressions, "first candidate: one HMAC of V");
            Sha256.Compressions = 0;
            rfc.Next(k, 0);
            Assert.AreEqual(8L, Sha256.Compressions, "next candidate: 2 + 2 (new K) + 2 + 2");
            rfc.Clear();
        }

        private static string FirstNonce(string hashHex)
        {
            var rfc = new Rfc6979();
            rfc.Start(Bytes.FromHex(P256Tests.RfcPrivate), 0, Bytes.FromHex(hashHex), 0);  // both hashes are below n
            byte[] k = new byte[32];
            rfc.Next(k, 0);
            rfc.Clear();
            return Bytes.ToHex(k, 0, 32, true);
        }
    }
}

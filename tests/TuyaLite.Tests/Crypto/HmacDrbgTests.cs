using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>
    /// HMAC_DRBG known answers from NIST CAVP (DRBGVS), HMAC_DRBG.rsp, section [SHA-256] [PredictionResistance = False]
    /// [EntropyInputLen = 256] [NonceLen = 128] [ReturnedBitsLen = 1024], COUNT = 0 of each sub-section used:
    /// - no reseed (drbgvectors_no_reseed.zip): [PersonalizationStringLen = 0] and [PersonalizationStringLen = 256],
    ///   both [AdditionalInputLen = 0]; as reproduced in github.com/patrickfav/dice HmacDrbgSha256NistTestVectors.java;
    /// - with reseed (drbgtestvectors.zip, pr_false): [PersonalizationStringLen = 0] [AdditionalInputLen = 0] as
    ///   reproduced with its intermediate V/Key values in a BoringSSL Go test and in cifra's test_hmacdrbg_sha256_vector
    ///   ("HMAC_DRBG.rsp, line 5064"), and
    ///   [PersonalizationStringLen = 256] [AdditionalInputLen = 256] as reproduced in Apple corecrypto's
    ///   fipspost_post_drbg_hmac.c.
    /// All four were re-checked for this project with a throwaway Python hmac implementation of SP 800-90A 10.1.2.
    /// CAVP procedure: instantiate, (reseed), generate 1024 bits twice, compare the second output.
    /// </summary>
    [TestClass]
    public class HmacDrbgTests
    {
        [TestMethod]
        public void CavpNoReseedNoPersonalization()
        {
            HmacDrbg drbg = new HmacDrbg(Bytes.FromHex("ca851911349384bffe89de1cbdc46e6831e44d34a4fb935ee285dd14b71a7488"),
                Bytes.FromHex("659ba96c601dc69fc902940805ec0ca8"), null, null, HmacDrbg.ReseedInterval);
            AssertSecondOutput(drbg, null, null,
                "e528e9abf2dece54d47c7e75e5fe302149f817ea9fb4bee6f4199697d04d5b89d54fbb978a15b5c443c9ec21036d2460"
                + "b6f73ebad0dc2aba6e624abf07745bc107694bb7547bb0995f70de25d6b29e2d3011bb19d27676c07162c8b5ccde06"
                + "68961df86803482cb37ed6d5c0bb8d50cf1f50d476aa0458bdaba806f48be9dcb8");
        }

        [TestMethod]
        public void CavpNoReseedWithPersonalization()
        {
            HmacDrbg drbg = new HmacDrbg(Bytes.FromHex("5cacc68165a2e2ee20812f35ec73a79dbf30fd475476ac0c44fc6174cdac2b55"),
                Bytes.FromHex("6f885496c1e63af620becd9e71ecb824"),
                Bytes.FromHex("e72dd8590d4ed5295515c35ed6199e9d211b8f069b3058caa6670b96ef1208d0"), null, HmacDrbg.ReseedInterval);
            AssertSecondOutput(drbg, null, null,
                "f1012cf543f94533df27fedfbf58e5b79a3dc517a9c402bdbfc9a0c0f721f9d53faf4aafdc4b8f7a1b580fcaa52338d4"
                + "bd95f58966a243cdcd3f446ed4bc546d9f607b190dd69954450d16cd0e2d6437067d8b44d19a6af7a7cfa8794e5fbd72"
                + "8e8fb2f2e8db5dd4ff1aa275f35886098e80ff844886060da8b1e7137846b23b");
        }

        [TestMethod]
        public void CavpReseedNoPersonalization()
        {
            HmacDrbg drbg = new HmacDrbg(Bytes.FromHex("06032cd5eed33f39265f49ecb142c511da9aff2af71203bffaf34a9ca5bd9c0d"),
                Bytes.FromHex("0e66f71edc43e42a45ad3c6fc6cdc4df"), null, null, HmacDrbg.ReseedInterval);
            drbg.Reseed(Bytes.FromHex("01920a4e669ed3a85ae8a33b35a74ad7fb2a6bb4cf395ce00334a9c9a5a5d552"), null);
            AssertSecondOutput(drbg, null, null,
                "76fc79fe9b50beccc991a11b5635783a83536add03c157fb30645e611c2898bb2b1bc215000209208cd506cb28da2a51"
                + "bdb03826aaf2bd2335d576d519160842e7158ad0949d1a9ec3e66ea1b1a064b005de914eac2e9d4f2d72a8616a802254"
                + "22918250ff66a41bd2f864a6a38cc5b6499dc43f7f2bd09e1e0f8f5885935124");
        }

        [TestMethod]
        public void CavpReseedWithPersonalizationAndAdditionalInput()
        {
            HmacDrbg drbg = new HmacDrbg(Bytes.FromHex("cdb0d9117cc6dbc9ef9dcb06a97579841d72dc18b2d46a1cb61e314012bdf416"),
                Bytes.FromHex("d0c0d01d156016d0eb6b7e9c7c3c8da8"),
                Bytes.FromHex("6f0fb9eab3f9ea7ab0a719bfa879bf0aaed683307fda0c6d73ce018b6e34faaa"), null, HmacDrbg.ReseedInterval);
            drbg.Reseed(Bytes.FromHex("8ec6f7d5a8e2e88f43986f70b86e050d07c84b931bcf18e601c5a3eee3064c82"),
                Bytes.FromHex("1ab4ca9014fa98a55938316de8ba5a68c629b0741bdd058c4d70c91cda5099b3"));
            AssertSecondOutput(drbg,
                Bytes.FromHex("16e2d0721b58d839a122852abd3bf2c942a31c84d82fca74211871880d7162ff"),
                Bytes.FromHex("53686f042a7b087d5d2eca0d2a96de131f275ed7151189f7ca52deaa78b79fb2"),
                "dda04a2ca7b8147af1548f5d086591ca4fd951a345ce52b3cd49d47e84aa31a183e31fbc42a1ff1d95afec7143c8008c"
                + "97bc2a9c091df0a763848391f68cb4a366ad89857ac725a53b303ddea767be8dc5f605b1b95f6d24c9f06be65a973a08"
                + "9320b3cc42569dcfd4b92b62a993785b0301b3fc452445656fce22664827b88f");
        }

        [TestMethod]
        public void InstantiatesFrom48SourceBytesAsEntropyThenNonce()
        {
            CountingEntropySource source = new CountingEntropySource(1);
            byte[] seed = source.Peek(HmacDrbg.InstantiateEntropyBytes);
            byte[] pers = Bytes.FromAscii("TuyaLite device 42");
            HmacDrbg drbg = new HmacDrbg(source, pers);
            Assert.AreEqual(1, source.Calls);
            Assert.AreEqual(48, source.LastCount);

            HmacDrbg known = new HmacDrbg(Bytes.Slice(seed, 0, 32), Bytes.Slice(seed, 32, 16), pers, null, HmacDrbg.ReseedInterval);
            Assert.AreEqual(Next(known, 40), Next(drbg, 40));
        }

        [TestMethod]
        public void ReseedsFromTheSourceWhenTheIntervalIsReached()
        {
            CountingEntropySource source = new CountingEntropySource(7);
            CountingEntropySource twinSource = new CountingEntropySource(7);
            HmacDrbg drbg = new HmacDrbg(source, null, 3);
            HmacDrbg twin = new HmacDrbg(twinSource, null); // same seed, default (huge) interval
            for (int i = 0; i < 3; i++) Assert.AreEqual(Next(twin, 16), Next(drbg, 16), "request " + i);
            Assert.AreEqual(1, source.Calls);
            Assert.AreEqual(4, drbg.ReseedCounter);

            byte[] reseedEntropy = source.Peek(HmacDrbg.ReseedEntropyBytes);
            string fourth = Next(drbg, 16);
            Assert.AreEqual(2, source.Calls, "the 4th request reseeds first");
            Assert.AreEqual(32, source.LastCount);
            Assert.AreEqual(2, drbg.ReseedCounter);
            Assert.AreNotEqual(Next(twin, 16), fourth, "output changes after the reseed");

            // The automatic reseed is exactly SP 800-90A Reseed(entropy from the source, no additional input).
            byte[] seed = new CountingEntropySource(7).Peek(48);
            HmacDrbg known = new HmacDrbg(Bytes.Slice(seed, 0, 32), Bytes.Slice(seed, 32, 16), null, null, HmacDrbg.ReseedInterval);
            for (int i = 0; i < 3; i++) Next(known, 16);
            known.Reseed(reseedEntropy, null);
            Assert.AreEqual(fourth, Next(known, 16));
        }

        [TestMethod]
        public void ExplicitReseedReadsFreshEntropyAndChangesTheOutput()
        {
            CountingEntropySource a = new CountingEntropySource(3);
            CountingEntropySource b = new CountingEntropySource(3);
            HmacDrbg first = new HmacDrbg(a, null);
            HmacDrbg second = new HmacDrbg(b, null);
            Assert.AreEqual(Next(first, 32), Next(second, 32));
            first.Reseed(Bytes.FromAscii("wifi up"));
            Assert.AreEqual(2, a.Calls);
            Assert.AreEqual(32, a.LastCount);
            Assert.AreEqual(1, first.ReseedCounter);
            Assert.AreNotEqual(Next(second, 32), Next(first, 32));
        }

        [TestMethod]
        public void AdditionalInputChangesTheOutput()
        {
            HmacDrbg plain = new HmacDrbg(new CountingEntropySource(5), null);
            HmacDrbg nullInput = new HmacDrbg(new CountingEntropySource(5), null);
            HmacDrbg withInput = new HmacDrbg(new CountingEntropySource(5), null);
            byte[] p = new byte[24];
            byte[] n = new byte[24];
            byte[] w = new byte[24];
            plain.NextBytes(p, 0, 24);
            nullInput.NextBytes(n, 0, 24, null, 0, 0);
            byte[] extra = Bytes.FromAscii("xx-ticks-12345");
            withInput.NextBytes(w, 0, 24, extra, 3, 8);
            Assert.AreEqual(Bytes.ToHex(p), Bytes.ToHex(n));
            Assert.AreNotEqual(Bytes.ToHex(p), Bytes.ToHex(w));
        }

        [TestMethod]
        public void SplitsRequestsLargerThanTheLimit()
        {
            CountingEntropySource source = new CountingEntropySource(9);
            HmacDrbg drbg = new HmacDrbg(source, null, 1);
            byte[] big = new byte[HmacDrbg.MaxBytesPerRequest + 10];
            drbg.NextBytes(big, 0, big.Length);
            // Two generate requests; with an interval of 1 the second one reseeded first.
            Assert.AreEqual(2, source.Calls);
            Assert.AreEqual(2, drbg.ReseedCounter);
            Assert.IsFalse(Bytes.ConstantTimeEquals(big, HmacDrbg.MaxBytesPerRequest, big, 0, 10));
        }

        [TestMethod]
        public void SourceFailuresSurfaceAndTheReseedIsRetried()
        {
            CountingEntropySource source = new CountingEntropySource(2);
            source.Fail = true;
            Assert.ThrowsException(typeof(InvalidOperationException), () => new HmacDrbg(source, null));
            source.Fail = false;
            HmacDrbg drbg = new HmacDrbg(source, null, 1);
            byte[] b = new byte[8];
            drbg.NextBytes(b, 0, 8);
            source.Fail = true;
            Assert.ThrowsException(typeof(InvalidOperationException), () => drbg.NextBytes(b, 0, 8));
            source.Fail = false;
            drbg.NextBytes(b, 0, 8);
            Assert.AreEqual(2, source.Calls, "the refused request did not count; the next one reseeded");
        }

        [TestMethod]
        public void KeysItsHmacOnlyWhenTheKeyChanges()
        {
            // SetKey costs 2 compressions; K changes twice per update (once per round), V's HMACs reuse the keyed state.
            CountingEntropySource source = new CountingEntropySource(4);
            Sha256.Compressions = 0;
            HmacDrbg drbg = new HmacDrbg(source, null, 2);
            Assert.AreEqual(16L, Sha256.Compressions, "instantiate: 2 (K = 0) + 2 rounds x (3 + 2 + 2)");
            Sha256.Compressions = 0;
            Next(drbg, 32);
            Assert.AreEqual(8L, Sha256.Compressions, "32-byte request: 2 (V) + 3 x 2 (update round)");
            Sha256.Compressions = 0;
            Next(drbg, 64);
            Assert.AreEqual(10L, Sha256.Compressions, "64-byte request: 2 per 32 bytes more");
            Sha256.Compressions = 0;
            Next(drbg, 32);
            Assert.AreEqual(14L + 8L, Sha256.Compressions, "automatic reseed: 2 rounds x (3 + 2 + 2), then the request");
        }

        [TestMethod]
        public void AnEmptyRequestGeneratesNothing()
        {
            CountingEntropySource source = new CountingEntropySource(6);
            CountingEntropySource twinSource = new CountingEntropySource(6);
            HmacDrbg drbg = new HmacDrbg(source, null, 1);
            HmacDrbg twin = new HmacDrbg(twinSource, null, 1);
            Next(drbg, 16);
            Next(twin, 16);
            Sha256.Compressions = 0;
            drbg.NextBytes(new byte[0], 0, 0);
            Assert.AreEqual(0L, Sha256.Compressions);
            Assert.AreEqual(2, drbg.ReseedCounter, "no generate request was counted");
            Assert.AreEqual(1, source.Calls, "and the due reseed did not run");
            Assert.AreEqual(Next(twin, 16), Next(drbg, 16));
        }

        [TestMethod]
        public void EntropyFromAFailedReadIsWiped()
        {
            CountingEntropySource source = new CountingEntropySource(8);
            source.FailHalfway = true;
            Assert.ThrowsException(typeof(InvalidOperationException), () => new HmacDrbg(source, null));
            Assert.IsTrue(IsAllZero(source.LastBuffer), "instantiation scratch wiped");

            source.FailHalfway = false;
            HmacDrbg drbg = new HmacDrbg(source, null);
            source.FailHalfway = true;
            Assert.ThrowsException(typeof(InvalidOperationException), () => drbg.Reseed(null));
            Assert.IsTrue(IsAllZero(source.LastBuffer), "reseed scratch wiped");
        }

        [TestMethod]
        public void ClearWipesTheStateAndRefusesFurtherUse()
        {
            HmacDrbg drbg = new HmacDrbg(new CountingEntropySource(10), null);
            Next(drbg, 8);
            drbg.Clear();
            Assert.IsTrue(drbg.IsCleared);
            byte[] b = new byte[8];
            Assert.ThrowsException(typeof(InvalidOperationException), () => drbg.NextBytes(b, 0, 8));
            Assert.ThrowsException(typeof(InvalidOperationException), () => drbg.Reseed(null));
            Assert.IsTrue(IsAllZero(b), "nothing was generated");
            drbg.Clear();   // idempotent
        }

        private static bool IsAllZero(byte[] b)
        {
            int any = 0;
            for (int i = 0; i < b.Length; i++) any |= b[i];
            return any == 0;
        }

        [TestMethod]
        public void RejectsBadArguments()
        {
            Assert.ThrowsException(typeof(ArgumentNullException), () => new HmacDrbg(null, null));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new HmacDrbg(new CountingEntropySource(0), null, 0));
            HmacDrbg drbg = new HmacDrbg(new CountingEntropySource(0), null);
            byte[] b = new byte[4];
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => drbg.NextBytes(b, 1, 4));
            Assert.ThrowsException(typeof(ArgumentNullException), () => drbg.NextBytes(b, 0, 4, null, 0, 3));
            HmacDrbg sourceless = new HmacDrbg(new byte[32], new byte[16], null, null, 1);
            sourceless.NextBytes(b, 0, 4);
            Assert.ThrowsException(typeof(InvalidOperationException), () => sourceless.NextBytes(b, 0, 4));
        }

        private static void AssertSecondOutput(HmacDrbg drbg, byte[] additional1, byte[] additional2, string expectedHex)
        {
            byte[] output = new byte[128];
            drbg.NextBytes(output, 0, 128, additional1, 0, additional1 == null ? 0 : additional1.Length);
            drbg.NextBytes(output, 0, 128, additional2, 0, additional2 == null ? 0 : additional2.Length);
            Assert.AreEqual(expectedHex, Bytes.ToHex(output));
        }

        private static string Next(HmacDrbg drbg, int count)
        {
            byte[] b = new byte[count];
            drbg.NextBytes(b, 0, count);
            return Bytes.ToHex(b);
        }
    }
}

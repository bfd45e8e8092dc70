using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Crypto
{
    /// <summary>FIPS 180-4 / NIST CSRC example values, state export/import and transcript snapshots.</summary>
    [TestClass]
    public class Sha256Tests
    {
        private const string AbcDigest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        private const string EmptyDigest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        private const string TwoBlockMessage = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string TwoBlockDigest = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        private const string MillionADigest = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

        [TestMethod]
        public void HashesNistExamples()
        {
            Assert.AreEqual(AbcDigest, HashHex(Bytes.FromAscii("abc")));
            Assert.AreEqual(EmptyDigest, HashHex(new byte[0]));
            Assert.AreEqual(TwoBlockDigest, HashHex(Bytes.FromAscii(TwoBlockMessage)));
        }

        [TestMethod]
        public void HashesAMillionAInOddChunks()
        {
            byte[] a = new byte[1000];
            for (int i = 0; i < a.Length; i++) a[i] = (byte)'a';
            int[] chunks = { 1, 7, 55, 63, 65, 129, 997 };
            Sha256 sha = new Sha256();
            int total = 0;
            int c = 0;
            while (total < 1000000)
            {
                int n = chunks[c++ % chunks.Length];
                if (n > 1000000 - total) n = 1000000 - total;
                sha.Update(a, 0, n);
                total += n;
            }
            byte[] digest = new byte[32];
            sha.Final(digest, 0);
            Assert.AreEqual(MillionADigest, Bytes.ToHex(digest));
        }

        [TestMethod]
        public void SingleByteUpdatesMatchBulkUpdate()
        {
            byte[] msg = Bytes.FromAscii(TwoBlockMessage);
            Sha256 sha = new Sha256();
            for (int i = 0; i < msg.Length; i++) sha.Update(msg[i]);
            byte[] digest = new byte[32];
            sha.Final(digest, 0);
            Assert.AreEqual(TwoBlockDigest, Bytes.ToHex(digest));
        }

        [TestMethod]
        public void FinalResetsForANewMessage()
        {
            Sha256 sha = new Sha256();
            byte[] digest = new byte[40];
            byte[] abc = Bytes.FromAscii("abc");
            sha.Update(abc, 0, 3);
            sha.Final(digest, 0);
            sha.Update(abc, 0, 3);
            sha.Final(digest, 8);
            Assert.AreEqual(AbcDigest, Bytes.ToHex(digest, 8, 32, false));
            sha.Update(abc, 0, 3);
            sha.Reset();
            sha.Final(digest, 0);
            Assert.AreEqual(EmptyDigest, Bytes.ToHex(digest, 0, 32, false));
        }

        [TestMethod]
        public void ExportImportResumesToTheSameDigest()
        {
            byte[] msg = Pattern(300);
            byte[] expected = new byte[32];
            Sha256.Hash(msg, 0, msg.Length, expected, 0);
            int[] splits = { 0, 1, 55, 56, 63, 64, 65, 128, 200, 300 };
            byte[] state = new byte[Sha256.ExportedStateSize + 3];
            byte[] digest = new byte[32];
            for (int s = 0; s < splits.Length; s++)
            {
                int split = splits[s];
                Sha256 before = new Sha256();
                before.Update(msg, 0, split);
                Assert.AreEqual(Sha256.ExportedStateSize, before.ExportState(state, 3));

                // A fresh instance, as after a reboot, continues from the exported state.
                Sha256 after = new Sha256();
                after.ImportState(state, 3);
                after.Update(msg, split, msg.Length - split);
                after.Final(digest, 0);
                Assert.AreEqual(Bytes.ToHex(expected), Bytes.ToHex(digest), "split at " + split);
            }
        }

        [TestMethod]
        public void ImportRejectsMalformedStates()
        {
            Sha256 sha = new Sha256();
            sha.Update(Pattern(70), 0, 70);
            byte[] good = new byte[Sha256.ExportedStateSize];
            sha.ExportState(good, 0);
            byte[] probe = new byte[32];

            byte[] bad = Copy(good);
            bad[40] = 64; // buffered count out of range
            AssertImportFails(bad);

            bad = Copy(good);
            bad[40] = 7; // disagrees with total length 70 (70 mod 64 = 6)
            AssertImportFails(bad);

            bad = Copy(good);
            bad[41 + 6] = 1; // a byte past the buffered data
            AssertImportFails(bad);

            bad = Copy(good);
            bad[32] = 0x20; // length of 2^61 bytes and more
            AssertImportFails(bad);

            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sha.ImportState(good, 1));

            // A failed import leaves the instance as it was.
            Sha256 target = new Sha256();
            target.Update(Bytes.FromAscii("abc"), 0, 3);
            bad = Copy(good);
            bad[40] = 64;
            Assert.ThrowsException(typeof(CryptoException), () => target.ImportState(bad, 0));
            target.Final(probe, 0);
            Assert.AreEqual(AbcDigest, Bytes.ToHex(probe));
        }

        [TestMethod]
        public void CopyToSnapshotsARunningHash()
        {
            byte[] msg = Bytes.FromAscii(TwoBlockMessage);
            Sha256 running = new Sha256();
            Sha256 snapshot = new Sha256();
            snapshot.Update(msg, 0, 10); // overwritten by CopyTo
            running.Update(msg, 0, 3);
            running.CopyTo(snapshot);

            byte[] digest = new byte[32];
            snapshot.Final(digest, 0);
            Assert.AreEqual(AbcDigest, Bytes.ToHex(digest));

            running.Update(msg, 3, msg.Length - 3);
            running.Final(digest, 0);
            Assert.AreEqual(TwoBlockDigest, Bytes.ToHex(digest));
        }

        [TestMethod]
        public void RejectsBadRanges()
        {
            Sha256 sha = new Sha256();
            byte[] b = new byte[10];
            Assert.ThrowsException(typeof(ArgumentNullException), () => sha.Update(null, 0, 0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sha.Update(b, 5, 6));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sha.Update(b, -1, 1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sha.Final(b, 0));
        }

        private static string HashHex(byte[] msg)
        {
            byte[] digest = new byte[32];
            Sha256.Hash(msg, 0, msg.Length, digest, 0);
            return Bytes.ToHex(digest);
        }

        private static void AssertImportFails(byte[] state)
        {
            Sha256 sha = new Sha256();
            Assert.ThrowsException(typeof(CryptoException), () => sha.ImportState(state, 0));
        }

        internal static byte[] Pattern(int length)
        {
            byte[] b = new byte[length];
            for (int i = 0; i < length; i++) b[i] = (byte)(i * 7 + 3);
            return b;
        }

        private static byte[] Copy(byte[] b)
        {
            byte[] c = new byte[b.Length];
            Array.Copy(b, c, b.Length);
            return c;
        }
    }
}

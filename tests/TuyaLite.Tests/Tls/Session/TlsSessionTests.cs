using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    [TestClass]
    public class TlsSessionTests
    {
        internal static TlsSession Sample(bool withTicket, bool withId)
        {
            TlsSession s = new TlsSession();
            s.CipherSuite = TlsConstants.TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8;
            s.ExtendedMasterSecret = true;
            s.FragmentLength = 1024;
            s.MasterSecret = new byte[48];
            for (int i = 0; i < 48; i++) s.MasterSecret[i] = (byte)(i + 1);
            s.SessionId = withId ? new byte[] { 1, 2, 3, 4, 5 } : new byte[0];
            s.Ticket = withTicket ? new byte[] { 9, 9, 9, 8 } : null;
            s.TicketLifetimeSeconds = 7200;
            s.ServerName = "cloud.example.com";
            s.LeafNotBefore = new DateTime(2026, 1, 2, 3, 4, 5);
            s.LeafNotAfter = new DateTime(2036, 1, 2, 3, 4, 5);
            s.LeafTimeProvisional = true;
            return s;
        }

        [TestMethod]
        public void ExportImportRoundTripsEveryField()
        {
            TlsSession s = Sample(true, true);
            byte[] blob = s.Export();
            Assert.AreEqual(s.ExportedSize, blob.Length);
            TlsSession t = TlsSession.Import(blob, 0, blob.Length);
            Assert.AreEqual(s.CipherSuite, t.CipherSuite);
            Assert.IsTrue(t.ExtendedMasterSecret);
            Assert.AreEqual(1024, t.FragmentLength);
            CollectionAssert.AreEqual(s.MasterSecret, t.MasterSecret);
            CollectionAssert.AreEqual(s.SessionId, t.SessionId);
            CollectionAssert.AreEqual(s.Ticket, t.Ticket);
            Assert.AreEqual(7200u, t.TicketLifetimeSeconds);
            Assert.AreEqual("cloud.example.com", t.ServerName);
            Assert.AreEqual(s.LeafNotBefore.Ticks, t.LeafNotBefore.Ticks);
            Assert.AreEqual(s.LeafNotAfter.Ticks, t.LeafNotAfter.Ticks);
            Assert.IsTrue(t.LeafTimeProvisional);
            Assert.IsTrue(t.IsResumable);
        }

        [TestMethod]
        public void TicketOnlyAndIdOnlySessionsAreResumable()
        {
            Assert.IsTrue(TlsSession.Import(Sample(true, false).Export(), 0, Sample(true, false).ExportedSize).IsResumable);
            TlsSession idOnly = TlsSession.Import(Sample(false, true).Export(), 0, Sample(false, true).ExportedSize);
            Assert.IsNull(idOnly.Ticket);
            Assert.IsFalse(Sample(false, false).IsResumable);
            Assert.ThrowsException(typeof(InvalidOperationException), () => Sample(false, false).Export());
        }

        [TestMethod]
        public void TruncatedOrCorruptBlobIsAFormatError()
        {
            byte[] blob = Sample(true, true).Export();
            for (int n = 0; n < blob.Length; n++)
            {
                int count = n;
                Assert.ThrowsException(typeof(FormatException), () => TlsSession.Import(blob, 0, count));
            }
            byte[] longer = new byte[blob.Length + 1];
            Array.Copy(blob, longer, blob.Length);
            Assert.ThrowsException(typeof(FormatException), () => TlsSession.Import(longer, 0, longer.Length));
            byte[] bad = Sample(true, true).Export();
            bad[0] = 2; // format version
            Assert.ThrowsException(typeof(FormatException), () => TlsSession.Import(bad, 0, bad.Length));
            bad = Sample(true, true).Export();
            bad[3] |= 0x80; // unknown flag
            Assert.ThrowsException(typeof(FormatException), () => TlsSession.Import(bad, 0, bad.Length));
            bad = Sample(true, true).Export();
            Bytes.WriteUInt16BE(bad, 4, 1000); // not an MFL length
            Assert.ThrowsException(typeof(FormatException), () => TlsSession.Import(bad, 0, bad.Length));
        }

        [TestMethod]
        public void WipeErasesSecrets()
        {
            TlsSession s = Sample(true, true);
            byte[] secret = s.MasterSecret;
            byte[] ticket = s.Ticket;
            s.Wipe();
            Assert.IsFalse(s.IsResumable);
            Assert.AreEqual((byte)0, secret[10]);
            Assert.AreEqual((byte)0, ticket[0]);
        }

        [TestMethod]
        public void StoreSavesLoadsAndDropsUnreadableBlobs()
        {
            MemoryStorage storage = new MemoryStorage();
            Assert.IsNull(SessionStore.Load(storage, "tls", 1024));
            SessionStore.Save(storage, "tls", Sample(true, true));
            TlsSession back = SessionStore.Load(storage, "tls", 1024);
            Assert.IsNotNull(back);
            Assert.AreEqual("cloud.example.com", back.ServerName);

            storage.Write("tls", new byte[] { 1, 2, 3 }, 0, 3);
            Assert.IsNull(SessionStore.Load(storage, "tls", 1024));
            Assert.IsFalse(storage.Contains("tls"));

            // A stored ticket bigger than today's limit does not fit the read buffer: dropped, not a failure.
            TlsSession big = Sample(false, true);
            big.Ticket = new byte[2000];
            SessionStore.Save(storage, "tls", big);
            Assert.IsNull(SessionStore.Load(storage, "tls", 100));
            Assert.IsFalse(storage.Contains("tls"));
        }
    }
}

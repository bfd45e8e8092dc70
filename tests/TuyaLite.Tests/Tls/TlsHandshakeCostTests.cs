using System;
using nanoFramework.TestFramework;
using TuyaLite.Crypto;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls
{
    /// <summary>
    /// What one client handshake costs where the tests run (on the nanoFramework interpreter: the device figure quoted in
    /// docs/benchmarks.md). The scripted server runs inline on the client's thread, so its own time is measured and taken
    /// out. Each handshake is checked (negotiated, resumed or not, data flows) before its figure is printed.
    /// </summary>
    [TestClass]
    public class TlsHandshakeCostTests
    {
        [TestMethod]
        public void FullAndResumedHandshakeCosts()
        {
            ScriptedTlsServer server;
            MemoryTransport t = ScriptedTlsServer.Create(out server);
            // build the fixed-base tables first (once per process): not part of a handshake's figure
            byte[] d = Bytes.FromHex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721");
            byte[] pub = new byte[P256.PublicKeySize], hash = new byte[32], sig = new byte[P256.MaxDerSignatureSize];
            P256.ComputePublicKey(d, 0, pub, 0);
            int sigLength = P256.SignDer(d, 0, hash, 0, sig, 0);
            Assert.IsTrue(P256.VerifyDer(pub, 0, pub.Length, hash, 0, sig, 0, sigLength));

            TlsClient first = new TlsClient(t, TlsClientTests.Options());
            long start = DateTime.UtcNow.Ticks;
            first.Connect("localhost", 443);
            double fullMs = (DateTime.UtcNow.Ticks - start - server.ServerTicks) / 10000.0;
            TlsDiagnostics full = first.Diagnostics;
            long clientMuls = full.FieldMultiplications - server.ServerFieldMultiplications;
            Assert.IsFalse(full.Resumed);
            // keygen + ECDH + two verifications (leaf signature, ServerKeyExchange): each within its budget
            Assert.IsTrue(clientMuls > 1116 + 3253 && clientMuls <= 1200 + 3 * 3500, "client field multiplications " + clientMuls);
            TlsSession session = first.Session;
            first.Close();

            TlsClient second = new TlsClient(server.Reconnect(), TlsClientTests.Options());
            second.Session = session;
            server.ServerTicks = 0;
            server.ServerFieldMultiplications = 0;
            start = DateTime.UtcNow.Ticks;
            second.Connect("localhost", 443);
            double resumedMs = (DateTime.UtcNow.Ticks - start - server.ServerTicks) / 10000.0;
            Assert.IsTrue(second.Diagnostics.Resumed);
            Assert.AreEqual(0L, second.Diagnostics.FieldMultiplications - server.ServerFieldMultiplications);
            second.Close();

            OutputHelper.WriteLine("cost: TLS full handshake, client side " + fullMs.ToString("F1") + " ms, "
                + clientMuls + " field mul, " + (full.HandshakeBytesSent + full.HandshakeBytesReceived) + " B on the wire");
            OutputHelper.WriteLine("cost: TLS resumed handshake, client side " + resumedMs.ToString("F1") + " ms, 0 field mul");
        }
    }
}

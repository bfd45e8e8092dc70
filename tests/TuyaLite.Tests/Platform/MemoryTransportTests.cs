using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Platform
{
    [TestClass]
    public class MemoryTransportTests
    {
        private static MemoryTransport answeredWith;

        [TestMethod]
        public void WhatOneEndWritesTheOtherReads()
        {
            MemoryTransport a, b;
            MemoryTransport.CreatePair(16, out a, out b);
            a.Write(new byte[] { 1, 2, 3 }, 0, 3);
            Assert.AreEqual(3, b.Available);
            byte[] buf = new byte[10];
            Assert.AreEqual(3, b.Read(buf, 0, 10));
            Assert.AreEqual((byte)3, buf[2]);
            Assert.AreEqual(3L, a.BytesWritten);
            Assert.AreEqual(3L, b.BytesRead);
        }

        [TestMethod]
        public void RingWrapsAroundAndRefusesOverflow()
        {
            MemoryTransport a, b;
            MemoryTransport.CreatePair(8, out a, out b);
            byte[] buf = new byte[8];
            for (int round = 0; round < 5; round++)
            {
                a.Write(new byte[] { (byte)round, 1, 2, 3, 4, 5 }, 0, 6);
                Assert.AreEqual(6, b.Read(buf, 0, 8));
                Assert.AreEqual((byte)round, buf[0]);
                Assert.AreEqual((byte)5, buf[5]);
            }
            a.Write(new byte[8], 0, 8);
            Assert.ThrowsException(typeof(TransportException), () => a.Write(new byte[1], 0, 1));
        }

        [TestMethod]
        public void EmptyReadCallsStarvedThenTimesOutOrEnds()
        {
            MemoryTransport a, b;
            MemoryTransport.CreatePair(16, out a, out b);
            byte[] buf = new byte[4];
            Assert.ThrowsException(typeof(TransportTimeoutException), () => a.Read(buf, 0, 4));
            a.Starved = Answer;
            answeredWith = null;
            Assert.AreEqual(1, a.Read(buf, 0, 4));
            Assert.AreEqual((byte)42, buf[0]);
            Assert.AreSame(a, answeredWith);
            a.Starved = null;
            b.Close();
            Assert.AreEqual(0, a.Read(buf, 0, 4));
            Assert.IsFalse(a.IsConnected);
            Assert.ThrowsException(typeof(TransportException), () => a.Write(buf, 0, 1));
        }

        [TestMethod]
        public void MaxReadChunkLimitsEachRead()
        {
            MemoryTransport a, b;
            MemoryTransport.CreatePair(16, out a, out b);
            b.MaxReadChunk = 2;
            a.Write(new byte[] { 1, 2, 3, 4, 5 }, 0, 5);
            byte[] buf = new byte[5];
            Assert.AreEqual(2, b.Read(buf, 0, 5));
            Assert.AreEqual(2, b.Read(buf, 2, 3));
            Assert.AreEqual(1, b.Read(buf, 4, 1));
            Assert.AreEqual((byte)5, buf[4]);
        }

        private static void Answer(MemoryTransport reader)
        {
            answeredWith = reader;
            reader.Peer.Write(new byte[] { 42 }, 0, 1);
        }
    }
}

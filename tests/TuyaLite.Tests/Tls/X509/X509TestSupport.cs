using System;
using nanoFramework.TestFramework;
using TuyaLite.Platform;
using TuyaLite.Tls;

namespace TuyaLite.Tests.Tls.X509
{
    /// <summary>A clock the test sets: known at a fixed instant, or unknown (cold boot).</summary>
    public sealed class TestClock : IClock
    {
        public TestClock(DateTime now, bool known) { UtcNow = now; IsKnown = known; }
        public DateTime UtcNow { get; private set; }
        public bool IsKnown { get; private set; }
    }

    /// <summary>Static helpers shared by the X.509 tests (the device runner never instantiates test classes).</summary>
    public static class X509TestSupport
    {
        /// <summary>Inside every test certificate's validity except the expired/future variants.</summary>
        public static readonly DateTime Now = new DateTime(2026, 6, 1, 12, 0, 0);

        public static TestClock KnownClock() { return new TestClock(Now, true); }

        /// <summary>The error code of the TlsCertificateException action throws; fails when it throws nothing
        /// (or anything else, which propagates).</summary>
        public static int ErrorOf(Action action)
        {
            try
            {
                action();
            }
            catch (TlsCertificateException e)
            {
                return e.Error;
            }
            Assert.IsTrue(false, "expected a TlsCertificateException");
            return CertificateError.None;
        }

        public static void AssertError(int expected, Action action)
        {
            int actual = ErrorOf(action);
            Assert.AreEqual(CertificateError.Name(expected), CertificateError.Name(actual));
        }

        public static CertificateValidator ValidatorFor(string rootBase64)
        {
            return new CertificateValidator(new byte[][] { TestCerts.Der(rootBase64) });
        }

        /// <summary>Lays the chain out in one buffer at an odd offset (as in a handshake message) and validates it;
        /// returns the copied leaf public key.</summary>
        public static byte[] Validate(CertificateValidator validator, string host, IClock clock, string[] chainBase64)
        {
            int total = 7;
            byte[][] ders = new byte[chainBase64.Length][];
            for (int i = 0; i < ders.Length; i++)
            {
                ders[i] = TestCerts.Der(chainBase64[i]);
                total += ders[i].Length;
            }
            byte[] buf = new byte[total + 5];
            int[] offsets = new int[ders.Length];
            int[] lengths = new int[ders.Length];
            int o = 7;
            for (int i = 0; i < ders.Length; i++)
            {
                Array.Copy(ders[i], 0, buf, o, ders[i].Length);
                offsets[i] = o;
                lengths[i] = ders[i].Length;
                o += ders[i].Length;
            }
            byte[] key = new byte[70];
            validator.ValidateServerChain(buf, offsets, lengths, ders.Length, host, clock, key, 3);
            byte[] result = new byte[65];
            Array.Copy(key, 3, result, 0, 65);
            return result;
        }

        public static byte[] Validate(CertificateValidator validator, string host, string leafBase64)
        {
            return Validate(validator, host, KnownClock(), new string[] { leafBase64 });
        }
    }
}

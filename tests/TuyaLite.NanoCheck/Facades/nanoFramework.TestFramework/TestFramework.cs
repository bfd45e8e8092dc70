// Reference facade of nanoFramework.TestFramework 3.x (signatures only; see shared docs/nanoframework-api.md).
using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)] public sealed class TestClassAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class TestMethodAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class SetupAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method)] public sealed class CleanupAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Attribute { public DataRowAttribute(params object[] methodParameters) { } }

    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") { throw null; }
        public static void AreEqual(byte expected, byte actual, string message = "") { throw null; }
        public static void AreEqual(char expected, char actual, string message = "") { throw null; }
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") { throw null; }
        public static void AreEqual(double expected, double actual, string message = "") { throw null; }
        public static void AreEqual(float expected, float actual, string message = "") { throw null; }
        public static void AreEqual(int expected, int actual, string message = "") { throw null; }
        public static void AreEqual(long expected, long actual, string message = "") { throw null; }
        public static void AreEqual(object expected, object actual, string message = "") { throw null; }
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") { throw null; }
        public static void AreEqual(short expected, short actual, string message = "") { throw null; }
        public static void AreEqual(string expected, string actual, string message = "") { throw null; }
        public static void AreEqual(uint expected, uint actual, string message = "") { throw null; }
        public static void AreEqual(ulong expected, ulong actual, string message = "") { throw null; }
        public static void AreEqual(ushort expected, ushort actual, string message = "") { throw null; }
        public static void AreNotEqual(bool notExpected, bool actual, string message = "") { throw null; }
        public static void AreNotEqual(int notExpected, int actual, string message = "") { throw null; }
        public static void AreNotEqual(long notExpected, long actual, string message = "") { throw null; }
        public static void AreNotEqual(object notExpected, object actual, string message = "") { throw null; }
        public static void AreNotEqual(string notExpected, string actual, string message = "") { throw null; }
        public static void AreNotEqual(uint notExpected, uint actual, string message = "") { throw null; }
        public static void AreNotEqual(ulong notExpected, ulong actual, string message = "") { throw null; }
        public static void AreSame(object expected, object actual, string message = "") { throw null; }
        public static void AreNotSame(object notExpected, object actual, string message = "") { throw null; }
        public static void Contains(string expected, string value, string message = "") { throw null; }
        public static void DoesNotContains(string expected, string value, string message = "") { throw null; }
        public static void StartsWith(string expected, string value, string message = "") { throw null; }
        public static void EndsWith(string expected, string value, string message = "") { throw null; }
        public static void IsTrue(bool condition, string message = "") { throw null; }
        public static void IsFalse(bool condition, string message = "") { throw null; }
        public static void IsNull(object value, string message = "") { throw null; }
        public static void IsNotNull(object value, string message = "") { throw null; }
        public static void IsInstanceOfType(object value, Type expectedType, string message = "") { throw null; }
        public static void IsNotInstanceOfType(object value, Type wrongType, string message = "") { throw null; }
        public static void ThrowsException(Type exceptionType, Action action, string message = "") { throw null; }
        public static void SkipTest(string message = "") { throw null; }
    }

    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") { throw null; }
        public static void NotEmpty(ICollection collection, string message = "") { throw null; }
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") { throw null; }
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") { throw null; }
    }

    public static class OutputHelper
    {
        public static void WriteLine(string message) { throw null; }
        public static void Write(string message) { throw null; }
    }
}

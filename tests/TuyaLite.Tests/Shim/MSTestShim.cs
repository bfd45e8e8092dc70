// Host-only bridge: lets the device test sources (written for nanoFramework.TestFramework) compile and run under
// MSTest. The device-fit check excludes this folder; on a device the real TestFramework provides these names.
global using Microsoft.VisualStudio.TestTools.UnitTesting;
global using SetupAttribute = Microsoft.VisualStudio.TestTools.UnitTesting.TestInitializeAttribute;
global using CleanupAttribute = Microsoft.VisualStudio.TestTools.UnitTesting.TestCleanupAttribute;

using System;
using System.Collections;

[assembly: Parallelize(Scope = ExecutionScope.ClassLevel)]

namespace nanoFramework.TestFramework
{
    /// <summary>The TestFramework's console for test output.</summary>
    public static class OutputHelper
    {
        public static void WriteLine(string message) => Console.WriteLine(message);
        public static void Write(string message) => Console.Write(message);
    }

    /// <summary>Asserts the TestFramework has and MSTest 4 does not, with the TestFramework's semantics.</summary>
    public static class TestFrameworkAssertExtensions
    {
        extension(Assert)
        {
            /// <summary>Passes only when action throws exactly exceptionType (not a subclass).</summary>
            public static void ThrowsException(Type exceptionType, Action action, string message = "")
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    if (e.GetType() == exceptionType) return;
                    throw new AssertFailedException($"expected {exceptionType.Name}, got {e.GetType().Name}: {e.Message}. {message}");
                }
                throw new AssertFailedException($"expected {exceptionType.Name}, nothing was thrown. {message}");
            }

            public static void SkipTest(string message = "") => Assert.Inconclusive(message);

            public static void DoesNotContains(string expected, string value, string message = "") =>
                Assert.DoesNotContain(expected, value, message);
        }

        extension(CollectionAssert)
        {
            public static void Empty(ICollection collection, string message = "") =>
                Assert.AreEqual(0, collection.Count, message);

            public static void NotEmpty(ICollection collection, string message = "") =>
                Assert.AreNotEqual(0, collection.Count, message);
        }
    }
}

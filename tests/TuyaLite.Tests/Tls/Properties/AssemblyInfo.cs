using System.Reflection;

// Device test assembly of the TLS layer (NFUnitTest, run separately from ../TuyaLite.Tests.nfproj on a device).
// The host MSTest project compiles every test into one assembly and uses ../Properties/AssemblyInfo.cs instead.
[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("TuyaLite TLS device unit tests (nanoFramework.TestFramework on a device, MSTest on the host)")]
[assembly: AssemblyVersion("1.0.0.0")]

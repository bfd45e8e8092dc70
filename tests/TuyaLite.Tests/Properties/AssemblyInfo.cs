using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("TuyaLite device unit tests (nanoFramework.TestFramework on a device, MSTest on the host)")]
[assembly: AssemblyVersion("1.0.0.0")]

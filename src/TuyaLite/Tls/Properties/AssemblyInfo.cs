using System.Reflection;
using System.Runtime.CompilerServices;

// Device assembly TuyaLite.Tls (nanoFramework). The net10.0 build compiles every layer into one TuyaLite.dll and uses
// src/TuyaLite/Properties/AssemblyInfo.cs instead of this file.
[assembly: AssemblyTitle("TuyaLite.Tls")]
[assembly: AssemblyDescription("TuyaLite lightweight TLS 1.2 client and 2-level X.509 policy")]
[assembly: AssemblyProduct("TuyaLite")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
[assembly: InternalsVisibleTo("NFUnitTest")]

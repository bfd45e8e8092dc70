using System.Reflection;
using System.Runtime.CompilerServices;

// Device assembly TuyaLite.Platform (nanoFramework). The net10.0 build compiles every layer into one TuyaLite.dll and uses
// src/TuyaLite/Properties/AssemblyInfo.cs instead of this file.
[assembly: AssemblyTitle("TuyaLite.Platform")]
[assembly: AssemblyDescription("TuyaLite platform interfaces and byte helpers")]
[assembly: AssemblyProduct("TuyaLite")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
[assembly: InternalsVisibleTo("TuyaLite.Crypto")]
[assembly: InternalsVisibleTo("TuyaLite.Tls")]
[assembly: InternalsVisibleTo("TuyaLite.Nano")]
[assembly: InternalsVisibleTo("NFUnitTest")]

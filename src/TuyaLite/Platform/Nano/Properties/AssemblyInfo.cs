using System.Reflection;
using System.Runtime.CompilerServices;

// Device assembly TuyaLite.Nano (nanoFramework). The net10.0 build compiles every layer into one TuyaLite.dll and uses
// src/TuyaLite/Properties/AssemblyInfo.cs instead of this file.
[assembly: AssemblyTitle("TuyaLite.Nano")]
[assembly: AssemblyDescription("TuyaLite nanoFramework adapters: sockets, ESP32 entropy, native AES")]
[assembly: AssemblyProduct("TuyaLite")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]

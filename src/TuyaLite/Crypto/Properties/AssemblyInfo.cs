using System.Reflection;
using System.Runtime.CompilerServices;

// Device assembly TuyaLite.Crypto (nanoFramework). The net10.0 build compiles every layer into one TuyaLite.dll and uses
// src/TuyaLite/Properties/AssemblyInfo.cs instead of this file.
[assembly: AssemblyTitle("TuyaLite.Crypto")]
[assembly: AssemblyDescription("TuyaLite crypto core: SHA-256, HMAC, HKDF, TLS PRF, AES-128, GCM, CCM, P-256, HMAC-DRBG, DER")]
[assembly: AssemblyProduct("TuyaLite")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
[assembly: InternalsVisibleTo("TuyaLite.Tls")]
[assembly: InternalsVisibleTo("TuyaLite.Nano")]
[assembly: InternalsVisibleTo("NFUnitTest")]

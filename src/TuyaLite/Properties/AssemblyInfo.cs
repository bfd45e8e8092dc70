using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("TuyaLite")]
[assembly: AssemblyDescription("Lightweight TLS 1.2, HTTPS, MQTT and secure cloud protocol for .NET nanoFramework devices")]
[assembly: AssemblyProduct("TuyaLite")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
[assembly: InternalsVisibleTo("NFUnitTest")]
[assembly: InternalsVisibleTo("TuyaLite.IntegrationTests")]
[assembly: InternalsVisibleTo("TuyaLite.Benchmarks")]
[assembly: InternalsVisibleTo("tuyalite")]

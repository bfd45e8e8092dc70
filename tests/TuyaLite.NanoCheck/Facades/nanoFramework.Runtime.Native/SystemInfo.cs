// Reference facade of nanoFramework.Runtime.Native 1.7.11 (signatures only), verified in
// github.com/nanoframework/nanoFramework.Runtime.Native, nanoFramework.Runtime.Native/SystemInfo.cs (tag v1.7.11).
// Platform is "ESP32" on every ESP32 target (nf-interpreter targets/ESP32/*/target_common.h.in PLATFORMNAMESTRING).
namespace nanoFramework.Runtime.Native
{
    public static class SystemInfo
    {
        public static string Platform { get { throw null; } }
        public static string TargetName { get { throw null; } }
    }
}

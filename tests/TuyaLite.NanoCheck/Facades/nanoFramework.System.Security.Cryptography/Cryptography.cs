// Reference facade of nanoFramework.System.Security.Cryptography (signatures only; see shared docs/nanoframework-api.md,
// checked against nanoframework/System.Security.Cryptography: Aes.cs, CipherMode.cs, HMACSHA256.cs).
namespace System.Security.Cryptography
{
    public enum CipherMode
    {
        None = 0,
        CBC = 1,
        ECB = 2,
    }

    public class Aes
    {
        public Aes(CipherMode mode) { throw null; }
        public byte[] Key { get { throw null; } set { throw null; } }
        public byte[] IV { get { throw null; } set { throw null; } }
        public byte[] Encrypt(byte[] data) { throw null; }
        public byte[] Decrypt(byte[] data) { throw null; }
    }

    public class HMACSHA256
    {
        public HMACSHA256() { throw null; }
        public HMACSHA256(byte[] key) { throw null; }
        public byte[] Hash { get { throw null; } }
        public byte[] Key { get { throw null; } set { throw null; } }
        public byte[] ComputeHash(byte[] buffer) { throw null; }
    }
}

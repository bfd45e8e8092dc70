namespace TuyaLite.Platform
{
    /// <summary>
    /// Makes a fresh AES-128 block cipher engine. The default is the managed <c>Aes128</c>; a device with AES hardware
    /// passes a factory of its native engine (one engine per record direction is created per connection).
    /// </summary>
    public delegate IBlockCipher BlockCipherFactory();
}

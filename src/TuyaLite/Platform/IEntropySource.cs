namespace TuyaLite.Platform
{
    /// <summary>
    /// A source of unpredictable bytes used only to seed (and reseed) the HMAC-DRBG. On ESP32 this is the hardware RNG;
    /// on the host it is the operating system's CSPRNG. Never System.Random.
    /// </summary>
    public interface IEntropySource
    {
        /// <summary>Fills buffer[offset..offset+count) with entropy; throws if the source cannot deliver.</summary>
        void GetEntropy(byte[] buffer, int offset, int count);
    }
}

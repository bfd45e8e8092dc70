using System;
using nanoFramework.Runtime.Native;

namespace TuyaLite.Platform
{
    /// <summary>
    /// ESP32 entropy through the one managed path nanoFramework offers to the hardware RNG: System.Random. On every
    /// nanoFramework ESP32 target Random's native methods ignore the seed and call esp_random(), and NextBytes stores the
    /// low byte of one fresh esp_random() word per output byte (nf-interpreter targets/ESP32/_nanoCLR/targetRandom.cpp).
    /// esp_random() is a true RNG only while Wi-Fi/Bluetooth (or the SAR ADC noise source) is on: seed or reseed the
    /// DRBG after Wi-Fi is up. See docs/crypto/entropy.md. Never use System.Random like this on other targets: there it
    /// may be rand() seeded from the clock, so the constructor refuses any platform but "ESP32".
    /// </summary>
    public sealed class Esp32EntropySource : IEntropySource
    {
        /// <summary>
        /// Repetition count test (SP 800-90B 4.4.1) cutoff: 1 + ceil(40 / 8) for a false-alarm rate of 2^-40 with 8 bits
        /// per byte. It catches a dead or stuck source, not a weak one.
        /// </summary>
        public const int RepetitionCutoff = 6;

        private const int ChunkSize = 32;
        private readonly Random _hardware;
        private readonly byte[] _chunk = new byte[ChunkSize];
        private int _lastByte = -1;
        private int _run;

        public Esp32EntropySource()
        {
            string platform = SystemInfo.Platform;
            if (platform != "ESP32")
                throw new NotSupportedException("Esp32EntropySource needs a nanoFramework ESP32 target, not " + platform);
            _hardware = new Random();
        }

        public void GetEntropy(byte[] buffer, int offset, int count)
        {
            Bytes.CheckRange(buffer, offset, count, nameof(buffer));
            lock (_chunk)
            {
                while (count > 0)
                {
                    _hardware.NextBytes(_chunk);
                    CheckRepetitions();
                    int take = count < ChunkSize ? count : ChunkSize;
                    Array.Copy(_chunk, 0, buffer, offset, take);
                    offset += take;
                    count -= take;
                }
                Array.Clear(_chunk, 0, ChunkSize);
            }
        }

        private void CheckRepetitions()
        {
            for (int i = 0; i < ChunkSize; i++)
            {
                int v = _chunk[i];
                if (v != _lastByte)
                {
                    _lastByte = v;
                    _run = 1;
                }
                else if (++_run >= RepetitionCutoff)
                {
                    _run = 0;
                    _lastByte = -1;
                    Array.Clear(_chunk, 0, ChunkSize);
                    throw new InvalidOperationException("ESP32 RNG health test failed: the same byte repeated " + RepetitionCutoff + " times");
                }
            }
        }
    }
}

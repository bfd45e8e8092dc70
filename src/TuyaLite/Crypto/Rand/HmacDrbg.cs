using System;
using TuyaLite.Platform;

namespace TuyaLite.Crypto
{
    /// <summary>
    /// HMAC_DRBG with SHA-256 (NIST SP 800-90A rev. 1, section 10.1.2), security strength 256 bits, seeded and reseeded
    /// from an IEntropySource. Instantiation reads 48 bytes (32 of entropy input + a 16-byte nonce); every reseed reads
    /// 32. After ReseedInterval generate requests the next request first reseeds from the source on its own. Prediction
    /// resistance is not offered: call Reseed when fresh entropy matters (e.g. once Wi-Fi is up, see docs/crypto/entropy.md).
    /// Thread-safe (one lock per call); allocation-free after construction (about 0.65 KB including its HmacSha256).
    /// Clear wipes the state when the generator is retired.
    /// </summary>
    public sealed class HmacDrbg : IRandom
    {
        public const int SecurityStrengthBytes = 32;
        /// <summary>Entropy input (32) + nonce (16) read from the source at instantiation.</summary>
        public const int InstantiateEntropyBytes = 48;
        public const int ReseedEntropyBytes = 32;
        /// <summary>Generate requests between automatic reseeds: 2^20, far below SP 800-90A's 2^48 limit.</summary>
        public const int ReseedInterval = 1 << 20;
        /// <summary>SP 800-90A's max_number_of_bits_per_request (2^19 bits); NextBytes splits larger fills into requests.</summary>
        public const int MaxBytesPerRequest = 65536;

        private const int OutLen = Sha256.HashSize;
        private static readonly byte[] Empty = new byte[0];

        private readonly object _sync = new object();
        private readonly IEntropySource _entropy;
        private readonly int _reseedInterval;
        private readonly HmacSha256 _hmac = new HmacSha256();
        private readonly byte[] _key = new byte[OutLen];
        private readonly byte[] _v = new byte[OutLen];
        private readonly byte[] _seed = new byte[InstantiateEntropyBytes];
        private int _reseedCounter;

        public HmacDrbg(IEntropySource entropy, byte[] personalization) : this(entropy, personalization, ReseedInterval) { }

        /// <summary>As above with a shorter reseed interval (1..ReseedInterval requests) for devices that prefer it.</summary>
        public HmacDrbg(IEntropySource entropy, byte[] personalization, int reseedInterval)
        {
            if (entropy == null) throw new ArgumentNullException(nameof(entropy));
            if (reseedInterval < 1 || reseedInterval > ReseedInterval) throw new ArgumentOutOfRangeException(nameof(reseedInterval));
            _entropy = entropy;
            _reseedInterval = reseedInterval;
            if (personalization == null) personalization = Empty;
            try
            {
                _entropy.GetEntropy(_seed, 0, InstantiateEntropyBytes);
                Instantiate(_seed, 0, InstantiateEntropyBytes, personalization, 0, personalization.Length);
            }
            finally
            {
                Array.Clear(_seed, 0, _seed.Length);   // also after a source that failed halfway through
            }
        }

        /// <summary>
        /// Known-answer instantiation (NIST CAVP): seed material = entropyInput || nonce || personalization, given
        /// explicitly. reseedSource may be null (then automatic and Reseed(additionalInput) reseeds throw).
        /// </summary>
        internal HmacDrbg(byte[] entropyInput, byte[] nonce, byte[] personalization, IEntropySource reseedSource, int reseedInterval)
        {
            if (entropyInput == null) throw new ArgumentNullException(nameof(entropyInput));
            if (nonce == null) throw new ArgumentNullException(nameof(nonce));
            if (entropyInput.Length < SecurityStrengthBytes) throw new ArgumentException("entropy input shorter than the security strength");
            if (reseedInterval < 1 || reseedInterval > ReseedInterval) throw new ArgumentOutOfRangeException(nameof(reseedInterval));
            _entropy = reseedSource;
            _reseedInterval = reseedInterval;
            if (personalization == null) personalization = Empty;
            byte[] seed = new byte[entropyInput.Length + nonce.Length];
            Array.Copy(entropyInput, 0, seed, 0, entropyInput.Length);
            Array.Copy(nonce, 0, seed, entropyInput.Length, nonce.Length);
            Instantiate(seed, 0, seed.Length, personalization, 0, personalization.Length);
            Array.Clear(seed, 0, seed.Length);
        }

        /// <summary>Generate requests made since the last (re)seed plus one, as SP 800-90A counts it.</summary>
        internal int ReseedCounter { get { return _reseedCounter; } }

        /// <summary>Fills the range; requests above MaxBytesPerRequest are split into several generate requests; an empty range generates nothing.</summary>
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            NextBytes(buffer, offset, count, null, 0, 0);
        }

        /// <summary>
        /// Generate with additional input (SP 800-90A 10.1.2.5); additionalInput may be null (count 0). Every request
        /// of a split fill receives the same additional input.
        /// </summary>
        public void NextBytes(byte[] buffer, int offset, int count, byte[] additionalInput, int additionalOffset, int additionalCount)
        {
            Bytes.CheckRange(buffer, offset, count, nameof(buffer));
            Bytes.CheckOptionalRange(additionalInput, additionalOffset, additionalCount, nameof(additionalInput));
            lock (_sync)
            {
                RequireState();
                while (count > 0)
                {
                    int request = count > MaxBytesPerRequest ? MaxBytesPerRequest : count;
                    Generate(buffer, offset, request, additionalInput, additionalOffset, additionalCount);
                    offset += request;
                    count -= request;
                }
            }
        }

        /// <summary>Reseeds from the entropy source, mixing in additionalInput (may be null).</summary>
        public void Reseed(byte[] additionalInput)
        {
            Reseed(additionalInput, 0, additionalInput == null ? 0 : additionalInput.Length);
        }

        public void Reseed(byte[] additionalInput, int offset, int count)
        {
            Bytes.CheckOptionalRange(additionalInput, offset, count, nameof(additionalInput));
            lock (_sync)
            {
                RequireState();
                ReseedFromSource(additionalInput, offset, count);
            }
        }

        /// <summary>Wipes K, V and the keyed HMAC; the instance refuses every later request (InvalidOperationException).</summary>
        public void Clear()
        {
            lock (_sync)
            {
                _hmac.Clear();
                Array.Clear(_key, 0, OutLen);
                Array.Clear(_v, 0, OutLen);
                Array.Clear(_seed, 0, _seed.Length);
                _reseedCounter = 0;
            }
        }

        /// <summary>True after Clear: no key material left in the instance.</summary>
        internal bool IsCleared
        {
            get
            {
                int any = 0;
                for (int i = 0; i < OutLen; i++) any |= _key[i] | _v[i];
                return !_hmac.IsKeyed && any == 0;
            }
        }

        /// <summary>Known-answer reseed with explicit entropy input (NIST CAVP).</summary>
        internal void Reseed(byte[] entropyInput, byte[] additionalInput)
        {
            if (entropyInput == null) throw new ArgumentNullException(nameof(entropyInput));
            if (additionalInput == null) additionalInput = Empty;
            lock (_sync)
            {
                RequireState();
                UpdateState(entropyInput, 0, entropyInput.Length, additionalInput, 0, additionalInput.Length);
                _reseedCounter = 1;
            }
        }

        private void Instantiate(byte[] seed, int seedOffset, int seedCount, byte[] pers, int persOffset, int persCount)
        {
            // Key = 0x00..00, V = 0x01..01, then Update(entropy || nonce || personalization).
            for (int i = 0; i < OutLen; i++) { _key[i] = 0x00; _v[i] = 0x01; }
            _hmac.SetKey(_key, 0, OutLen);
            UpdateState(seed, seedOffset, seedCount, pers, persOffset, persCount);
            _reseedCounter = 1;
        }

        private void ReseedFromSource(byte[] additionalInput, int offset, int count)
        {
            if (_entropy == null) throw new InvalidOperationException("HMAC-DRBG has no entropy source to reseed from");
            try
            {
                _entropy.GetEntropy(_seed, 0, ReseedEntropyBytes);
                UpdateState(_seed, 0, ReseedEntropyBytes, additionalInput, offset, count);
            }
            finally
            {
                Array.Clear(_seed, 0, ReseedEntropyBytes);
            }
            _reseedCounter = 1;
        }

        /// <summary>SP 800-90A 10.1.2.5 for one request of at most MaxBytesPerRequest bytes.</summary>
        private void Generate(byte[] output, int offset, int count, byte[] additionalInput, int additionalOffset, int additionalCount)
        {
            if (_reseedCounter > _reseedInterval)
            {
                // The reseed consumes the additional input (SP 800-90A 9.3.1 step 7).
                ReseedFromSource(additionalInput, additionalOffset, additionalCount);
                additionalInput = Empty;
                additionalOffset = 0;
                additionalCount = 0;
            }
            else if (additionalCount > 0)
            {
                UpdateState(additionalInput, additionalOffset, additionalCount, Empty, 0, 0);
            }

            HmacSha256 hmac = _hmac;   // keyed with K since K last changed
            while (count > 0)
            {
                hmac.Update(_v, 0, OutLen);
                hmac.Final(_v, 0);
                int take = count < OutLen ? count : OutLen;
                Array.Copy(_v, 0, output, offset, take);
                offset += take;
                count -= take;
            }
            UpdateState(additionalInput, additionalOffset, additionalCount, Empty, 0, 0);
            _reseedCounter++;
        }

        /// <summary>HMAC_DRBG_Update (10.1.2.2) with provided_data = d1 || d2.</summary>
        private void UpdateState(byte[] d1, int o1, int n1, byte[] d2, int o2, int n2)
        {
            UpdateRound(0x00, d1, o1, n1, d2, o2, n2);
            if (n1 + n2 == 0) return;
            UpdateRound(0x01, d1, o1, n1, d2, o2, n2);
        }

        /// <summary>
        /// Key = HMAC(Key, V || separator || provided_data); V = HMAC(Key, V). The HMAC is keyed with Key on entry and
        /// re-keyed only when Key changes (SetKey costs two compressions).
        /// </summary>
        private void UpdateRound(byte separator, byte[] d1, int o1, int n1, byte[] d2, int o2, int n2)
        {
            HmacSha256 hmac = _hmac;
            hmac.Update(_v, 0, OutLen);
            hmac.Update(separator);
            if (n1 > 0) hmac.Update(d1, o1, n1);
            if (n2 > 0) hmac.Update(d2, o2, n2);
            hmac.Final(_key, 0);
            hmac.SetKey(_key, 0, OutLen);
            hmac.Update(_v, 0, OutLen);
            hmac.Final(_v, 0);
        }

        /// <summary>The HMAC is keyed from instantiation until Clear.</summary>
        private void RequireState()
        {
            if (!_hmac.IsKeyed) throw new InvalidOperationException("HMAC-DRBG was cleared");
        }
    }
}

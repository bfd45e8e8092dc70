using System;
using System.Collections;
using TuyaLite.Platform;

namespace TuyaLite.Tests.Tls
{
    /// <summary>An IStorage kept in memory (tests): keys and values in two parallel lists.</summary>
    public sealed class MemoryStorage : IStorage
    {
        private readonly ArrayList keys = new ArrayList();
        private readonly ArrayList values = new ArrayList();
        public int Writes;

        public int Read(string key, byte[] buffer, int offset, int count)
        {
            int i = keys.IndexOf(key);
            if (i < 0) return -1;
            byte[] v = (byte[])values[i];
            if (v.Length > count) throw new ArgumentException("buffer too small");
            Array.Copy(v, 0, buffer, offset, v.Length);
            return v.Length;
        }

        public void Write(string key, byte[] buffer, int offset, int count)
        {
            byte[] v = new byte[count];
            Array.Copy(buffer, offset, v, 0, count);
            int i = keys.IndexOf(key);
            if (i < 0)
            {
                keys.Add(key);
                values.Add(v);
            }
            else values[i] = v;
            Writes++;
        }

        public void Delete(string key)
        {
            int i = keys.IndexOf(key);
            if (i < 0) return;
            keys.RemoveAt(i);
            values.RemoveAt(i);
        }

        public bool Contains(string key) { return keys.IndexOf(key) >= 0; }

        public byte[] Get(string key)
        {
            int i = keys.IndexOf(key);
            return i < 0 ? null : (byte[])values[i];
        }
    }
}

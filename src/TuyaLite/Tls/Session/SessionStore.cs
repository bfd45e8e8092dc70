using System;
using TuyaLite.Platform;

namespace TuyaLite.Tls
{
    /// <summary>Keeps one <see cref="TlsSession"/> under a key of an <see cref="IStorage"/> (resumption after a reboot).</summary>
    internal static class SessionStore
    {
        /// <summary>The stored session, or null when absent or unreadable (an unreadable blob is deleted).</summary>
        public static TlsSession Load(IStorage storage, string key, int maxTicketSize)
        {
            byte[] buf = new byte[MaxExportedSize(maxTicketSize)];
            int n;
            try
            {
                n = storage.Read(key, buf, 0, buf.Length);
            }
            catch (Exception)
            {
                // Too big for the current limits (or a storage fault): start afresh rather than fail the connection.
                Forget(storage, key);
                return null;
            }
            if (n <= 0) return null;
            try
            {
                return TlsSession.Import(buf, 0, n);
            }
            catch (FormatException)
            {
                Forget(storage, key);
                return null;
            }
            finally
            {
                Bytes.Wipe(buf);
            }
        }

        public static void Save(IStorage storage, string key, TlsSession session)
        {
            byte[] blob = session.Export();
            try
            {
                storage.Write(key, blob, 0, blob.Length);
            }
            finally
            {
                Bytes.Wipe(blob);
            }
        }

        public static void Forget(IStorage storage, string key)
        {
            try
            {
                storage.Delete(key);
            }
            catch (Exception)
            {
                // Best effort: a session that cannot be deleted is at worst offered once more and refused by the server.
            }
        }

        /// <summary>Largest blob for a ticket limit: fixed fields + 32-byte ID + ticket + 255-byte name.</summary>
        public static int MaxExportedSize(int maxTicketSize)
        {
            return 1 + 2 + 1 + 2 + TlsConstants.MasterSecretSize + 1 + TlsConstants.MaxSessionIdSize + 2 + maxTicketSize + 4 + 1 + 255 + 16;
        }
    }
}

namespace TuyaLite.Tls
{
    /// <summary>
    /// Recognises an IP-literal host name (matched only against iPAddress subjectAltNames, never against dNSNames):
    /// IPv4 dotted quad (four decimal parts 0..255, no leading zeros) or IPv6 text (RFC 4291 2.2: hex groups, one "::",
    /// an optional dotted IPv4 tail), optionally inside [ ]. No allocation.
    /// </summary>
    public static class IpAddressText
    {
        public const int NotAnAddress = 0;
        public const int Invalid = -1;

        /// <summary>
        /// Parses s into output[offset..] (16 bytes must fit). Returns 4 or 16 (the address length), <see cref="NotAnAddress"/>
        /// when s does not look like an IP literal (a DNS name), or <see cref="Invalid"/> when it looks like one but is not
        /// valid (e.g. "1.2.3.256", "1:2"), which the policy refuses rather than treating as a DNS name.
        /// </summary>
        public static int Parse(string s, byte[] output, int offset)
        {
            if (s == null || s.Length == 0) return NotAnAddress;
            int start = 0, end = s.Length;
            bool hasColon = false, onlyDigitsAndDots = true;
            for (int i = 0; i < end; i++)
            {
                char c = s[i];
                if (c == ':') hasColon = true;
                if (!((c >= '0' && c <= '9') || c == '.')) onlyDigitsAndDots = false;
            }
            if (hasColon)
            {
                if (s[0] == '[')
                {
                    if (s[end - 1] != ']') return Invalid;
                    start = 1;
                    end--;
                }
                return ParseV6(s, start, end, output, offset) ? 16 : Invalid;
            }
            if (onlyDigitsAndDots) return ParseV4(s, start, end, output, offset) ? 4 : Invalid;
            return NotAnAddress;
        }

        private static bool ParseV4(string s, int start, int end, byte[] output, int offset)
        {
            int part = 0, i = start;
            while (true)
            {
                if (part == 4) return false;
                int digits = 0, value = 0;
                while (i < end && s[i] >= '0' && s[i] <= '9')
                {
                    if (digits == 1 && value == 0) return false;   // leading zero
                    value = value * 10 + (s[i] - '0');
                    if (++digits > 3 || value > 255) return false;
                    i++;
                }
                if (digits == 0) return false;
                output[offset + part++] = (byte)value;
                if (i == end) return part == 4;
                if (s[i] != '.') return false;
                i++;
            }
        }

        private static bool ParseV6(string s, int start, int end, byte[] output, int offset)
        {
            int groups = 0, gap = -1, i = start;
            if (end - start >= 2 && s[start] == ':' && s[start + 1] == ':')
            {
                gap = 0;
                i += 2;
            }
            else if (i < end && s[i] == ':')
            {
                return false;
            }
            while (i < end)
            {
                int j = i;
                bool dotted = false;
                while (j < end && s[j] != ':')
                {
                    if (s[j] == '.') dotted = true;
                    j++;
                }
                if (dotted)
                {
                    // IPv4 tail: last piece, takes two groups.
                    if (j != end || groups > 6 || !ParseV4(s, i, j, output, offset + groups * 2)) return false;
                    groups += 2;
                    i = j;
                    break;
                }
                int len = j - i;
                if (len == 0 || len > 4 || groups == 8) return false;
                int value = 0;
                for (int k = i; k < j; k++)
                {
                    int h = HexValue(s[k]);
                    if (h < 0) return false;
                    value = (value << 4) | h;
                }
                output[offset + groups * 2] = (byte)(value >> 8);
                output[offset + groups * 2 + 1] = (byte)value;
                groups++;
                if (j == end) { i = j; break; }
                if (j + 1 < end && s[j + 1] == ':')
                {
                    if (gap >= 0) return false;
                    gap = groups;
                    i = j + 2;
                }
                else
                {
                    i = j + 1;
                    if (i == end) return false;   // trailing single ':'
                }
            }
            if (gap < 0) return groups == 8;
            if (groups > 7) return false;
            // Move the groups after "::" to the end and zero the gap.
            int tail = (groups - gap) * 2;
            int from = offset + gap * 2, to = offset + 16 - tail;
            for (int k = tail - 1; k >= 0; k--) output[to + k] = output[from + k];
            for (int k = from; k < to; k++) output[k] = 0;
            return true;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            if (c >= 'A' && c <= 'F') return c - 'A' + 10;
            return -1;
        }
    }
}

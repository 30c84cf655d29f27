using System.Text;

namespace MailLab.Protocol.Imap;

/// <summary>
/// Mailbox names in modified UTF-7 (RFC 3501 §5.1.3), as IMAP4rev1 clients send and expect them;
/// IMAP4rev2 and UTF8=ACCEPT clients use UTF-8 (RFC 9051 §5.1, RFC 6855 §3).
/// </summary>
internal static class ModifiedUtf7
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

    public static string Encode(string name)
    {
        var sb = new StringBuilder();
        var pending = new List<char>();
        foreach (var c in name)
        {
            if (c >= 0x20 && c <= 0x7e)
            {
                Flush(sb, pending);
                sb.Append(c == '&' ? "&-" : c.ToString());
            }
            else
            {
                pending.Add(c);
            }
        }

        Flush(sb, pending);
        return sb.ToString();
    }

    /// <summary>Decodes a name; false when it is not valid modified UTF-7 (the name is then taken as it is).</summary>
    public static bool TryDecode(string name, out string decoded)
    {
        decoded = name;
        if (!name.Contains('&'))
        {
            return true;
        }

        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] != '&')
            {
                sb.Append(name[i]);
                continue;
            }

            var end = name.IndexOf('-', i + 1);
            if (end < 0)
            {
                return false;
            }

            if (end == i + 1)
            {
                sb.Append('&');
                i = end;
                continue;
            }

            var bits = 0;
            var value = 0;
            var bytes = new List<byte>();
            for (var j = i + 1; j < end; j++)
            {
                var index = Alphabet.IndexOf(name[j]);
                if (index < 0)
                {
                    return false;
                }

                value = (value << 6) | index;
                bits += 6;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes.Add((byte)(value >> bits));
                    value &= (1 << bits) - 1;
                }
            }

            if (bytes.Count % 2 != 0)
            {
                return false;
            }

            sb.Append(Encoding.BigEndianUnicode.GetString(bytes.ToArray()));
            i = end;
        }

        decoded = sb.ToString();
        return true;
    }

    private static void Flush(StringBuilder sb, List<char> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var bytes = Encoding.BigEndianUnicode.GetBytes(pending.ToArray());
        sb.Append('&');
        var bits = 0;
        var value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
            bits += 8;
            while (bits >= 6)
            {
                bits -= 6;
                sb.Append(Alphabet[(value >> bits) & 0x3f]);
            }
        }

        if (bits > 0)
        {
            sb.Append(Alphabet[(value << (6 - bits)) & 0x3f]);
        }

        sb.Append('-');
        pending.Clear();
    }
}

using System.Text;

namespace MailLab.Protocol.Tests.Harness;

/// <summary>
/// Feeds bytes to a sans-I/O session whole, byte by byte, or cut at chosen offsets, and remembers
/// how many it left unconsumed. The SMTP and POP3 drivers supply <see cref="Feed"/>.
/// </summary>
internal abstract class ByteFeedingDriver
{
    /// <summary>Octets the session did not consume in the last send.</summary>
    public int LastUnconsumed { get; private set; }

    /// <summary>Feeds bytes; returns how many the session consumed.</summary>
    public int Send(ReadOnlySpan<byte> bytes, FeedMode mode = FeedMode.Whole)
    {
        var consumed = 0;
        if (mode == FeedMode.Whole)
        {
            consumed = Feed(bytes);
        }
        else
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var taken = Feed(bytes.Slice(i, 1));
                consumed += taken;
                if (taken == 0)
                {
                    break;
                }
            }
        }

        LastUnconsumed = bytes.Length - consumed;
        return consumed;
    }

    /// <summary>Feeds text as UTF-8 bytes.</summary>
    public int Send(string text, FeedMode mode = FeedMode.Whole) => Send(Encoding.UTF8.GetBytes(text), mode);

    /// <summary>Feeds bytes cut at the given offsets (ascending); returns how many were consumed.</summary>
    public int SendSplit(ReadOnlySpan<byte> bytes, params int[] splitPoints)
    {
        var consumed = 0;
        var start = 0;
        foreach (var point in splitPoints.Append(bytes.Length))
        {
            var piece = bytes[start..point];
            var taken = Feed(piece);
            consumed += taken;
            start = point;
            if (taken < piece.Length)
            {
                break;
            }
        }

        LastUnconsumed = bytes.Length - consumed;
        return consumed;
    }

    /// <summary>Hands bytes to the session and collects its output; returns how many it consumed.</summary>
    protected abstract int Feed(ReadOnlySpan<byte> bytes);
}

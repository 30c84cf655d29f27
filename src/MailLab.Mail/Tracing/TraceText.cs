using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace MailLab.Mail.Tracing;

/// <summary>
/// A trace event's text, written straight as UTF-8 from an interpolated string
/// (<c>trace.Append(host, kind, $"Queued {id} for {recipients}")</c>): the stage ring keeps texts as
/// UTF-8, so most events never become a string at all. Numbers and other values are formatted as
/// string interpolation would (current culture, the same format strings). Dispose gives the rented
/// buffer back (TraceLog does it).
/// </summary>
[InterpolatedStringHandler]
public ref struct TraceText
{
    private byte[] _buffer;
    private int _length;

    public TraceText(int literalLength, int formattedCount)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(64, literalLength + (formattedCount * 16)));
        _length = 0;
    }

    /// <summary>The text written so far.</summary>
    public readonly ReadOnlySpan<byte> Utf8 => _buffer.AsSpan(0, _length);

    public void AppendLiteral(string value) => AppendFormatted(value.AsSpan());

    public void AppendFormatted(string? value) => AppendFormatted(value.AsSpan());

    public void AppendFormatted(ReadOnlySpan<char> value)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(value.Length));
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length));
    }

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        // The cast after the type test is how the JIT avoids boxing a value type here.
        if (value is IUtf8SpanFormattable)
        {
            int written;
            while (!((IUtf8SpanFormattable)value).TryFormat(_buffer.AsSpan(_length), out written, format, null))
            {
                Ensure(_buffer.Length);
            }

            _length += written;
            return;
        }

        AppendFormatted(value is IFormattable f ? f.ToString(format, null) : value?.ToString());
    }

    /// <summary>Gives the rented buffer back; the text is gone after this.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
            _length = 0;
        }
    }

    public override readonly string ToString() => Encoding.UTF8.GetString(Utf8);

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}

using System.Text;
using MailKit;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Common;
using MailLab.Protocol.Smtp;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// Feeds MailKit's protocol log of an outgoing hop into the trace, line by line, with message
/// content summarised as an octet count and AUTH secrets redacted (MailKit's secret detector).
/// </summary>
internal sealed class TraceProtocolLogger : IProtocolLogger
{
    private readonly TraceLog _trace;
    private readonly string _host;
    private readonly string _peer;
    private readonly string _traceId;
    private readonly PooledByteBuffer _discard = new(0);

    /// <summary>
    /// While MailKit sends DATA's content: reads it as the receiving server does, so the hop's two
    /// transcripts count the same octets (without the dot-stuffing and the final ".").
    /// </summary>
    private DotUnstuffer? _content;

    /// <summary>A BDAT chunk's octets (no stuffing there), counted from the lines written with its command.</summary>
    private long _dataOctets;

    public TraceProtocolLogger(TraceLog trace, string host, string peer, string traceId)
    {
        _trace = trace;
        _host = host;
        _peer = peer;
        _traceId = traceId;
        SessionId = trace.NewSessionId();
    }

    public long SessionId { get; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri) =>
        Append(TraceKind.ConnectionOpened, $"Connection to {_peer}");

    public void LogClient(byte[] buffer, int offset, int count)
    {
        if (_content is { } content)
        {
            // Nothing is stored (limit 0): the unstuffer only counts.
            content.Feed(buffer.AsSpan(offset, count), _discard, storeLimit: 0);
            return;
        }

        var text = Encoding.UTF8.GetString(buffer, offset, count);
        var secrets = AuthenticationSecretDetector?.DetectSecrets(buffer, offset, count) ?? [];
        if (secrets.Count > 0)
        {
            var chars = text.ToCharArray();
            foreach (var secret in secrets)
            {
                for (var i = secret.StartIndex - offset; i < secret.StartIndex - offset + secret.Length && i < chars.Length; i++)
                {
                    chars[i] = '*';
                }
            }

            text = new string(chars);
        }

        var first = true;
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first && text.StartsWith("BDAT ", StringComparison.OrdinalIgnoreCase))
            {
                // BDAT's chunk follows its command in the same write: count it, do not log it.
                _dataOctets += Encoding.UTF8.GetByteCount(line) + 2;
                continue;
            }

            first = false;
            Append(TraceKind.ClientLine, line);
        }

        if (_dataOctets > 0 && text.StartsWith("BDAT ", StringComparison.OrdinalIgnoreCase))
        {
            AppendContent(_dataOctets);
            _dataOctets = 0;
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (_content is { } content)
        {
            AppendContent(content.ContentLength);
            _content = null;
        }

        var text = Encoding.UTF8.GetString(buffer, offset, count).TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal);
        Append(TraceKind.ServerReply, text);
        if (text.StartsWith("354", StringComparison.Ordinal))
        {
            _content = new DotUnstuffer();
        }
    }

    public void Dispose()
    {
        Append(TraceKind.ConnectionClosed, "Connection closed");
        _discard.Dispose();
    }

    private void AppendContent(long octets)
    {
        if (_trace.RecordTranscripts)
        {
            _trace.AppendContent(_host, octets, SessionId, _traceId, _peer);
        }
    }

    private void Append(TraceKind kind, string text)
    {
        if (_trace.RecordTranscripts)
        {
            _trace.Append(_host, kind, text, SessionId, _traceId, peer: _peer);
        }
    }
}

using System.Text;
using MailKit;
using MailLab.Mail.Tracing;
using MailLab.Protocol.Common;
using MailLab.Protocol.Smtp;

namespace MailLab.Hosting.Smtp;

/// <summary>
/// Feeds MailKit's protocol log of an outgoing hop into the trace, line by line, with message
/// content summarised as an octet count and AUTH secrets redacted (MailKit's secret detector).
/// The lines go through the same <see cref="SessionTraceObserver"/> as the in-process client's, so
/// each message's transaction carries its trace (<see cref="TraceId"/>) and the rest is the connection's.
/// </summary>
internal sealed class TraceProtocolLogger : IProtocolLogger
{
    private readonly SessionTraceObserver _observer;
    private readonly string _peer;
    private readonly PooledByteBuffer _discard = new(0);

    /// <summary>
    /// While MailKit sends DATA's content: reads it as the receiving server does, so the hop's two
    /// transcripts count the same octets (without the dot-stuffing and the final ".").
    /// </summary>
    private DotUnstuffer? _content;

    /// <summary>A BDAT chunk's octets (no stuffing there), counted from the lines written with its command.</summary>
    private long _dataOctets;

    public TraceProtocolLogger(TraceLog trace, string host, string peer)
    {
        _peer = peer;
        SessionId = trace.NewSessionId();
        _observer = new SessionTraceObserver(trace, host, SessionId, peer, outbound: true, () => TraceId);
    }

    public long SessionId { get; }

    /// <summary>The trace of the message being sent now: the one a transaction that starts belongs to.</summary>
    public string? TraceId { get; set; }

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri) => _observer.OnConnectionOpened($"Connection to {_peer}");

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
            _observer.OnClientLine(line);
        }

        if (_dataOctets > 0 && text.StartsWith("BDAT ", StringComparison.OrdinalIgnoreCase))
        {
            _observer.OnClientData(_dataOctets);
            _dataOctets = 0;
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (_content is { } content)
        {
            _observer.OnClientData(content.ContentLength);
            _content = null;
        }

        var text = Encoding.UTF8.GetString(buffer, offset, count).TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal);
        _observer.OnServerReply(text);
        if (text.StartsWith("354", StringComparison.Ordinal))
        {
            _content = new DotUnstuffer();
        }
    }

    public void Dispose()
    {
        _observer.OnConnectionClosed();
        _discard.Dispose();
    }
}

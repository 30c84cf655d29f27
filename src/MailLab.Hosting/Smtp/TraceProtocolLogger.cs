using System.Text;
using MailKit;
using MailLab.Mail.Tracing;

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
    private bool _inData;
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
        if (_inData)
        {
            _dataOctets += count;
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
            Append(TraceKind.ClientData, $"({_dataOctets} octets of message content)");
            _dataOctets = 0;
        }
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        if (_inData)
        {
            Append(TraceKind.ClientData, $"({_dataOctets} octets of message content)");
            _inData = false;
            _dataOctets = 0;
        }

        var text = Encoding.UTF8.GetString(buffer, offset, count).TrimEnd('\r', '\n').Replace("\r\n", "\n", StringComparison.Ordinal);
        Append(TraceKind.ServerReply, text);
        if (text.StartsWith("354", StringComparison.Ordinal))
        {
            _inData = true;
        }
    }

    public void Dispose()
    {
        Append(TraceKind.ConnectionClosed, "Connection closed");
    }

    private void Append(TraceKind kind, string text)
    {
        if (_trace.RecordTranscripts)
        {
            _trace.Append(_host, kind, text, SessionId, _traceId, peer: _peer);
        }
    }
}

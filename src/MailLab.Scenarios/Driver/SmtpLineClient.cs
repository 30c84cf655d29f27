using System.Net.Security;
using System.Text;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// A plain SMTP client over any stream, a line at a time, as a student would type it: it sends one
/// line with CRLF and reads one whole reply (every continuation line). It can switch to TLS after
/// a 220 to STARTTLS. Reads wait at most <see cref="ReplyTimeout"/> of real time, so a server
/// that never answers fails the step instead of hanging the run.
/// </summary>
public sealed class SmtpLineClient : IAsyncDisposable
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private Stream _stream;
    private readonly List<byte> _pending = [];
    private readonly byte[] _buffer = new byte[8192];
    private int _bufferStart;
    private int _bufferEnd;

    public SmtpLineClient(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>True once the server has closed the connection (a read found its end).</summary>
    public bool Closed { get; private set; }

    /// <summary>Reads one reply; null when the server closed the connection first.</summary>
    public async Task<ServerReply?> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync().ConfigureAwait(false);
            if (line is null)
            {
                return lines.Count == 0 ? null : new ServerReply(Code(lines[0]), lines);
            }

            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return new ServerReply(Code(lines[0]), lines);
            }
        }
    }

    /// <summary>Sends one line (CRLF is added). Returns false when the server has already gone.</summary>
    public async Task<bool> SendLineAsync(string line)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReplyTimeout, TimeProvider.System);
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), timeout.Token).ConfigureAwait(false);
            await _stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            Closed = true;
            return false;
        }
    }

    /// <summary>Sends a line and reads its reply.</summary>
    public async Task<ServerReply?> CommandAsync(string line) =>
        await SendLineAsync(line).ConfigureAwait(false) ? await ReadReplyAsync().ConfigureAwait(false) : null;

    /// <summary>Starts TLS on the connection (after the server said 220 to STARTTLS), trusting MailLab's certificate.</summary>
    public async Task StartTlsAsync(string serverName)
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
        using var timeout = new CancellationTokenSource(ReplyTimeout, TimeProvider.System);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName }, timeout.Token).ConfigureAwait(false);
        _stream = tls;
        _bufferStart = _bufferEnd = 0;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private static int Code(string line) =>
        line.Length >= 3 && int.TryParse(line.AsSpan(0, 3), out var code) ? code : 0;

    private async Task<string?> ReadLineAsync()
    {
        _pending.Clear();
        while (true)
        {
            while (_bufferStart < _bufferEnd)
            {
                var b = _buffer[_bufferStart++];
                if (b == '\n')
                {
                    var count = _pending.Count > 0 && _pending[^1] == '\r' ? _pending.Count - 1 : _pending.Count;
                    return Encoding.UTF8.GetString(_pending.ToArray(), 0, count);
                }

                _pending.Add(b);
            }

            if (Closed)
            {
                return null;
            }

            int read;
            try
            {
                using var timeout = new CancellationTokenSource(ReplyTimeout, TimeProvider.System);
                read = await _stream.ReadAsync(_buffer, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The server sent no reply within {ReplyTimeout.TotalSeconds:0} seconds.");
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                read = 0;
            }

            if (read == 0)
            {
                Closed = true;
                return _pending.Count == 0 ? null : Encoding.UTF8.GetString(_pending.ToArray());
            }

            _bufferStart = 0;
            _bufferEnd = read;
        }
    }
}

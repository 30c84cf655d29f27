using System.Net.Security;
using System.Text;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// A plain text-protocol client over any stream, a line at a time, as a student would type it:
/// it sends lines with CRLF (or raw bytes, for a BDAT chunk) and reads lines, and can switch to
/// TLS when the server agrees (STARTTLS, STLS). Reads wait at most <see cref="ReplyTimeout"/>
/// of real time, so a server that never answers fails the step instead of hanging the run.
/// </summary>
public abstract class LineClient : IAsyncDisposable
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);

    private Stream _stream;
    private readonly List<byte> _pending = [];
    private readonly byte[] _buffer = new byte[8192];
    private int _bufferStart;
    private int _bufferEnd;

    protected LineClient(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>True once the server has closed the connection (a read found its end).</summary>
    public bool Closed { get; private set; }

    /// <summary>Sends one line (CRLF is added). Returns false when the server has already gone.</summary>
    public Task<bool> SendLineAsync(string line) => SendAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

    /// <summary>Sends bytes as they are. Returns false when the server has already gone.</summary>
    public async Task<bool> SendAsync(byte[] bytes)
    {
        try
        {
            using var timeout = new CancellationTokenSource(ReplyTimeout, TimeProvider.System);
            await _stream.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
            await _stream.FlushAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            Closed = true;
            return false;
        }
    }

    /// <summary>Starts TLS on the connection (after the server agreed), trusting MailLab's certificate.</summary>
    public async Task StartTlsAsync(string serverName)
    {
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
        using var timeout = new CancellationTokenSource(ReplyTimeout, TimeProvider.System);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = serverName }, timeout.Token).ConfigureAwait(false);
        _stream = tls;
        _bufferStart = _bufferEnd = 0;
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return _stream.DisposeAsync();
    }

    /// <summary>Reads and drops whatever the server still sends, until it closes the connection.</summary>
    public async Task ReadToEndAsync()
    {
        while (await ReadLineAsync().ConfigureAwait(false) is not null)
        {
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> octets (an IMAP literal); null when the server closed the connection first.</summary>
    protected async Task<byte[]?> ReadBytesAsync(int count)
    {
        var bytes = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_bufferStart < _bufferEnd)
            {
                var take = Math.Min(count - filled, _bufferEnd - _bufferStart);
                Array.Copy(_buffer, _bufferStart, bytes, filled, take);
                _bufferStart += take;
                filled += take;
                continue;
            }

            if (Closed)
            {
                return null;
            }

            if (!await FillAsync().ConfigureAwait(false))
            {
                return null;
            }
        }

        return bytes;
    }

    /// <summary>Reads one line without its CRLF; null when the server closed the connection first.</summary>
    protected async Task<string?> ReadLineAsync()
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

            if (!await FillAsync().ConfigureAwait(false))
            {
                return _pending.Count == 0 ? null : Encoding.UTF8.GetString(_pending.ToArray());
            }
        }
    }

    /// <summary>
    /// Refills the buffer with what the server sent next; false (and <see cref="Closed"/>) when it closed
    /// the connection. No reply within <see cref="ReplyTimeout"/> is a <see cref="TimeoutException"/>.
    /// </summary>
    private async Task<bool> FillAsync()
    {
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
            return false;
        }

        _bufferStart = 0;
        _bufferEnd = read;
        return true;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailLab.Web.Tests.Infrastructure;

/// <summary>
/// A byte-level SMTP client for tests that need exact control of what goes on the wire (bare LF,
/// overlong lines, pipelining, BDAT). Reads whole replies, multi-line ones included.
/// </summary>
public sealed class RawSmtpClient : IAsyncDisposable
{
    private static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(20);
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public RawSmtpClient(Stream stream)
    {
        _stream = stream;
    }

    public static async Task<RawSmtpClient> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(endPoint);
        return new RawSmtpClient(new NetworkStream(socket, ownsSocket: true));
    }

    public Task SendLineAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\r\n"));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public Task SendRawAsync(string text) => SendRawAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads one reply; returns its lines joined with '\n', or null when the server closed.</summary>
    public async Task<string?> ReadReplyAsync()
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync();
            if (line is null)
            {
                return lines.Count == 0 ? null : string.Join('\n', lines);
            }

            lines.Add(line);
            if (line.Length < 4 || line[3] != '-')
            {
                return string.Join('\n', lines);
            }
        }
    }

    /// <summary>Sends a command and returns the reply's first line.</summary>
    public async Task<string> CommandAsync(string line)
    {
        await SendLineAsync(line);
        return await ReadReplyAsync() ?? "(connection closed)";
    }

    /// <summary>True when the server has closed the connection (reads end of stream).</summary>
    public async Task<bool> IsClosedAsync() => await ReadLineAsync() is null;

    public async ValueTask DisposeAsync() => await _stream.DisposeAsync();

    private async Task<string?> ReadLineAsync()
    {
        while (true)
        {
            var lf = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (lf >= 0)
            {
                var line = Encoding.UTF8.GetString(_buffer, _start, lf - _start).TrimEnd('\r');
                _start = lf + 1;
                return line;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int read;
            try
            {
                using var limit = new CancellationTokenSource(ReadLimit);
                read = await _stream.ReadAsync(_buffer.AsMemory(_end), limit.Token);
            }
            catch (IOException)
            {
                read = 0;
            }

            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }
}

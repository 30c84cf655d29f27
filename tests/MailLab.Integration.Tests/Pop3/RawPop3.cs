using System.Text;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>A line-at-a-time POP3 client over any stream, for transcripts that real clients would hide.</summary>
internal sealed class RawPop3 : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly StreamReader _reader;

    public RawPop3(Stream stream)
    {
        _stream = stream;
        _reader = new StreamReader(stream, Encoding.ASCII);
    }

    public async Task<string?> ReadLineAsync() => await _reader.ReadLineAsync();

    /// <summary>Sends one command and returns its status line.</summary>
    public async Task<string?> SendAsync(string command)
    {
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        await _stream.FlushAsync();
        return await _reader.ReadLineAsync();
    }

    /// <summary>Reads a multi-line body up to the terminating ".".</summary>
    public async Task<List<string>> ReadBodyAsync()
    {
        var lines = new List<string>();
        while (await _reader.ReadLineAsync() is { } line && line != ".")
        {
            lines.Add(line);
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync();
    }
}

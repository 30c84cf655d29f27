using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A tiny SMTP server on loopback with scripted answers, standing in for a real remote MTA where
/// MailLab cannot produce the reply (a 5xx for one recipient, a 4xx after DATA, a dropped QUIT).
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private int _connections;

    public ScriptedSmtpServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public sealed record Transaction(string Sender, IReadOnlyList<string> Recipients, string Data);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>RCPT replies by address; any other address gets 250.</summary>
    public Dictionary<string, string> RecipientReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replies to the end of DATA, used in turn; when empty, 250.</summary>
    public Queue<string> DataReplies { get; } = new();

    /// <summary>When set, EHLO offers STARTTLS and STARTTLS gets this reply (a refusal: the server cannot do TLS).</summary>
    public string? StartTlsReply { get; set; }

    /// <summary>Every command line received, in order, over all connections.</summary>
    public List<string> Commands { get; } = [];

    /// <summary>Close the connection right after accepting a message, without waiting for QUIT.</summary>
    public bool HangUpAfterData { get; set; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every RCPT address offered, in order, over all connections.</summary>
    public List<string> Offered { get; } = [];

    /// <summary>Transactions whose DATA got a 250.</summary>
    public List<Transaction> Accepted { get; } = [];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await Task.WhenAll([_accepting, .. _sessions]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            lock (_sessions)
            {
                _sessions.Add(ServeAsync(client));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        try
        {
            await writer.WriteLineAsync("220 scripted.example ESMTP ready");
            string sender = string.Empty;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                lock (Commands)
                {
                    Commands.Add(line);
                }

                switch (verb)
                {
                    case "EHLO" when StartTlsReply is not null:
                        await writer.WriteLineAsync("250-scripted.example");
                        await writer.WriteLineAsync("250 STARTTLS");
                        break;
                    case "STARTTLS" when StartTlsReply is not null:
                        await writer.WriteLineAsync(StartTlsReply);
                        break;
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 scripted.example");
                        break;
                    case "MAIL":
                        sender = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.1.0 Sender OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        lock (Offered)
                        {
                            Offered.Add(recipient);
                        }

                        var reply = RecipientReplies.GetValueOrDefault(recipient, "250 2.1.5 Recipient OK");
                        if (reply.StartsWith('2'))
                        {
                            recipients.Add(recipient);
                        }

                        await writer.WriteLineAsync(reply);
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 Go ahead");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine).Append("\r\n");
                        }

                        var end = DataReplies.Count > 0 ? DataReplies.Dequeue() : "250 2.0.0 Message accepted";
                        if (end.StartsWith('2'))
                        {
                            lock (Accepted)
                            {
                                Accepted.Add(new Transaction(sender, recipients.ToArray(), data.ToString()));
                            }
                        }

                        await writer.WriteLineAsync(end);
                        if (HangUpAfterData && end.StartsWith('2'))
                        {
                            return;
                        }

                        break;
                    case "RSET":
                        recipients.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<', StringComparison.Ordinal) + 1;
        return line[start..line.IndexOf('>', start)];
    }
}

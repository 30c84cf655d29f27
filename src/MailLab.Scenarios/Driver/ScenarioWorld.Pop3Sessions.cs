using System.Net.Sockets;
using MailLab.Mail.Tracing;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// POP3 sessions that stay open across steps, so that another session meets the maildrop lock
/// (RFC 1939 §4: <c>-ERR [IN-USE]</c>, RFC 2449) until this one quits or the autologout timer
/// (10 minutes on the virtual clock) closes it. The server frees a maildrop lock before it closes
/// the connection, and a session's end is traced after that, so waiting for both makes the next
/// step see the lock as it truly is.
/// </summary>
public sealed partial class ScenarioWorld
{
    /// <summary>Real time allowed for a closed POP3 session's server side to finish.</summary>
    private static readonly TimeSpan SessionEndLimit = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, OpenPop3Session> _openPop3 = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>1 while a typed POP3 dialogue runs (its session may outlive a wait inside it).</summary>
    private int _pop3DialoguesRunning;

    /// <summary>Logs on with USER/PASS and keeps the session open; a refused logon fails the step.</summary>
    public async Task OpenPop3SessionAsync(string address, string password, string host)
    {
        address = address.Trim();
        var found = await HostAsync(host).ConfigureAwait(false);
        if (_openPop3.ContainsKey(address))
        {
            throw new ScenarioSetupException($"\"{address}\" already has an open POP3 session in this scenario.");
        }

        Stream stream;
        try
        {
            stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.ConnectPop3(found.Pop3, ClientAddress);
        }
        catch (SocketException)
        {
            throw new ScenarioSetupException($"{found.Name} refused the POP3 connection: its POP3 service is not enabled.");
        }

        var (client, _, outcome) = await Pop3MailClient.LogOnAsync(stream, found.Name, address, password, "USER").ConfigureAwait(false);
        if (client is null)
        {
            await WaitForPop3SessionsToEndAsync().ConfigureAwait(false);
            throw new ScenarioSetupException(outcome);
        }

        _openPop3[address] = new OpenPop3Session(client, found.World.Clock.GetUtcNow(), found.Pop3.IdleTimeout);
        _notes.Add(outcome + "; the session stays open.");
    }

    /// <summary>The open session quits (RFC 1939 §6: UPDATE, then the lock is released).</summary>
    public async Task ClosePop3SessionAsync(string address)
    {
        if (!_openPop3.Remove(address.Trim(), out var session))
        {
            throw new ScenarioSetupException($"\"{address}\" has no open POP3 session: a \"Given \"{address}\" with password \"PASSWORD\" stays logged on over POP3 to \"HOST\"\" step must come first.");
        }

        await using (var client = session.Client)
        {
            if (await client.CommandAsync("QUIT").ConfigureAwait(false) is { } reply)
            {
                _notes.Add(reply.FirstLine);
            }
            else
            {
                _notes.Add("The server had already closed the session (autologout).");
            }
        }

        await WaitForPop3SessionsToEndAsync().ConfigureAwait(false);
        await SettleAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// After the clock moved: the open sessions silent for their autologout time have been closed
    /// by the server; read each to its end (the lock is free by then) and forget it.
    /// </summary>
    private async Task ReapTimedOutPop3SessionsAsync(DateTimeOffset now)
    {
        foreach (var (address, session) in _openPop3.Where(p => now - p.Value.Since >= p.Value.Timeout).ToArray())
        {
            _openPop3.Remove(address);
            await using (session.Client)
            {
                await session.Client.ReadToEndAsync().ConfigureAwait(false);
            }

            _notes.Add($"The autologout timer closed the POP3 session of {address}.");
        }

        await WaitForPop3SessionsToEndAsync().ConfigureAwait(false);
    }

    /// <summary>Waits until the server has ended every POP3 session but the ones kept open (each traces "Connection closed" once its lock is free).</summary>
    private async Task WaitForPop3SessionsToEndAsync()
    {
        if (_runtime is not { } runtime || !runtime.World.Trace.RecordTranscripts)
        {
            return;
        }

        var start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var events = runtime.World.Trace.Views.Events();
            var opened = events.Where(e => e.Kind == TraceKind.ConnectionOpened && e.Text.StartsWith("POP3 ", StringComparison.Ordinal))
                .Select(e => e.SessionId).ToHashSet();
            var closed = events.Count(e => e.Kind == TraceKind.ConnectionClosed && opened.Contains(e.SessionId));
            var kept = _openPop3.Count + _pop3DialoguesRunning;
            if (opened.Count - closed <= kept)
            {
                return;
            }

            if (TimeProvider.System.GetElapsedTime(start) > SessionEndLimit)
            {
                throw new TimeoutException($"{opened.Count - closed - kept} POP3 sessions did not end within {SessionEndLimit.TotalSeconds:0} seconds.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System).ConfigureAwait(false);
        }
    }

    private async Task CloseOpenPop3SessionsAsync()
    {
        foreach (var session in _openPop3.Values)
        {
            await session.Client.DisposeAsync().ConfigureAwait(false);
        }

        _openPop3.Clear();
    }

    /// <summary>A session kept open: its client, since when it has been silent, and the server's autologout time.</summary>
    private sealed record OpenPop3Session(Pop3LineClient Client, DateTimeOffset Since, TimeSpan Timeout);
}

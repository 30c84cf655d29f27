using System.Net.Sockets;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// POP3 sessions that stay open across steps, so that another session meets the maildrop lock
/// (RFC 1939 §4: <c>-ERR [IN-USE]</c>, RFC 2449) until this one quits or the autologout timer
/// (10 minutes on the virtual clock) closes it.
/// </summary>
public sealed partial class ScenarioWorld
{
    private readonly Dictionary<string, Pop3LineClient> _openPop3 = new(StringComparer.OrdinalIgnoreCase);

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
            throw new ScenarioSetupException(outcome);
        }

        _openPop3[address] = client;
        _notes.Add(outcome + "; the session stays open.");
    }

    /// <summary>The open session quits (RFC 1939 §6: UPDATE, then the lock is released).</summary>
    public async Task ClosePop3SessionAsync(string address)
    {
        if (!_openPop3.Remove(address.Trim(), out var client))
        {
            throw new ScenarioSetupException($"\"{address}\" has no open POP3 session: a \"Given \"{address}\" with password \"PASSWORD\" stays logged on over POP3 to \"HOST\"\" step must come first.");
        }

        await using (client)
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

        await SettleAsync().ConfigureAwait(false);
    }

    private async Task CloseOpenPop3SessionsAsync()
    {
        foreach (var client in _openPop3.Values)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }

        _openPop3.Clear();
    }
}

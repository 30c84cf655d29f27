using System.Net;
using System.Net.Sockets;
using System.Text;
using MailLab.Mail.Delivery;
using MailLab.Mail.Smtp;
using MailLab.Mail.World;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// Whens that put mail into the world: a user submitting a message over SMTP (in memory, as its
/// mail client would) and a file dropped in a Pickup folder.
/// </summary>
public sealed partial class ScenarioWorld
{
    /// <summary>The address a scenario's mail client connects from (loopback, as on the server itself).</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Loopback;

    /// <summary>The name the scenario's mail client gives in EHLO.</summary>
    public const string ClientName = "client.example";

    /// <summary>The last message a step submitted, and how it fared.</summary>
    public Submission? LastSubmission { get; private set; }

    /// <summary>
    /// <paramref name="from"/> submits a message to <paramref name="to"/> (comma-separated) through its
    /// own server: the host serving the sender's domain, or for a sender from outside the world the
    /// host serving the first recipient's domain. The client authenticates (AUTH PLAIN) when the
    /// sender has an account there and the server offers Basic authentication, and uses STARTTLS
    /// when the server requires it. A refusal is recorded, not thrown: the Thens check the outcome.
    /// </summary>
    public async Task<Submission> SendMessageAsync(string from, string to, string subject)
    {
        var recipients = to.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (recipients.Length == 0)
        {
            throw new ScenarioSetupException("A message needs at least one recipient.");
        }

        var world = await WorldAsync().ConfigureAwait(false);
        var (host, server) = SubmissionServer(world, from.Trim(), recipients);
        var submission = await SubmitAsync(host, server, from.Trim(), recipients, subject).ConfigureAwait(false);
        LastSubmission = submission;
        if (!submission.Accepted || submission.RefusedRecipients.Count > 0)
        {
            _notes.Add(submission.Outcome);
        }

        await SettleAsync().ConfigureAwait(false);
        return submission;
    }

    /// <summary>Places an RFC 822 file in a host's Pickup folder (IIS sends it from there).</summary>
    public async Task DropInPickupAsync(string host, string content)
    {
        var server = FrontVirtualServer(await HostAsync(host).ConfigureAwait(false));
        var text = content.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
        if (!text.EndsWith("\r\n", StringComparison.Ordinal))
        {
            text += "\r\n";
        }

        PickupAgent.Drop(server, Encoding.UTF8.GetBytes(text));
        await SettleAsync().ConfigureAwait(false);
    }

    private static (MailHost Host, SmtpVirtualServer Server) SubmissionServer(MailWorld world, string from, IReadOnlyList<string> recipients)
    {
        foreach (var address in new[] { from }.Concat(recipients))
        {
            var at = address.LastIndexOf('@');
            if (at < 0)
            {
                continue;
            }

            var domain = address[(at + 1)..];
            foreach (var host in world.Hosts)
            {
                if (host.Smtp.FindServing(domain) is { } server)
                {
                    return (host, server);
                }
            }
        }

        throw new ScenarioSetupException(
            $"No host of the topology serves \"{from}\" or \"{string.Join(", ", recipients)}\": the message has nowhere to be submitted. Hosts: {string.Join(", ", world.Hosts.Select(h => h.Name))}.");
    }

    private async Task<Submission> SubmitAsync(MailHost host, SmtpVirtualServer server, string from, IReadOnlyList<string> recipients, string subject)
    {
        Stream stream;
        try
        {
            stream = (await RuntimeAsync().ConfigureAwait(false)).InMemory.Connect(server, ClientAddress);
        }
        catch (SocketException)
        {
            return Refused(host, null, $"{host.Name} refused the connection: \"{server.Name}\" is stopped.");
        }

        await using var client = new SmtpLineClient(stream);
        var greeting = await client.ReadReplyAsync().ConfigureAwait(false);
        if (greeting is not { Code: 220 })
        {
            return Refused(host, greeting, $"{host.Name} refused the connection: {greeting?.FirstLine ?? "it closed without a greeting"}");
        }

        var ehlo = await client.CommandAsync($"EHLO {ClientName}").ConfigureAwait(false);
        if (ehlo is { Code: 250 } && Offers(ehlo, "STARTTLS") && (server.Access.RequireTls || server.Access.BasicRequiresTls))
        {
            if (await client.CommandAsync("STARTTLS").ConfigureAwait(false) is { Code: 220 })
            {
                await client.StartTlsAsync(host.Name).ConfigureAwait(false);
                ehlo = await client.CommandAsync($"EHLO {ClientName}").ConfigureAwait(false);
            }
        }

        if (ehlo is not { Code: 250 })
        {
            return Refused(host, ehlo, $"{host.Name} refused EHLO: {ehlo?.FirstLine ?? "the connection closed"}");
        }

        if (host.Accounts.Find(from) is { } account && Offers(ehlo, "AUTH") && ehlo.NormalizedLines.Any(l => l.Contains("PLAIN", StringComparison.OrdinalIgnoreCase)))
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"\0{account.Address}\0{account.Password}"));
            var auth = await client.CommandAsync($"AUTH PLAIN {token}").ConfigureAwait(false);
            if (auth is not { Code: 235 })
            {
                _notes.Add($"{host.Name} refused AUTH for {account.Address}: {auth?.FirstLine ?? "the connection closed"}; sending anonymously.");
            }
        }

        var mail = await client.CommandAsync($"MAIL FROM:<{from}>").ConfigureAwait(false);
        if (mail is not { Code: 250 })
        {
            return Refused(host, mail, $"{host.Name} refused MAIL FROM:<{from}>: {mail?.FirstLine ?? "the connection closed"}");
        }

        var refused = new List<(string, ServerReply)>();
        foreach (var recipient in recipients)
        {
            var rcpt = await client.CommandAsync($"RCPT TO:<{recipient}>").ConfigureAwait(false);
            if (rcpt is null)
            {
                return Refused(host, null, $"{host.Name} closed the connection at RCPT TO:<{recipient}>");
            }

            if (!rcpt.IsPositive)
            {
                refused.Add((recipient, rcpt));
            }
        }

        if (refused.Count == recipients.Count)
        {
            await client.CommandAsync("QUIT").ConfigureAwait(false);
            return Refused(host, refused[0].Item2, RecipientsText(host, refused), refused);
        }

        var data = await client.CommandAsync("DATA").ConfigureAwait(false);
        if (data is not { Code: 354 })
        {
            return Refused(host, data, $"{host.Name} refused DATA: {data?.FirstLine ?? "the connection closed"}", refused);
        }

        var accepted = recipients.Where(r => refused.All(x => x.Item1 != r)).ToArray();
        var clock = host.World.Clock.GetUtcNow();
        foreach (var line in MessageComposer.Compose(from, accepted, subject, clock))
        {
            await client.SendLineAsync(MessageComposer.DotStuff(line)).ConfigureAwait(false);
        }

        var end = await client.CommandAsync(".").ConfigureAwait(false);
        if (end is not { Code: 250 })
        {
            return Refused(host, end, $"{host.Name} refused the message: {end?.FirstLine ?? "the connection closed"}", refused);
        }

        await client.CommandAsync("QUIT").ConfigureAwait(false);
        var outcome = refused.Count == 0
            ? $"{host.Name} accepted the message: {end.FirstLine}"
            : $"{host.Name} accepted the message for {string.Join(", ", accepted)}; {RecipientsText(host, refused)}";
        return new Submission(host.Name, true, MessageIdOf(end), null, outcome, refused);
    }

    private static Submission Refused(MailHost host, ServerReply? reply, string outcome, IReadOnlyList<(string, ServerReply)>? recipients = null) =>
        new(host.Name, false, null, reply, outcome, recipients ?? []);

    private static string RecipientsText(MailHost host, IEnumerable<(string Recipient, ServerReply Reply)> refused) =>
        string.Join("; ", refused.Select(r => $"{host.Name} refused RCPT TO:<{r.Recipient}>: {r.Reply.FirstLine}"));

    private static bool Offers(ServerReply ehlo, string keyword) =>
        ehlo.NormalizedLines.Skip(1).Any(l => l.Length > 4 && l[4..].StartsWith(keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>"250 2.6.0 &lt;ML00000001@mail.ru&gt; Queued mail for delivery" → ML00000001.</summary>
    private static string? MessageIdOf(ServerReply reply)
    {
        var line = reply.FirstLine;
        var start = line.IndexOf('<', StringComparison.Ordinal);
        var end = start < 0 ? -1 : line.IndexOf('@', start);
        return start < 0 || end < 0 ? null : line[(start + 1)..end];
    }
}

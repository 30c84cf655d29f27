using System.Text;
using MimeKit;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// What a mail client does over POP3: log on with one method (USER/PASS, APOP, AUTH PLAIN, AUTH
/// LOGIN, AUTH CRAM-MD5, or STLS then USER/PASS), STAT, RETR each message (and DELE it when
/// asked), QUIT. Deletions happen only at QUIT (RFC 1939 §6).
/// </summary>
internal static class Pop3MailClient
{
    /// <summary>The methods a step may name, in the words it may use.</summary>
    public static readonly IReadOnlyList<string> Methods = ["USER", "APOP", "PLAIN", "LOGIN", "CRAM-MD5", "STLS"];

    public static string NormalizeMethod(string method)
    {
        var name = method.Trim().ToUpperInvariant();
        name = name.StartsWith("AUTH ", StringComparison.Ordinal) ? name[5..].Trim() : name;
        name = name is "USER/PASS" or "PASS" or "" ? "USER" : name is "TLS" or "STARTTLS" ? "STLS" : name;
        return Methods.Contains(name)
            ? name
            : throw new ScenarioSetupException($"\"{method}\" is not a POP3 logon method: use one of {string.Join(", ", Methods.Select(m => $"\"{m}\""))}.");
    }

    /// <summary>
    /// Connects and logs on. On success the client is returned, in the TRANSACTION state; on a
    /// refusal the connection is closed and the reply that refused is returned with a description.
    /// </summary>
    public static async Task<(Pop3LineClient? Client, ServerReply? Refusal, string Outcome)> LogOnAsync(Stream stream, string host, string address, string password, string method)
    {
        var client = new Pop3LineClient(stream);
        var greeting = await client.ReadResponseAsync(multiLine: false).ConfigureAwait(false);
        ServerReply? refusal;
        string outcome;
        if (greeting is not { Status: "+OK" })
        {
            (refusal, outcome) = (greeting, $"{host} refused the POP3 connection: {greeting?.FirstLine ?? "it closed without a greeting"}");
        }
        else if (method == "STLS" && await client.CommandAsync("STLS").ConfigureAwait(false) is var stls && stls is not { Status: "+OK" })
        {
            (refusal, outcome) = (stls, $"{host} refused STLS: {stls?.FirstLine ?? "the connection closed"}");
        }
        else
        {
            if (method == "STLS")
            {
                await client.StartTlsAsync(host).ConfigureAwait(false);
            }

            var logon = await SendLogonAsync(client, greeting.FirstLine, address, password, method).ConfigureAwait(false);
            if (logon is { Status: "+OK" })
            {
                return (client, null, $"{address} logged on to {host} over POP3 ({method}): {logon.FirstLine}");
            }

            await client.CommandAsync("QUIT").ConfigureAwait(false);
            (refusal, outcome) = (logon, $"{host} refused the POP3 logon of {address} ({method}): {logon?.FirstLine ?? "the connection closed"}");
        }

        await client.DisposeAsync().ConfigureAwait(false);
        return (null, refusal ?? ServerReply.Pop3(["-ERR (the connection closed)"]), outcome);
    }

    public static async Task<Pop3Retrieval> RetrieveAsync(Stream stream, string host, string address, string password, string method, bool delete)
    {
        var (logged, refusal, logonOutcome) = await LogOnAsync(stream, host, address, password, method).ConfigureAwait(false);
        if (logged is null)
        {
            return new Pop3Retrieval(address, host, method, refusal, [], false, logonOutcome);
        }

        await using var client = logged;
        var stat = await client.CommandAsync("STAT").ConfigureAwait(false);
        var count = stat is { Status: "+OK" } && stat.FirstLine.Split(' ') is [_, var n, ..] && int.TryParse(n, out var c) ? c : 0;
        var subjects = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            if (await client.CommandAsync($"RETR {i}").ConfigureAwait(false) is { Status: "+OK" } message)
            {
                subjects.Add(SubjectOf(message.Lines.Skip(1)));
            }

            if (delete)
            {
                await client.CommandAsync($"DELE {i}").ConfigureAwait(false);
            }
        }

        var quit = await client.CommandAsync("QUIT").ConfigureAwait(false);
        var outcome = $"{address} logged on to {host} over POP3 ({method}) and retrieved {subjects.Count} message{(subjects.Count == 1 ? "" : "s")}"
            + (subjects.Count == 0 ? "" : ": " + string.Join(", ", subjects.Select(s => $"\"{s}\"")))
            + (delete ? $"; deleted them ({quit?.FirstLine ?? "no reply to QUIT"})" : "");
        return new Pop3Retrieval(address, host, method, null, subjects, delete, outcome);
    }

    private static async Task<ServerReply?> SendLogonAsync(Pop3LineClient client, string greeting, string address, string password, string method)
    {
        switch (method)
        {
            case "APOP":
                var start = greeting.IndexOf('<', StringComparison.Ordinal);
                var end = greeting.IndexOf('>', Math.Max(start, 0));
                if (start < 0 || end < 0)
                {
                    return ServerReply.Pop3(["-ERR (the greeting has no <timestamp> for APOP)"]);
                }

                var digest = Protocol.Pop3.Pop3Credentials.ApopDigest(greeting[start..(end + 1)], password);
                return await client.CommandAsync($"APOP {address} {digest}").ConfigureAwait(false);
            case "PLAIN":
                return await client.CommandAsync($"AUTH PLAIN {Base64($"\0{address}\0{password}")}").ConfigureAwait(false);
            case "LOGIN":
                return await ContinueAsync(client, "AUTH LOGIN", Base64(address), Base64(password)).ConfigureAwait(false);
            case "CRAM-MD5":
                var challenge = await client.CommandAsync("AUTH CRAM-MD5").ConfigureAwait(false);
                if (challenge is not { Status: "+" })
                {
                    return challenge;
                }

                var text = Encoding.UTF8.GetString(Convert.FromBase64String(challenge.FirstLine.Length > 2 ? challenge.FirstLine[2..] : string.Empty));
                var hmac = Protocol.Common.CramMd5.Digest(password, text);
                return await client.CommandAsync(Base64($"{address} {hmac}")).ConfigureAwait(false);
            default:
                var user = await client.CommandAsync($"USER {address}").ConfigureAwait(false);
                return user is not { Status: "+OK" } ? user : await client.CommandAsync($"PASS {password}").ConfigureAwait(false);
        }
    }

    /// <summary>A SASL exchange: the command, then each response while the server says "+ ".</summary>
    private static async Task<ServerReply?> ContinueAsync(Pop3LineClient client, string command, params string[] responses)
    {
        var reply = await client.CommandAsync(command).ConfigureAwait(false);
        foreach (var response in responses)
        {
            if (reply is not { Status: "+" })
            {
                return reply;
            }

            reply = await client.CommandAsync(response).ConfigureAwait(false);
        }

        return reply;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static string SubjectOf(IEnumerable<string> lines)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        try
        {
            return MimeMessage.Load(content).Subject ?? string.Empty;
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}

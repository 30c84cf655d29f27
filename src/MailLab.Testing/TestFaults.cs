using System.Globalization;
using System.Text.RegularExpressions;
using MailLab.Mail.Faults;
using MailLab.Mail.World;
using MailLab.Protocol.Smtp;

namespace MailLab.Testing;

/// <summary>
/// Faults a test injects into the server (<see cref="TestMailServer.Faults"/>), on the world's
/// <see cref="FaultInjector"/>: replies at a stage, a connection cut during DATA, a 421 rate limit,
/// a host that cannot be reached, replies at random with a seed. Each applies to the main host unless a host is named.
/// </summary>
public sealed partial class TestFaults
{
    private readonly MailWorld _world;
    private readonly string _host;

    internal TestFaults(MailWorld world, string host)
    {
        _world = world;
        _host = host;
    }

    /// <summary>The next <paramref name="times"/> replies at <paramref name="stage"/> are <paramref name="reply"/> ("451 4.3.0 try later": a code, an optional enhanced code, a text).</summary>
    public Fault Reply(SmtpStage stage, string reply, int times = 1, string? host = null) =>
        _world.Faults.AddReply(host ?? _host, Stage(stage), Parse(reply), times);

    /// <summary>The next <paramref name="times"/> connections are cut while the client sends message content: the client sees a broken connection and nothing is stored.</summary>
    public Fault DropDuringData(int times = 1, string? host = null) => _world.Faults.AddDropDuringData(host ?? _host, times);

    /// <summary>
    /// The next <paramref name="times"/> connections are refused in the greeting with 421 4.7.0, as a
    /// server that limits its clients' rate does; RFC 5321 §3.8 / §4.2.3: 421 closes the connection.
    /// </summary>
    public Fault RateLimit(int times = 1, string? host = null) =>
        _world.Faults.AddReply(host ?? _host, FaultStage.Connect, new SmtpReply(421, "4.7.0", $"{host ?? _host} Too many connections from your address, try again later"), times);

    /// <summary>Replies <paramref name="reply"/> at each use of <paramref name="stage"/> with chance <paramref name="probability"/>, reproducibly for one <paramref name="seed"/>, until removed.</summary>
    public Fault Randomly(SmtpStage stage, string reply, double probability, int seed, string? host = null) =>
        _world.Faults.AddRandomReply(host ?? _host, Stage(stage), Parse(reply), probability, seed);

    /// <summary>No other host of the world can connect to <paramref name="host"/> (mail for it waits in the senders' queues) until the result is disposed.</summary>
    public IDisposable Unreachable(string host)
    {
        if (_world.FindHost(host) is null)
        {
            throw new ArgumentException($"The world has no host \"{host}\"; its hosts are {string.Join(", ", _world.Hosts.Select(h => h.Name))}.", nameof(host));
        }

        _world.Links.SetHostReachable(host, false);
        return new Reachable(_world, host);
    }

    /// <summary>Takes a fault out before it has run out.</summary>
    public bool Remove(Fault fault) => _world.Faults.Remove(fault.Id);

    /// <summary>Removes every injected fault (not an unreachable host).</summary>
    public void Clear() => _world.Faults.Clear();

    /// <summary>"451 4.3.0 try later" or "421 busy": RFC 5321 §4.2's code, RFC 3463's enhanced code if there is one, and the text.</summary>
    internal static SmtpReply Parse(string reply)
    {
        var match = ReplyLine().Match(reply);
        if (!match.Success)
        {
            throw new ArgumentException($"\"{reply}\" is not a reply line: expected a code, an optional enhanced code and a text, such as \"451 4.3.0 try later\".", nameof(reply));
        }

        var code = int.Parse(match.Groups["code"].Value, CultureInfo.InvariantCulture);
        var enhanced = match.Groups["enhanced"].Success ? match.Groups["enhanced"].Value : null;
        return new SmtpReply(code, enhanced, match.Groups["text"].Value);
    }

    private static FaultStage Stage(SmtpStage stage) => stage switch
    {
        SmtpStage.Connect => FaultStage.Connect,
        SmtpStage.Mail => FaultStage.Mail,
        SmtpStage.Rcpt => FaultStage.Rcpt,
        SmtpStage.Data => FaultStage.Data,
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    [GeneratedRegex(@"^(?<code>\d{3})(?: (?<enhanced>\d\.\d{1,3}\.\d{1,3}))?(?: (?<text>.+))$")]
    private static partial Regex ReplyLine();

    private sealed class Reachable(MailWorld world, string host) : IDisposable
    {
        public void Dispose() => world.Links.SetHostReachable(host, true);
    }
}

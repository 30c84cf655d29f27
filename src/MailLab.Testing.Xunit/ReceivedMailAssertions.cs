using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace MailLab.Testing.Xunit;

public static class MailAssertionExtensions
{
    public static ReceivedMailAssertions Should(this ReceivedMail subject) => new(subject);

    public static MailJourneyAssertions Should(this MailJourney subject) => new(subject);
}

/// <summary><c>msg.Should().HaveSubject(...)</c>, <c>.BeSentTo(...)</c>, <c>.HaveAttachment(...)</c>, <c>.HaveLink(...)</c>, <c>.HaveTextBodyContaining(...)</c>.</summary>
public sealed class ReceivedMailAssertions(ReceivedMail subject) : ReferenceTypeAssertions<ReceivedMail, ReceivedMailAssertions>(subject)
{
    protected override string Identifier => "message";

    public AndConstraint<ReceivedMailAssertions> HaveSubject(string expected, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(Subject.Subject == expected)
            .FailWith("Expected {context:message} to have subject {0}{reason}, but it was {1}.", expected, Subject.Subject);
        return new(this);
    }

    /// <summary>Every address is an envelope recipient (RCPT TO) of the message, Bcc included.</summary>
    public AndConstraint<ReceivedMailAssertions> BeSentTo(params string[] addresses)
    {
        var missing = addresses.Where(a => !Subject.To.Contains(a, StringComparer.OrdinalIgnoreCase)).ToArray();
        Execute.Assertion.ForCondition(missing.Length == 0)
            .FailWith("Expected {context:message} to be sent to {0}, but its recipients were {1}.", missing, Subject.To);
        return new(this);
    }

    public AndConstraint<ReceivedMailAssertions> HaveAttachment(string fileName, string because = "", params object[] becauseArgs)
    {
        var names = Subject.Attachments.Select(a => a.FileName).ToArray();
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(names.Contains(fileName, StringComparer.OrdinalIgnoreCase))
            .FailWith("Expected {context:message} to have the attachment {0}{reason}, but its attachments were {1}.", fileName, names);
        return new(this);
    }

    /// <summary>A link (an HTML anchor's href or a URL in the text body) equal to <paramref name="url"/>, or starting with it when it ends in "*".</summary>
    public AndConstraint<ReceivedMailAssertions> HaveLink(string url, string because = "", params object[] becauseArgs)
    {
        var links = Subject.Links;
        var found = url.EndsWith('*') ? links.Any(l => l.StartsWith(url[..^1], StringComparison.Ordinal)) : links.Contains(url, StringComparer.Ordinal);
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(found)
            .FailWith("Expected {context:message} to have the link {0}{reason}, but its links were {1}.", url, links);
        return new(this);
    }

    public AndConstraint<ReceivedMailAssertions> HaveTextBodyContaining(string text, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs).ForCondition(Subject.TextBody?.Contains(text, StringComparison.Ordinal) == true)
            .FailWith("Expected the text body of {context:message} to contain {0}{reason}, but it was {1}.", text, Subject.TextBody ?? "(no text body)");
        return new(this);
    }
}

/// <summary><c>msg.Journey.Should().PassThrough(...)</c>, <c>.HaveUsedTls()</c>, <c>.HaveUsedAuthentication()</c>, <c>.HaveAuthenticatedAs(...)</c>.</summary>
public sealed class MailJourneyAssertions(MailJourney subject) : ReferenceTypeAssertions<MailJourney, MailJourneyAssertions>(subject)
{
    protected override string Identifier => "journey";

    /// <summary>The hosts that received it, in this order (others may come between).</summary>
    public AndConstraint<MailJourneyAssertions> PassThrough(params string[] hosts)
    {
        var route = Subject.Route;
        var at = 0;
        foreach (var host in route)
        {
            if (at < hosts.Length && host.Equals(hosts[at], StringComparison.OrdinalIgnoreCase))
            {
                at++;
            }
        }

        Execute.Assertion.ForCondition(at == hosts.Length)
            .FailWith("Expected {context:journey} to pass through {0}, but its route was {1}.\n" + Subject.Describe().Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), hosts, route);
        return new(this);
    }

    /// <summary>Every SMTP hop it was received on used STARTTLS (RFC 3207).</summary>
    public AndConstraint<MailJourneyAssertions> HaveUsedTls() => EveryServerHop(h => h.UsedTls, "TLS");

    /// <summary>Every SMTP hop it was received on was authenticated (RFC 4954).</summary>
    public AndConstraint<MailJourneyAssertions> HaveUsedAuthentication() => EveryServerHop(h => h.UsedAuth, "AUTH");

    /// <summary>The first SMTP hop it was received on was authenticated as this account (RFC 4954): the app's own credentials.</summary>
    public AndConstraint<MailJourneyAssertions> HaveAuthenticatedAs(string account)
    {
        var first = Subject.Hops.FirstOrDefault(h => h.Stage == "server");
        Execute.Assertion.ForCondition(first?.AuthenticatedAs is { } used && used.Equals(account, StringComparison.OrdinalIgnoreCase))
            .FailWith("Expected {context:journey} to be submitted authenticated as {0}, but it was {1}.\n" + Subject.Describe().Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal),
                account, first?.AuthenticatedAs is { } who ? who : "not authenticated");
        return new(this);
    }

    private AndConstraint<MailJourneyAssertions> EveryServerHop(Func<JourneyHop, bool> used, string what)
    {
        var hops = Subject.Hops.Where(h => h.Stage == "server").ToArray();
        Execute.Assertion.ForCondition(hops.Length > 0 && hops.All(used))
            .FailWith("Expected every SMTP hop of {context:journey} to use " + what + ", but it did not.\n" + Subject.Describe().Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        return new(this);
    }
}

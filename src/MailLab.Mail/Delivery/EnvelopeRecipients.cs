using MailLab.Mail.Smtp;

namespace MailLab.Mail.Delivery;

/// <summary>
/// A message's envelope recipients as the receive stage keeps them: each distinct mailbox once, in
/// the order first given. Two addresses are the same mailbox as the receiving domain's rules say:
/// the domain ignores case always; a local part keeps its case (RFC 5321 §2.4: it "MUST BE treated
/// as case sensitive" by a host that does not own it, and relays preserve it), except in this
/// virtual server's local domains, whose mailboxes are Windows accounts and ignore case (ivan@ =
/// IVAN@). A recipient given twice (RCPT TO repeated, To and Cc of a Pickup file) was answered 250
/// each time, and is stored and relayed once, as Postfix's cleanup(8) "eliminates duplicate envelope
/// recipient addresses" after smtpd accepted them.
/// </summary>
internal static class EnvelopeRecipients
{
    public static string[] Distinct(SmtpVirtualServer server, IReadOnlyList<string> addresses)
    {
        var distinct = new string[addresses.Count];
        var count = 0;
        HashSet<string>? seen = addresses.Count > 8 ? new(StringComparer.Ordinal) : null;
        foreach (var address in addresses)
        {
            var canonical = Canonical(server, address);
            if (seen is null ? Array.IndexOf(distinct, canonical, 0, count) < 0 : seen.Add(canonical))
            {
                distinct[count++] = canonical;
            }
        }

        return count == distinct.Length ? distinct : distinct[..count];
    }

    /// <summary>The address with its domain in lower case, and its local part too when the domain is local here.</summary>
    public static string Canonical(SmtpVirtualServer server, string address)
    {
        var at = address.LastIndexOf('@');
        if (at < 0)
        {
            return address.ToLowerInvariant(); // a bare local part: of the default domain, a local one
        }

        var domain = address[(at + 1)..];
        return server.Domains.FindLocal(domain) is not null
            ? address.ToLowerInvariant()
            : string.Concat(address.AsSpan(0, at + 1), domain.ToLowerInvariant());
    }
}

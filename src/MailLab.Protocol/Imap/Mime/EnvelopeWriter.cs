using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace MailLab.Protocol.Imap.Mime;

/// <summary>
/// ENVELOPE (RFC 9051 §7.5.2) from MimeKit's parse: date, subject, from, sender, reply-to, to, cc,
/// bcc, in-reply-to, message-id. Header values are given as they are in the message (unfolded,
/// encoded-words kept); sender and reply-to default to from.
/// </summary>
internal static class EnvelopeWriter
{
    public static void Write(ImapResponseBuilder w, MimeMessage message, bool utf8)
    {
        var headers = message.Headers;
        w.Append("(");
        w.AppendNString(Raw(headers, HeaderId.Date)).Append(" ");
        w.AppendNString(Raw(headers, HeaderId.Subject)).Append(" ");
        Addresses(w, message.From, utf8);
        w.Append(" ");
        Addresses(w, message.Sender is { } sender ? [sender] : message.From, utf8);
        w.Append(" ");
        Addresses(w, message.ReplyTo.Count > 0 ? message.ReplyTo : message.From, utf8);
        w.Append(" ");
        Addresses(w, message.To, utf8);
        w.Append(" ");
        Addresses(w, message.Cc, utf8);
        w.Append(" ");
        Addresses(w, message.Bcc, utf8);
        w.Append(" ");
        w.AppendNString(Raw(headers, HeaderId.InReplyTo)).Append(" ");
        w.AppendNString(Raw(headers, HeaderId.MessageId));
        w.Append(")");
    }

    /// <summary>The raw value of the first such header, unfolded and trimmed; null when absent.</summary>
    public static string? Raw(HeaderList headers, HeaderId id)
    {
        var index = headers.IndexOf(id);
        return index < 0 ? null : Unfold(headers[index].RawValue);
    }

    public static string? Raw(HeaderList headers, string name)
    {
        var index = headers.IndexOf(name);
        return index < 0 ? null : Unfold(headers[index].RawValue);
    }

    private static string Unfold(byte[] raw) => Encoding.UTF8.GetString(raw).Replace("\r\n", string.Empty).Replace("\n", string.Empty).Trim();

    private static void Addresses(ImapResponseBuilder w, IEnumerable<InternetAddress> list, bool utf8)
    {
        var addresses = list.ToList();
        if (addresses.Count == 0)
        {
            w.Append("NIL");
            return;
        }

        w.Append("(");
        foreach (var address in addresses)
        {
            Address(w, address, utf8);
        }

        w.Append(")");
    }

    private static void Address(ImapResponseBuilder w, InternetAddress address, bool utf8)
    {
        switch (address)
        {
            case MailboxAddress mailbox:
                // RFC 9051 §7.5.2: the second field is the source route (RFC 822 "@a,@b:"), as in the header.
                w.Append("(").AppendNString(Name(mailbox.Name, utf8)).Append(" ");
                w.AppendNString(mailbox.Route.Count > 0 ? mailbox.Route.ToString() : null).Append(" ");
                w.AppendNString(mailbox.LocalPart).Append(" ");
                w.AppendNString(string.IsNullOrEmpty(mailbox.Domain) ? null : mailbox.Domain).Append(")");
                break;
            case GroupAddress group:
                // RFC 9051 §7.5.2: a group is a start marker with the group name as mailbox, its members, and an end marker.
                w.Append("(NIL NIL ").AppendNString(Name(group.Name, utf8)).Append(" NIL)");
                foreach (var member in group.Members)
                {
                    Address(w, member, utf8);
                }

                w.Append("(NIL NIL NIL NIL)");
                break;
        }
    }

    private static string? Name(string? name, bool utf8)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return utf8 || name.All(c => c < 0x80) ? name : Encoding.ASCII.GetString(Rfc2047.EncodePhrase(Encoding.UTF8, name));
    }
}

using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Text;

namespace MailLab.Testing;

/// <summary>
/// What a test reads out of a message's bodies: attachments decoded by MimeKit, links from the HTML
/// body's anchors (MimeKit's HTML tokenizer, so markup split over lines or entity-encoded is read as
/// a browser would) and from the text body's URLs, and one-time codes.
/// </summary>
internal static partial class MailContent
{
    public static IReadOnlyList<MailAttachment> Attachments(MimeMessage message) =>
        message.Attachments.Select(entity =>
        {
            using var bytes = new MemoryStream();
            if (entity is MimePart part)
            {
                part.Content?.DecodeTo(bytes);
                return new MailAttachment(part.FileName, part.ContentType.MimeType, bytes.ToArray());
            }

            // An attached message (message/rfc822) is its whole RFC 5322 text.
            var attached = (MessagePart)entity;
            attached.Message?.WriteTo(bytes);
            return new MailAttachment(entity.ContentDisposition?.FileName ?? entity.ContentType.Name, entity.ContentType.MimeType, bytes.ToArray());
        }).ToArray();

    /// <summary>The href of every anchor in the HTML body, then the URLs in the text body, each once, in order.</summary>
    public static IReadOnlyList<string> Links(MimeMessage message)
    {
        var links = new List<string>();
        if (message.HtmlBody is { } html)
        {
            var tokenizer = new HtmlTokenizer(new StringReader(html));
            while (tokenizer.ReadNextToken(out var token))
            {
                if (token is HtmlTagToken { Id: HtmlTagId.A, IsEndTag: false } anchor
                    && anchor.Attributes.FirstOrDefault(a => a.Id == HtmlAttributeId.Href)?.Value is { Length: > 0 } href)
                {
                    links.Add(href.Trim());
                }
            }
        }

        if (message.TextBody is { } text)
        {
            links.AddRange(TextUrl().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '\'', '"')));
        }

        return links.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The text a reader sees: the text body, or the HTML body's text when there is none.</summary>
    public static string VisibleText(MimeMessage message)
    {
        if (message.TextBody is { } text)
        {
            return text;
        }

        if (message.HtmlBody is not { } html)
        {
            return string.Empty;
        }

        var visible = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken { Id: HtmlTagId.Script or HtmlTagId.Style } tag:
                    hidden += tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1;
                    break;
                case HtmlTagToken:
                    // A tag separates words ("<td>123</td><td>456</td>" is not 123456).
                    visible.Append(' ');
                    break;
                case HtmlDataToken data when hidden <= 0:
                    visible.Append(data.Data);
                    break;
            }
        }

        return visible.ToString();
    }

    /// <summary>The first run of exactly <paramref name="digits"/> digits, not part of a longer number.</summary>
    public static string? FindCode(string text, int digits)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 1);
        var match = Regex.Match(text, $"(?<![0-9])[0-9]{{{digits}}}(?![0-9])", RegexOptions.CultureInvariant);
        return match.Success ? match.Value : null;
    }

    /// <summary>The first match of <paramref name="pattern"/>: its first group when it has one, else the whole match.</summary>
    public static string? FindCode(string text, Regex pattern) =>
        pattern.Match(text) is { Success: true } match ? (match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value) : null;

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TextUrl();
}

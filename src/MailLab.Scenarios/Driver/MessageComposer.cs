using System.Text;
using MimeKit.Utils;

namespace MailLab.Scenarios.Driver;

/// <summary>
/// Writes the RFC 5322 text of a scenario's message: From, To, Subject (RFC 2047-encoded when not
/// ASCII) and a Date from the virtual clock. Message-ID is left to the server's cleanup stage, so
/// every run gives the same bytes.
/// </summary>
public static class MessageComposer
{
    public const string Body = "This message was sent by a MailLab scenario.";

    public static IReadOnlyList<string> Compose(string from, IReadOnlyList<string> to, string subject, DateTimeOffset date)
    {
        var lines = new List<string>
        {
            $"From: <{from}>",
            $"To: {string.Join(", ", to.Select(t => $"<{t}>"))}",
            $"Subject: {EncodeSubject(subject)}",
            $"Date: {DateUtils.FormatDate(date)}",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: 7bit",
            string.Empty,
            Body,
        };
        return lines.SelectMany(l => l.Split('\n')).ToArray();
    }

    /// <summary>RFC 5321 §4.5.2: a line that starts with a period gets one more.</summary>
    public static string DotStuff(string line) => line.StartsWith('.') ? "." + line : line;

    private static string EncodeSubject(string subject) =>
        subject.All(c => c is >= ' ' and <= '~')
            ? subject
            : Encoding.ASCII.GetString(Rfc2047.EncodeText(Encoding.UTF8, subject)).Replace("\r\n", "\n", StringComparison.Ordinal);
}

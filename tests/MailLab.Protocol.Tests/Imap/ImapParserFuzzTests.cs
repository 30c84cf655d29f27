using System.Text;
using MailLab.Protocol.Imap;
using MailLab.Protocol.Tests.Imap.Harness;

namespace MailLab.Protocol.Tests.Imap;

/// <summary>
/// A bounded, seeded fuzz of the parser and session: random bytes and mutated valid commands never
/// throw, the output is whole lines, and every command line (with no literal) gets an answer.
/// </summary>
public sealed class ImapParserFuzzTests
{
    private static readonly string[] Valid =
    [
        "a1 LOGIN alice secret", "a2 SELECT INBOX", "a3 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)]<0.10> BINARY.SIZE[1])",
        "a4 SEARCH OR (SEEN FROM bob) NOT SINCE 1-Jan-2024", "a5 STORE 1 +FLAGS.SILENT (\\Deleted $X)", "a6 UID COPY 1:3 Archive",
        "a7 LIST (SUBSCRIBED) \"\" * RETURN (STATUS (MESSAGES))", "a8 STATUS INBOX (MESSAGES UIDNEXT)", "a9 UID FETCH 1 (BODYSTRUCTURE ENVELOPE)",
        "b1 SEARCH RETURN (SAVE) ALL", "b2 FETCH $ UID", "b3 ENABLE QRESYNC", "b4 UID EXPUNGE 1", "b5 NOOP", "b6 EXAMINE Sent",
        "b7 CREATE \"x y\"", "b8 RENAME \"x y\" z", "b9 GETQUOTAROOT INBOX", "c1 ID NIL", "c2 NAMESPACE",
    ];

    [Fact]
    public void RandomBytes_NeverThrow_AndOutputIsWholeLines()
    {
        var random = new Random(20240102);
        for (var round = 0; round < 300; round++)
        {
            using var driver = new ImapSessionDriver();
            driver.LogIn();
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);
            driver.SendSplit(bytes, random.Next(0, bytes.Length));
            var text = driver.TakeText();
            (text.Length == 0 || text.EndsWith("\r\n", StringComparison.Ordinal)).Should().BeTrue($"round {round} wrote a partial line");
            text.Should().NotContain("SERVERBUG", $"round {round} threw inside the session");
        }
    }

    [Fact]
    public void MutatedCommands_NeverThrow_AndEveryLineIsAnswered()
    {
        var random = new Random(9051);
        for (var round = 0; round < 300; round++)
        {
            using var driver = new ImapSessionDriver();
            driver.LogIn();
            driver.Select();
            var line = Mutate(Valid[random.Next(Valid.Length)], random);
            var tag = "z" + round;
            var command = tag + " " + line;
            if (command.EndsWith('}') || command.Contains('\n') || command.Contains('\r'))
            {
                continue;
            }

            var lines = driver.Command(command);
            if (driver.Session.IsClosed || driver.Session.IsIdling)
            {
                continue;
            }

            // The tag may itself have been mutated; then the answer is untagged.
            lines.Should().Contain(l => l.StartsWith(tag + " ", StringComparison.Ordinal) || l.StartsWith("* BAD", StringComparison.Ordinal) || l.Contains(" OK ", StringComparison.Ordinal) || l.Contains(" BAD ", StringComparison.Ordinal) || l.Contains(" NO ", StringComparison.Ordinal) || l.StartsWith("+ ", StringComparison.Ordinal),
                $"\"{command}\" must be answered");
            lines.Should().NotContain(l => l.Contains("SERVERBUG"), $"\"{command}\" threw inside the session");
            driver.Command("y1 NOOP").Should().Contain(l => l.StartsWith("y1 ") || l.StartsWith("+ ") || l.StartsWith("* BAD") || l.Contains(" BAD ") || l.Contains(" NO "), $"after \"{command}\" the session goes on");
        }
    }

    private static string Mutate(string line, Random random)
    {
        var chars = new StringBuilder(line);
        var edits = random.Next(1, 4);
        const string alphabet = "()[]<>{}\"\\*%$:,. 0123456789ABCxyz+-~\u00e9";
        for (var i = 0; i < edits && chars.Length > 0; i++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(3))
            {
                case 0: chars.Remove(at, 1); break;
                case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
            }
        }

        return chars.ToString();
    }
}

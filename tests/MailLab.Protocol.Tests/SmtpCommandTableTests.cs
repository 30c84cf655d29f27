using FluentAssertions.Execution;
using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;
using static MailLab.Protocol.Smtp.SmtpSessionConditions;

namespace MailLab.Protocol.Tests;

/// <summary>
/// <see cref="SmtpCommandTable"/> walked through the real session: every command in every state a
/// client can bring a session to gets the table's reply, and the table's replies are the ones RFC
/// 5321 §4.1.4, RFC 3030 and RFC 4954 want (spelled out below, not read from the table).
/// </summary>
public sealed class SmtpCommandTableTests
{
    private const string Plain = "AUTH PLAIN AGFsaWNlAHNlY3JldA==";

    private const string SendHeloFirst = "503 5.5.1 Bad sequence of commands: send HELO/EHLO first";
    private const string SendEhloFirst = "503 5.5.1 Bad sequence of commands: send EHLO first";
    private const string Nested = "503 5.5.1 Bad sequence of commands: sender already specified";
    private const string NeedMail = "503 5.5.1 Bad sequence of commands: need MAIL before RCPT";
    private const string NeedMailCommand = "503 5.5.1 Bad sequence of commands: need MAIL command";
    private const string NeedRcpt = "503 5.5.1 Bad sequence of commands: need RCPT command";
    private const string DataAfterBdat = "503 5.5.1 Bad sequence of commands: DATA cannot follow BDAT in one transaction";
    private const string AlreadyAuthenticated = "503 5.5.1 Bad sequence of commands: already authenticated";
    private const string AuthInTransaction = "503 5.5.1 Bad sequence of commands: AUTH is not allowed during a mail transaction";
    private const string TlsActive = "503 5.5.1 Bad sequence of commands: TLS is already active";
    private const string OnlyQuit = "503 5.5.1 Bad sequence of commands: this server refused the connection; only QUIT is allowed";
    private const string NoParameters = "501 5.5.4 Syntax error: no parameters allowed";

    [Theory]
    [InlineData("mail")]
    [InlineData("Rcpt")]
    [InlineData("eHlO")]
    [InlineData("")]
    [InlineData("QUIT")]
    [InlineData("bogus")]
    [InlineData("VERYLONGVERBNAME")]
    [InlineData("ma\u0131l")] // dotless i: ToUpperInvariant may make it MAIL's I
    [InlineData("\u017Fend")] // long s
    public void A_verb_as_written_finds_the_row_of_its_upper_case(string verb) =>
        SmtpCommandTable.Find(verb.AsSpan()).Should().BeSameAs(SmtpCommandTable.Find(verb.ToUpperInvariant()));

    private static readonly SmtpServerOptions Options = SessionDriver.DefaultOptions() with
    {
        TlsAvailable = true,
        AuthMechanisms = ["PLAIN"],
    };

    /// <summary>A state: how a client gets there, which conditions then hold, and which commands are refused with what.</summary>
    private sealed record State(string Name, SmtpSessionConditions Conditions, string[] Steps, Dictionary<string, string> Refused, bool RejectConnection = false);

    private const SmtpSessionConditions Fresh = NotGreeted | NotExtended | NoMail | NoRecipients;
    private const SmtpSessionConditions AfterHelo = NotExtended | NoMail | NoRecipients;
    private const SmtpSessionConditions AfterEhlo = NoMail | NoRecipients;

    private static readonly string[] Ehlo = ["EHLO client.example"];
    private static readonly string[] Helo = ["HELO client.example"];
    private static readonly string[] Mail = ["MAIL FROM:<alice@maillab.test>"];
    private static readonly string[] Rcpt = ["RCPT TO:<bob@maillab.test>"];
    private static readonly string[] Tls = ["STARTTLS", "!TLS"];

    private static readonly State[] States =
    [
        new("connected", Fresh, [], new()
        {
            ["MAIL"] = SendHeloFirst, ["RCPT"] = SendHeloFirst, ["DATA"] = SendHeloFirst, ["BDAT"] = SendHeloFirst, ["AUTH"] = SendEhloFirst,
        }),
        new("helo", AfterHelo, Helo, new()
        {
            ["RCPT"] = NeedMail, ["DATA"] = NeedMailCommand, ["BDAT"] = NeedMailCommand, ["AUTH"] = SendEhloFirst,
        }),
        new("ehlo", AfterEhlo, Ehlo, new()
        {
            ["RCPT"] = NeedMail, ["DATA"] = NeedMailCommand, ["BDAT"] = NeedMailCommand,
        }),
        new("helo-mail", NotExtended | InMail | NoRecipients, [.. Helo, .. Mail], new()
        {
            ["MAIL"] = Nested, ["DATA"] = NeedRcpt, ["BDAT"] = NeedRcpt, ["AUTH"] = SendEhloFirst,
        }),
        new("ehlo-mail", InMail | NoRecipients, [.. Ehlo, .. Mail], new()
        {
            ["MAIL"] = Nested, ["DATA"] = NeedRcpt, ["BDAT"] = NeedRcpt, ["AUTH"] = AuthInTransaction,
        }),
        new("helo-rcpt", NotExtended | InMail, [.. Helo, .. Mail, .. Rcpt], new()
        {
            ["MAIL"] = Nested, ["AUTH"] = SendEhloFirst,
        }),
        new("ehlo-rcpt", InMail, [.. Ehlo, .. Mail, .. Rcpt], new()
        {
            ["MAIL"] = Nested, ["AUTH"] = AuthInTransaction,
        }),
        // The chunk is "ab" and the CRLF every step ends with.
        new("chunking", InMail | Chunking, [.. Ehlo, .. Mail, .. Rcpt, "BDAT 4\r\nab"], new()
        {
            ["MAIL"] = Nested, ["DATA"] = DataAfterBdat, ["AUTH"] = AuthInTransaction,
        }),
        new("authenticated", AfterEhlo | Authenticated, [.. Ehlo, Plain], new()
        {
            ["RCPT"] = NeedMail, ["DATA"] = NeedMailCommand, ["BDAT"] = NeedMailCommand, ["AUTH"] = AlreadyAuthenticated,
        }),
        new("authenticated-mail", InMail | NoRecipients | Authenticated, [.. Ehlo, Plain, .. Mail], new()
        {
            ["MAIL"] = Nested, ["DATA"] = NeedRcpt, ["BDAT"] = NeedRcpt, ["AUTH"] = AlreadyAuthenticated,
        }),
        new("authenticated-then-helo", AfterHelo | Authenticated, [.. Ehlo, Plain, .. Helo], new()
        {
            ["RCPT"] = NeedMail, ["DATA"] = NeedMailCommand, ["BDAT"] = NeedMailCommand, ["AUTH"] = SendEhloFirst,
        }),
        new("secure", Fresh | Secure, [.. Ehlo, .. Tls], new()
        {
            ["MAIL"] = SendHeloFirst, ["RCPT"] = SendHeloFirst, ["DATA"] = SendHeloFirst, ["BDAT"] = SendHeloFirst, ["AUTH"] = SendEhloFirst,
            ["STARTTLS"] = TlsActive,
        }),
        new("secure-ehlo", AfterEhlo | Secure, [.. Tls, .. Ehlo], new()
        {
            ["RCPT"] = NeedMail, ["DATA"] = NeedMailCommand, ["BDAT"] = NeedMailCommand, ["STARTTLS"] = TlsActive,
        }),
        new("secure-ehlo-mail", InMail | NoRecipients | Secure, [.. Tls, .. Ehlo, .. Mail], new()
        {
            ["MAIL"] = Nested, ["DATA"] = NeedRcpt, ["BDAT"] = NeedRcpt, ["AUTH"] = AuthInTransaction, ["STARTTLS"] = TlsActive,
        }),
        new("refused", Fresh | Refused, [], AllBut("QUIT", OnlyQuit), RejectConnection: true),
    ];

    /// <summary>A line for each command that passes its own syntax checks, so only the sequence can refuse it.</summary>
    private static readonly Dictionary<string, string> Samples = new()
    {
        [""] = string.Empty,
        ["HELO"] = "HELO client.example",
        ["EHLO"] = "EHLO client.example",
        ["MAIL"] = "MAIL FROM:<carol@maillab.test>",
        ["RCPT"] = "RCPT TO:<dave@maillab.test>",
        ["DATA"] = "DATA",
        ["BDAT"] = "BDAT 0",
        ["RSET"] = "RSET",
        ["NOOP"] = "NOOP",
        ["QUIT"] = "QUIT",
        ["VRFY"] = "VRFY alice",
        ["HELP"] = "HELP",
        ["STARTTLS"] = "STARTTLS",
        ["AUTH"] = Plain,
        ["EXPN"] = "EXPN staff",
        ["TURN"] = "TURN",
        ["ETRN"] = "ETRN maillab.test",
        ["ATRN"] = "ATRN",
        ["*"] = "XYZZY",
    };

    private static IEnumerable<SmtpCommand> AllRows => [.. SmtpCommandTable.Commands, SmtpCommandTable.Unrecognized];

    [Fact]
    public void EveryStateSetup_ReachesTheConditionsItNames()
    {
        using var scope = new AssertionScope();
        foreach (var state in States)
        {
            using var driver = Reach(state);

            driver.Session.Conditions.Should().Be(state.Conditions, state.Name);
        }
    }

    [Fact]
    public void EveryCommandInEveryState_GetsTheTablesReplyThroughTheSession()
    {
        var refusals = AllRows.SelectMany(c => c.Rules).Select(r => r.Reply.ToWireString())
            .Append(SmtpReplies.OnlyQuitAllowed.ToWireString())
            .ToHashSet();
        using var scope = new AssertionScope();
        foreach (var state in States)
        {
            foreach (var command in AllRows)
            {
                using var driver = Reach(state);
                var conditions = driver.Session.Conditions;
                var expected = SmtpCommandTable.Refusal(command, conditions, hasArgument: false);
                if (expected is null && command.ChecksSequenceAfterSyntax)
                {
                    expected = command.SequenceRefusal(conditions);
                }

                driver.Send(Samples[command.Name] + "\r\n");
                var reply = string.Join("\r\n", driver.TakeLines()) + "\r\n";

                if (expected is not null)
                {
                    reply.Should().Be(expected.ToWireString(), $"{command} in {state.Name}");
                }
                else
                {
                    refusals.Should().NotContain(reply, $"{command} is in sequence in {state.Name}");
                }
            }
        }
    }

    [Fact]
    public void EveryCommandInEveryState_IsRefusedExactlyWhereTheRfcsSay()
    {
        using var scope = new AssertionScope();
        foreach (var state in States)
        {
            foreach (var command in AllRows)
            {
                using var driver = Reach(state);

                driver.Send(Samples[command.Name] + "\r\n");
                var reply = driver.TakeLines().FirstOrDefault() ?? string.Empty;

                if (state.Refused.TryGetValue(command.Name, out var refusal))
                {
                    reply.Should().Be(refusal, $"{command} in {state.Name}");
                }
                else
                {
                    reply.Should().NotStartWith("503", $"{command} is in sequence in {state.Name}");
                }
            }
        }
    }

    [Fact]
    public void CommandsThatTakeNoArgument_Get501BeforeTheirSequenceInEveryState()
    {
        var noArgument = SmtpCommandTable.Commands.Where(c => c.TakesNoArgument).Select(c => c.Name).ToArray();
        noArgument.Should().BeEquivalentTo(["DATA", "RSET", "STARTTLS"], "RFC 5321 §4.1.1.4, §4.1.1.5 and RFC 3207 §4 give them no parameters");

        using var scope = new AssertionScope();
        foreach (var state in States)
        {
            foreach (var name in noArgument)
            {
                using var driver = Reach(state);

                driver.Command(name + " now").Should().Equal([state.RejectConnection ? OnlyQuit : NoParameters], $"{name} in {state.Name}");
            }
        }
    }

    [Fact]
    public void EveryCommand_IsHeldToItsTablesLineLimit()
    {
        using var scope = new AssertionScope();
        foreach (var command in AllRows.Where(c => c.Name.Length > 0))
        {
            var verb = command.Name == "*" ? "XYZZY" : command.Name;
            using var fits = Reach(States[2]);
            using var over = Reach(States[2]);

            fits.Send(Padded(verb, command.LineLimit));
            over.Send(Padded(verb, command.LineLimit + 1));

            fits.TakeLines().Should().NotContain("500 5.5.6 Line too long (RFC 5321 4.5.3.1)", $"{command} at {command.LineLimit} octets");
            over.TakeLines().Should().Equal(["500 5.5.6 Line too long (RFC 5321 4.5.3.1)"], $"{command} at {command.LineLimit + 1} octets");
        }
    }

    [Fact]
    public void Bdat_OutOfSequence_ReadsItsChunkAndAnswersAfterIt()
    {
        using var driver = Reach(States[0]);

        driver.Send("BDAT 6\r\nQUIT\r\nNOOP\r\n");

        driver.TakeLines().Should().Equal(SendHeloFirst, "250 2.0.0 OK");
        driver.Session.IsClosed.Should().BeFalse("the QUIT inside the chunk is content, not a command");
    }

    [Fact]
    public void Table_HoldsEveryCommandOnceAndAWalkSampleForEach()
    {
        SmtpCommandTable.Commands.Select(c => c.Name).Should().OnlyHaveUniqueItems();
        Samples.Keys.Should().BeEquivalentTo(AllRows.Select(c => c.Name), "a row without a sample would not be walked");
        SmtpCommandTable.Find("MAIL").Verb.Should().Be(SmtpVerb.Mail);
        SmtpCommandTable.Find("XYZZY").Should().BeSameAs(SmtpCommandTable.Unrecognized);
    }

    private static Dictionary<string, string> AllBut(string allowed, string reply) =>
        AllRows.Where(c => c.Name != allowed).ToDictionary(c => c.Name, _ => reply);

    /// <summary>A command line of exactly <paramref name="octets"/> octets with its CRLF.</summary>
    private static string Padded(string verb, int octets) => verb + " " + new string('x', octets - verb.Length - 3) + "\r\n";

    private static SessionDriver Reach(State state)
    {
        var driver = new SessionDriver(Options with { RejectConnection = state.RejectConnection });
        driver.TakeLines();
        foreach (var step in state.Steps)
        {
            if (step == "!TLS")
            {
                driver.TlsEstablished();
            }
            else
            {
                driver.Send(step + "\r\n");
            }

            driver.TakeLines().Should().NotContain(line => line.StartsWith('4') || line.StartsWith('5'), $"setting up {state.Name} with {step}");
        }

        return driver;
    }
}

using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>Typed IMAP dialogues: tags, untagged lines and completions compared as scenarios/STEPS.md says.</summary>
public sealed class ImapDialogueTests
{
    [Fact]
    public async Task Dialogue_Passes_WhenEveryCompletionAndTheNamedUntaggedLinesCome()
    {
        var result = await Run("* OK [CAPABILITY", "a1 OK", "* 0 EXISTS", "a2 OK [READ-WRITE]", "* BYE", "a3 OK");

        result.Scenarios.Single().Steps.Where(s => s.Status != RunStatus.Passed).Select(s => s.Error).Should().BeEmpty();
    }

    [Theory]
    [InlineData("* OK|a1 OK|a2 OK|* BYE|a3 OK|a4 OK", "a4 OK")]
    [InlineData("* OK|a1 OK|* 1 EXISTS|a2 OK|* BYE|a3 OK", "* 1 EXISTS")]
    [InlineData("* OK|a1 NO|a2 OK|* BYE|a3 OK", "a1 NO")]
    [InlineData("* OK|a1 OK|a2 OK", "a3 OK")]
    public async Task Dialogue_Fails_OnAMissingOrWrongLine_OrACompletionNotExpected(string expected, string named)
    {
        var result = await Run(expected.Split('|'));

        var check = result.Scenarios.Single().Steps.Last();
        check.Status.Should().Be(RunStatus.Failed);
        check.Error.Should().Contain(named);
    }

    private static Task<FeatureResult> Run(params string[] expectation)
    {
        const string Quotes = "\"\"\"";
        var lines = new List<string>
        {
            "Feature: IMAP",
            "  Scenario: typing IMAP",
            "    When a client connects to IMAP on \"rosnou.ru\" and sends:",
            "      " + Quotes,
            "      a1 LOGIN student@rosnou.ru student123",
            "      a2 SELECT INBOX",
            "      a3 LOGOUT",
            "      " + Quotes,
            "    Then the server replies:",
            "      " + Quotes,
        };
        lines.AddRange(expectation.Select(l => "      " + l));
        lines.Add("      " + Quotes);
        return new FeatureRunner().RunTextAsync(string.Join("\n", lines), "inline.feature");
    }
}

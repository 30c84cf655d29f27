using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>
/// The checks the Exchange labs are graded with (ExchangeCheckSteps), on scenarios/topologies/exchange-rosnou.yaml:
/// each passes on a world in that state and fails, saying what was expected and what is there, on one that is not.
/// </summary>
public sealed class ExchangeCheckStepTests
{
    private const string Store = "Mailbox Store (ROSNOU)";

    [Fact]
    public async Task StartupType_ThenChecks_WhileGivenAndWhenSetIt()
    {
        (await Check("", "the Exchange service \"POP3Svc\" on \"rosnou.ru\" has the startup type automatic")).Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", "the Exchange service \"Microsoft Exchange POP3\" on \"rosnou.ru\" has the startup type disabled");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be("The service \"Microsoft Exchange POP3\" on rosnou.ru has the startup type automatic.");
        (failed.Expected, failed.Actual).Should().Be(("disabled", "automatic"));

        (await Check("When the Exchange service \"POP3Svc\" on \"rosnou.ru\" has the startup type disabled", "the Exchange service \"POP3Svc\" on \"rosnou.ru\" has the startup type disabled"))
            .Status.Should().Be(RunStatus.Passed);
    }

    [Fact]
    public async Task StoreSetting_ComparesThroughTheSettingsType()
    {
        (await Check("", $"on \"rosnou.ru\" the store \"{Store}\" has \"issueWarningKb\" set to \"null\"")).Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", $"on \"rosnou.ru\" the store \"{Store}\" has \"keepDeletedItemsDays\" set to \"14\"");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be($"On rosnou.ru the store \"{Store}\" has keepDeletedItemsDays = 7.");
        (failed.Expected, failed.Actual).Should().Be(("keepDeletedItemsDays = 14", "keepDeletedItemsDays = 7"));

        (await Check($"When on \"rosnou.ru\" the store \"{Store}\" has \"keepDeletedItemsDays\" set to \"14\"", $"on \"rosnou.ru\" the store \"{Store}\" has \"keepDeletedItemsDays\" set to \"14\""))
            .Status.Should().Be(RunStatus.Passed);
        (await Check("", $"on \"rosnou.ru\" the store \"{Store}\" has \"keepDeleted\" set to \"14\"")).Error.Should().StartWith("Unknown setting \"keepDeleted\"");
    }

    [Fact]
    public async Task ServerProperty_ReadsThePropertySheet_WhileGivenAndWhenSetIt()
    {
        (await Check("", "on \"rosnou.ru\" the Exchange server has \"messageTrackingEnabled\" set to \"true\"")).Error.Should().BeNull();

        var failed = await Check("", "on \"rosnou.ru\" the Exchange server has \"MSExchangeIS/Logons\" set to \"maximum\"");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be("On rosnou.ru the server ROSNOU has MSExchangeIS/Logons = None.");
        (failed.Expected, failed.Actual).Should().Be(("MSExchangeIS/Logons = Maximum", "MSExchangeIS/Logons = None"));

        const string tracking = "When на \"rosnou.ru\" у сервера Exchange параметр \"messageTrackingEnabled\" равен \"false\"";
        (await Check(tracking, "на \"rosnou.ru\" у сервера Exchange параметр \"messageTrackingEnabled\" равен \"false\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("When on \"rosnou.ru\" the Exchange server has \"MSExchangeIS/Logons\" set to \"Maximum\"", "on \"rosnou.ru\" the Exchange server has \"MSExchangeIS/Logons\" set to \"maximum\""))
            .Status.Should().Be(RunStatus.Passed);
        (await Check("", "on \"rosnou.ru\" the Exchange server has \"tracking\" set to \"true\"")).Error.Should().StartWith("Unknown setting \"tracking\"");
    }

    [Fact]
    public async Task MailboxStore_NamesTheStoreOrSaysThereIsNoMailbox()
    {
        (await Check("", $"the mailbox of \"teacher@rosnou.ru\" on \"rosnou.ru\" is on the store \"{Store}\"")).Status.Should().Be(RunStatus.Passed);

        var none = await Check("", $"the mailbox of \"nobody@rosnou.ru\" on \"rosnou.ru\" is on the store \"{Store}\"");
        none.Status.Should().Be(RunStatus.Failed);
        none.Error.Should().Be("On rosnou.ru the mailbox of nobody@rosnou.ru is on no store: it has no mailbox.");
        (none.Expected, none.Actual).Should().Be((Store, "no mailbox"));

        (await Check("", "the mailbox of \"teacher@rosnou.ru\" on \"rosnou.ru\" is on the store \"Mailbox Store 2\"")).Error.Should().StartWith("rosnou.ru has no store \"Mailbox Store 2\"");
    }

    [Fact]
    public async Task UserSetting_ReadsStorageLimitsFromTheMailbox_AndTheRestFromTheDirectory()
    {
        const string limit = "When on \"rosnou.ru\" the user \"teacher@rosnou.ru\" has \"prohibitSendAndReceiveKb\" set to \"100\"";
        (await Check(limit, "on \"rosnou.ru\" the user \"teacher\" has \"prohibitSendAndReceiveKb\" set to \"100\"")).Status.Should().Be(RunStatus.Passed);
        (await Check(limit, "on \"rosnou.ru\" the user \"teacher@rosnou.ru\" has \"useStoreDefaults\" set to \"no\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("When the administrator runs \"maillab ad user features student --pop3 disabled --host rosnou.ru\"", "on \"rosnou.ru\" the user \"student@rosnou.ru\" has \"pop3\" set to \"disabled\""))
            .Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", "on \"rosnou.ru\" the user \"student@rosnou.ru\" has \"maxRecipients\" set to \"10\"");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be("On rosnou.ru the user student@rosnou.ru has maxRecipients = null.");
        (failed.Expected, failed.Actual).Should().Be(("maxRecipients = 10", "maxRecipients = null"));
    }

    [Fact]
    public async Task GroupMembers_NamesTheMissingOnes()
    {
        (await Check("", "the distribution group \"students\" on \"rosnou.ru\" has the member \"student@rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", "the distribution group \"students\" on \"rosnou.ru\" has the members \"student\", \"teacher\"");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be("The distribution group \"students\" on rosnou.ru does not have teacher among its members.");
        (failed.Expected, failed.Actual).Should().Be(("student, teacher", "student@rosnou.ru"));

        var missing = await Check("", "the distribution group \"staff\" on \"rosnou.ru\" has the member \"teacher\"");
        missing.Error.Should().Be("There is no distribution group \"staff\" in the directory of rosnou.ru.");
    }

    [Fact]
    public async Task LastLogon_PassesOnceAClientHasLoggedOn()
    {
        var failed = await Check("", "on \"rosnou.ru\" the mailbox \"student@rosnou.ru\" has a last logon time");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be("Nobody has logged on to the mailbox student@rosnou.ru on rosnou.ru.");

        (await Check("When \"student@rosnou.ru\" with password \"student123\" reads the mailbox over IMAP", "on \"rosnou.ru\" the mailbox \"student\" has a last logon time"))
            .Status.Should().Be(RunStatus.Passed);
    }

    /// <summary>The check's step result, after the Exchange topology and <paramref name="setup"/> (Given/When lines).</summary>
    private static async Task<StepResult> Check(string setup, string check)
    {
        var lines = string.Join("\n", setup.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => "    " + l));
        var result = await new FeatureRunner().RunTextAsync(
            $"Feature: check\n  Scenario: one check\n    Given the topology \"exchange-rosnou.yaml\"\n{lines}\n    Then {check}\n", "inline.feature", RepositoryPaths.Scenarios);
        var steps = result.Scenarios.Single().Steps;
        steps.Take(steps.Count - 1).Where(s => s.Status != RunStatus.Passed).Select(s => $"{s.Text}: {s.Error}").Should().BeEmpty("the setup steps must pass");
        return steps[^1];
    }
}

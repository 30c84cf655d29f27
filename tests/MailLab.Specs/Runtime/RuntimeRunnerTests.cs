using MailLab.Scenarios.Runner;
using Xunit.Abstractions;

namespace MailLab.Specs.Runtime;

/// <summary>The runtime runner (`maillab scenario run`) on the repository's features and on small inline ones.</summary>
public sealed class RuntimeRunnerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task EveryFeatureInScenarios_PassesUnderTheRuntimeRunner()
    {
        var report = await new FeatureRunner().RunAsync(FeatureRunner.FindFeatureFiles([RepositoryPaths.Scenarios]));

        foreach (var scenario in report.Features.SelectMany(f => f.Scenarios))
        {
            output.WriteLine($"{scenario.DurationMs,7:0.0} ms  {scenario.Status,-9} {scenario.Name}");
        }

        var failures = report.Features.SelectMany(f => f.Scenarios.Where(s => s.Status != RunStatus.Passed).Select(s => (f, s)))
            .Select(x => $"{x.f.Path}: {x.s.Name}: {x.s.Steps.FirstOrDefault(st => st.Error is not null)?.Error}");
        failures.Should().BeEmpty();
        report.Features.Should().HaveCountGreaterThanOrEqualTo(10);
        report.Features.SelectMany(f => f.Errors).Should().BeEmpty();
    }

    [Fact]
    public async Task WrongExpectation_FailsWithExpectedActualAndTheTranscript()
    {
        var report = await new FeatureRunner().RunAsync([RepositoryPaths.Sample("wrong-expectation.feature.txt")]);

        report.Passed.Should().BeFalse();
        var scenarios = report.Features.Single().Scenarios;
        scenarios.Should().OnlyContain(s => s.Status == RunStatus.Failed);

        var mailbox = scenarios[0].Steps;
        mailbox.Select(s => s.Status).Should().Equal(RunStatus.Passed, RunStatus.Passed, RunStatus.Failed, RunStatus.Skipped);
        var failed = mailbox[2];
        failed.Error.Should().Be("The mailbox \"student@rosnou.ru\" holds 1 message, not 2.");
        failed.Expected.Should().Be("2 messages");
        failed.Actual.Should().Be("1 message: \"Only one\"");
        failed.Transcript.Should().Contain(l => l.StartsWith("[rosnou.ru] S: 250 2.6.0", StringComparison.Ordinal));

        var replies = scenarios[1].Steps.Single(s => s.Status == RunStatus.Failed);
        replies.Error.Should().Be("The server's replies differ: reply 1 (the greeting) is \"421 4.3.2 Service not available, closing transmission channel\", expected \"220\".");
        replies.Transcript.Should().Contain("[rosnou.ru] S: 421 4.3.2 Service not available, closing transmission channel");
    }

    [Fact]
    public async Task WrongExpectation_ReadsWellOnTheConsole()
    {
        var report = await new FeatureRunner().RunAsync([RepositoryPaths.Sample("wrong-expectation.feature.txt")]);
        using var text = new StringWriter();
        TextReport.WriteFeature(text, report.Features[0]);
        TextReport.WriteSummary(text, report);
        var printed = text.ToString();

        printed.Should().Contain("✗ Then the mailbox \"student@rosnou.ru\" contains 2 messages");
        printed.Should().Contain("Expected: 2 messages");
        printed.Should().Contain("Actual:   1 message: \"Only one\"");
        printed.Should().Contain("Transcript around this step:");
        printed.Should().Contain("- And the queue of \"mail.ru\" holds 0 messages");
        printed.Should().Contain("2 scenarios: 0 passed, 2 failed");
    }

    [Fact]
    public async Task WrongPop3Expectations_FailWithExpectedActualAndTheTranscript()
    {
        var report = await new FeatureRunner().RunAsync([RepositoryPaths.Sample("wrong-pop3-expectation.feature.txt")]);

        report.Passed.Should().BeFalse();
        var scenarios = report.Features.Single().Scenarios;
        scenarios.Should().HaveCount(2).And.OnlyContain(s => s.Status == RunStatus.Failed);

        var count = scenarios[0].Steps;
        count.Select(s => s.Status).Should().Equal(RunStatus.Passed, RunStatus.Passed, RunStatus.Passed, RunStatus.Passed, RunStatus.Failed, RunStatus.Skipped);
        count[4].Error.Should().Be("\"petr@rosnou.ru\" retrieved 1 message over POP3, not 2.");
        count[4].Expected.Should().Be("2 messages");
        count[4].Actual.Should().Be("petr@rosnou.ru logged on to rosnou.ru over POP3 (USER) and retrieved 1 message: \"Only one\"");

        var replies = scenarios[1].Steps.Single(s => s.Status == RunStatus.Failed);
        replies.Error.Should().Be("The server's replies differ: reply 3 (to the client's line 2) is \"-ERR [AUTH] mailbox is locked by the administrator\", expected \"+OK maildrop has 0 messages\".");
        replies.Transcript.Should().Contain("[rosnou.ru] S: -ERR [AUTH] mailbox is locked by the administrator");

        using var text = new StringWriter();
        TextReport.WriteFeature(text, report.Features[0]);
        text.ToString().Should().Contain("✗ Then \"petr@rosnou.ru\" retrieves 2 messages over POP3")
            .And.Contain("Expected: 2 messages")
            .And.Contain("[rosnou.ru] C: PASS ****");
    }

    [Fact]
    public async Task AMissingMailbox_HoldsNoMessages_ButExpectingOneSaysWhereItsMailWent()
    {
        var result = await Run("""
            Feature: a user without a mailbox
              Scenario: zero is fine
                When "someone@example.com" sends a message to "dean@rosnou.ru" with subject "Drop it"
                And 30 seconds pass
                Then the mailbox "dean@rosnou.ru" contains 0 messages

              Scenario: one is not
                When "someone@example.com" sends a message to "dean@rosnou.ru" with subject "Returned"
                Then the mailbox "dean@rosnou.ru" contains 1 message

              Scenario: nor in a domain without POP3
                Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "rosnou.edu"
                When "someone@example.com" sends a message to "dean@rosnou.edu" with subject "Drop it"
                Then the mailbox "dean@rosnou.edu" contains 1 message
            """);

        result.Scenarios[0].Status.Should().Be(RunStatus.Passed);
        result.Scenarios[0].Steps[2].Notes.Should().Contain("There is no mailbox \"dean@rosnou.ru\", so it holds no messages.");
        result.Scenarios[1].Steps[1].Error.Should().StartWith("There is no mailbox \"dean@rosnou.ru\"")
            .And.EndWith("1 message for it went back to the sender (550 5.1.1 dean@rosnou.ru: no such mailbox in the POP3 domain rosnou.ru).");
        result.Scenarios[2].Steps[2].Error.Should().StartWith("There is no mailbox \"dean@rosnou.edu\"").And.EndWith("1 message for it went to a Drop folder.");
    }

    [Fact]
    public async Task UndefinedStep_ListsTheClosestPhrasings()
    {
        var result = await Run("""
            Feature: typo
              Scenario: a misspelt step
                Given the default topology
                When "ivan@mail.ru" sends an email to "student@rosnou.ru" with subject "Hi"
            """);

        var step = result.Scenarios.Single().Steps[1];
        step.Status.Should().Be(RunStatus.Undefined);
        step.Error.Should().StartWith("Undefined step: When \"ivan@mail.ru\" sends an email to \"student@rosnou.ru\" with subject \"Hi\"");
        step.Suggestions.Should().NotBeNull();
        step.Suggestions![0].Should().Be("When \"FROM\" sends a message to \"TO\" with subject \"SUBJECT\"");
        step.Error.Should().Contain("Closest phrasings:");
    }

    [Fact]
    public async Task UndefinedRussianStep_SuggestsRussianPhrasingsWithRussianKeywords()
    {
        var result = await Run("""
            # language: ru
            Функция: опечатка
              Сценарий: шаг с ошибкой
                Когда "ivan@mail.ru" посылает письмо "student@rosnou.ru" с темой "Привет"
            """);

        var step = result.Scenarios.Single().Steps.Single();
        step.Status.Should().Be(RunStatus.Undefined);
        step.Suggestions![0].Should().Be("Когда \"FROM\" отправляет письмо \"TO\" с темой \"SUBJECT\"");
    }

    [Fact]
    public async Task Background_RunsBeforeEachScenario_AndEachScenarioHasAFreshWorld()
    {
        var result = await Run("""
            Feature: fresh worlds
              Background:
                Given the default topology
                And the mailbox "petr@rosnou.ru" with password "petr123"

              Scenario: the first one sends
                When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "One"
                Then the mailbox "petr@rosnou.ru" contains 1 message

              Scenario: the second one starts empty
                Then the mailbox "petr@rosnou.ru" contains 0 messages
                And the mailbox "student@rosnou.ru" contains 0 messages
            """);

        result.Scenarios.Should().HaveCount(2).And.OnlyContain(s => s.Status == RunStatus.Passed);
        result.Scenarios[1].Steps.Should().HaveCount(4, "the two Background steps come first");
    }

    [Fact]
    public async Task ScenarioOutline_RunsOncePerRow_WithPlaceholdersInTextAndDocStrings()
    {
        var result = await Run(""""
            Feature: outline
              Scenario Outline: greeting when <state>
                Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is <state>
                When a client connects to SMTP on "rosnou.ru" and sends:
                  """
                  QUIT
                  """
                Then the server replies:
                  """
                  <greeting>
                  """

                Examples: open
                  | state   | greeting  |
                  | running | 220       |
                Examples: closed
                  | state   | greeting  |
                  | paused  | 421 4.3.2 |
                  | paused  | 220       |
            """");

        result.Scenarios.Select(s => s.Name).Should().Equal(
            "greeting when running [state=running, greeting=220]",
            "greeting when paused [state=paused, greeting=421 4.3.2]",
            "greeting when paused [state=paused, greeting=220]");
        result.Scenarios.Select(s => s.Status).Should().Equal(RunStatus.Failed, RunStatus.Passed, RunStatus.Failed);
        result.Scenarios[0].Steps[2].Error.Should().Contain("the server gave 2 replies but 1 were expected");
    }

    [Fact]
    public async Task RussianFeature_AndStepsTakeTheKindOfTheStepBefore()
    {
        var result = await Run("""
            # language: ru
            Функция: русский язык
              Сценарий: И после Когда и после Тогда
                Допустим топология по умолчанию
                И "rosnou.ru" недоступен
                Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Тест"
                И "rosnou.ru" становится доступен
                И прошло 15 минут
                Тогда почтовый ящик "student@rosnou.ru" содержит 1 письмо
                И очередь на "mail.ru" содержит 0 писем
                Но папка BadMail на "mail.ru" содержит 0 файлов
            """);

        result.Scenarios.Single().Status.Should().Be(RunStatus.Passed, string.Join("\n", result.Scenarios.Single().Steps.Select(s => s.Error)));
    }

    [Fact]
    public async Task IgnoredScenario_IsNotRun()
    {
        var result = await Run("""
            Feature: ignore
              @ignore
              Scenario: not ready
                Then the mailbox "nobody@nowhere.example" contains 5 messages
            """);

        result.Scenarios.Single().Status.Should().Be(RunStatus.Skipped);
        result.Passed.Should().BeTrue();
    }

    [Fact]
    public async Task UnreadableFeature_IsReportedWithItsLine()
    {
        var result = await Run("""
            Feature: broken
              Scenario: fine
                Given the default topology
              This line is not Gherkin
                | a table | out of place |
            """);

        result.Passed.Should().BeFalse();
        result.Errors.Should().NotBeEmpty();
        result.Errors[0].Should().StartWith("inline.feature:");
    }

    [Fact]
    public async Task ExchangeSteps_FailSayingItIsNotAvailableYet()
    {
        var result = await Run("""
            Feature: Exchange
              Scenario: the student reads mail from Exchange
                Given the default topology
                When "student@rosnou.ru" logs on to Exchange on "rosnou.ru" with password "student123"
            """);

        var step = result.Scenarios.Single().Steps[1];
        step.Status.Should().Be(RunStatus.Failed);
        step.Error.Should().StartWith("Exchange is not available yet in MailLab");
    }

    [Fact]
    public async Task Pop3Dialogue_IsTyped_AndItsRepliesCompared()
    {
        var result = await Run(""""
            Feature: pull delivery
              Scenario: typing POP3
                When a client connects to POP3 on "rosnou.ru" and sends:
                  """
                  USER student@rosnou.ru
                  PASS student123
                  STAT
                  QUIT
                  """
                Then the server replies:
                  """
                  +OK rosnou.ru POP3 server ready
                  +OK
                  +OK maildrop has 0 messages
                  +OK 0 0
                  +OK rosnou.ru POP3 server signing off
                  """
            """");

        result.Scenarios.Single().Status.Should().Be(RunStatus.Passed);
    }

    [Fact]
    public async Task DataTables_ReachTheirBindings()
    {
        var result = await Run(""""
            Feature: tables
              Scenario: two mailboxes, two settings, two messages
                Given the mailboxes:
                  | address        | password |
                  | petr@rosnou.ru | petr123  |
                  | olga@rosnou.ru | olga123  |
                And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has these settings:
                  | setting                 | value |
                  | maxRecipientsPerMessage | 5     |
                  | maxMessageSizeKb        | 100   |
                When "ivan@mail.ru" sends these messages:
                  | to                             | subject |
                  | petr@rosnou.ru                 | One     |
                  | petr@rosnou.ru, olga@rosnou.ru | Two     |
                Then the mailbox "petr@rosnou.ru" contains 2 messages
                And the mailbox "olga@rosnou.ru" contains a message with subject "Two"
                When the administrator runs "maillab smtp vs get maxMessageSizeKb --host rosnou.ru"
                Then the command output is:
                  """
                  maxMessageSizeKb = 100
                  """
            """");

        result.Scenarios.Single().Steps.Where(s => s.Status != RunStatus.Passed).Select(s => s.Error).Should().BeEmpty();
    }

    [Fact]
    public async Task ATableStepWithoutItsTable_SaysWhatIsMissing()
    {
        var result = await Run("""
            Feature: tables
              Scenario: no table
                Given the mailboxes:
            """);

        result.Scenarios.Single().Steps.Single().Error.Should().Be("This step needs a data table (| rows |) under it.");
    }

    [Fact]
    public async Task Rule_GroupsScenarios_AndTheFeatureBackgroundStillComesFirst()
    {
        var result = await Run("""
            Feature: rules
              Background:
                Given the default topology

              Rule: rosnou.ru is down
                Scenario: mail waits
                  Given "rosnou.ru" is unreachable
                  When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Wait"
                  Then the queue of "mail.ru" holds 1 message

              Rule: rosnou.ru is up
                Scenario: mail arrives
                  When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Go"
                  Then the queue of "mail.ru" holds 0 messages
            """);

        result.Scenarios.Select(s => s.Steps.Count).Should().Equal(4, 3);
        result.Scenarios.Should().OnlyContain(s => s.Status == RunStatus.Passed);
    }

    [Fact]
    public async Task BackgroundInsideARule_IsRefused_AsSpecFlowWouldIgnoreIt()
    {
        var result = await Run("""
            Feature: rules
              Rule: rosnou.ru is down
                Background:
                  Given "rosnou.ru" is unreachable

                Scenario: mail waits
                  Then the queue of "mail.ru" holds 0 messages
            """);

        result.Passed.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().Contain("a Background inside a Rule is not supported");
    }

    [Fact]
    public async Task UnknownSetting_IsReportedWithEveryValidName()
    {
        var result = await Run("""
            Feature: settings
              Scenario: a typo in a setting name
                Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxRecipients" set to "5"
            """);

        var error = result.Scenarios.Single().Steps.Single().Error;
        error.Should().StartWith("Unknown setting \"maxRecipients\" (did you mean \"maxRecipientsPerMessage\"?). Valid settings are limits: maxConnections");
        error.Should().Contain("relayList").And.Contain("retryIntervalsMinutes").And.Contain("smartHost");
    }

    [Fact]
    public async Task TopologyAfterTheWorldStarted_IsAClearError()
    {
        var result = await Run("""
            Feature: order
              Scenario: topology too late
                Given the mailbox "petr@rosnou.ru" with password "p"
                And the topology "scenarios/topologies/three-hosts-mx-failover.yaml"
            """);

        result.Scenarios.Single().Steps[1].Error.Should().StartWith("Cannot switch to the topology");
    }

    [Fact]
    public async Task MissingTopologyFile_SaysWhereItLooked()
    {
        var result = await Run("""
            Feature: missing
              Scenario: no such file
                Given the topology "scenarios/topologies/no-such-file.yaml"
            """);

        result.Scenarios.Single().Steps.Single().Error.Should().StartWith("The topology file \"scenarios/topologies/no-such-file.yaml\" was not found. Looked in:");
    }

    [Fact]
    public async Task AnUnknownStorageLimitOfAUser_FailsTheStep_ListingTheStorageLimitSettings()
    {
        var result = await Run("""
            Feature: Exchange storage limits
              Scenario: a misspelt setting
                Given the topology "scenarios/topologies/exchange-rosnou.yaml"
                And on "rosnou.ru" the user "student@rosnou.ru" has "prohibitSend" set to "10"
            """);

        var step = result.Scenarios.Single().Steps[1];
        step.Status.Should().Be(RunStatus.Failed);
        step.Error.Should().Contain("Unknown setting \"prohibitSend\"").And.Contain("useStoreDefaults, issueWarningKb, prohibitSendKb, prohibitSendAndReceiveKb");
    }

    private static Task<FeatureResult> Run(string feature) => new FeatureRunner().RunTextAsync(feature, "inline.feature");
}

using MailLab.Scenarios.Driver;
using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>
/// The state checks labs are graded with (LabCheckSteps): each passes on a world in that state and
/// fails, saying what was expected and what is there, on one that is not; and a check changes nothing.
/// </summary>
public sealed class LabCheckStepTests
{
    private const string Vs = "Default SMTP Virtual Server";

    [Fact]
    public async Task VirtualServerState_ThenChecks_WhileGivenAndWhenStillSetIt()
    {
        (await Check("", $"the virtual server \"{Vs}\" on \"rosnou.ru\" is running")).Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", $"the virtual server \"{Vs}\" on \"rosnou.ru\" is paused");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be($"The virtual server \"{Vs}\" on rosnou.ru is running.");
        (failed.Expected, failed.Actual).Should().Be(("paused", "running"));

        (await Check($"When the virtual server \"{Vs}\" on \"rosnou.ru\" is paused", $"the virtual server \"{Vs}\" on \"rosnou.ru\" is paused")).Status.Should().Be(RunStatus.Passed);
    }

    [Fact]
    public async Task VirtualServerState_StoppedByTheService_SaysSo()
    {
        var failed = await Check("When the SMTP service on \"rosnou.ru\" is stopped", $"the virtual server \"{Vs}\" on \"rosnou.ru\" is running");

        failed.Status.Should().Be(RunStatus.Failed);
        failed.Actual.Should().Be("stopped (its own state is running, the SMTP service is stopped)");
        (await Check("When the SMTP service on \"rosnou.ru\" is stopped", "the SMTP service on \"rosnou.ru\" is stopped")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "the SMTP service on \"rosnou.ru\" is paused")).Error.Should().Be("The SMTP service on rosnou.ru is running.");
    }

    [Fact]
    public async Task Setting_ComparesThroughTheSettingsType()
    {
        const string set = "When the administrator runs \"maillab smtp vs set retryIntervalsMinutes 10,20,40,120 --host rosnou.ru\"";
        (await Check(set, $"on \"rosnou.ru\" the virtual server \"{Vs}\" has \"retryIntervalsMinutes\" set to \"10, 20, 40, 120\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("", $"on \"rosnou.ru\" the virtual server \"{Vs}\" has \"anonymousAccess\" set to \"yes\"")).Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", $"on \"rosnou.ru\" the virtual server \"{Vs}\" has \"maxMessageSizeKb\" set to \"1024\"");
        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().Be($"On rosnou.ru the virtual server \"{Vs}\" has maxMessageSizeKb = 2048.");
        (failed.Expected, failed.Actual).Should().Be(("maxMessageSizeKb = 1024", "maxMessageSizeKb = 2048"));
    }

    [Fact]
    public async Task Setting_AFailedThenLeavesTheValue_WhereAGivenSetsIt()
    {
        await using var world = new ScenarioWorld();
        var steps = new StepDispatcher(StepCatalog.Default, world);
        await steps.RunAsync(StepKind.Given, "Given", "the default topology", null, null);
        var step = $"on \"rosnou.ru\" the virtual server \"{Vs}\" has \"maxMessageSizeKb\" set to \"1024\"";
        var server = (await world.WorldAsync()).FindHost("rosnou.ru")!.Smtp.VirtualServers[0];

        var check = () => steps.RunAsync(StepKind.Then, "Then", step, null, null);
        await check.Should().ThrowAsync<ScenarioAssertionException>();
        server.Limits.MaxMessageSizeKb.Should().Be(2048);

        await steps.RunAsync(StepKind.Given, "Given", step, null, null);
        server.Limits.MaxMessageSizeKb.Should().Be(1024);
        await steps.RunAsync(StepKind.Then, "Then", step, null, null);
    }

    [Fact]
    public async Task Setting_UnknownName_IsAnError_NotAFailedComparison()
    {
        var failed = await Check("", $"on \"rosnou.ru\" the virtual server \"{Vs}\" has \"maxMessageSize\" set to \"1\"");

        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error.Should().StartWith("Unknown setting \"maxMessageSize\"");
    }

    [Fact]
    public async Task Domains_LocalAliasRemoteRelayAndSmartHost()
    {
        (await Check("", $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the local domain \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("", $"on \"rosnou.ru\" the default domain of the virtual server \"{Vs}\" is \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);

        var missing = await Check("", $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the alias domain \"rosnou.edu\"");
        missing.Error.Should().Be($"On rosnou.ru the virtual server \"{Vs}\" has no domain \"rosnou.edu\".");
        (missing.Expected, missing.Actual).Should().Be(("rosnou.edu: Local (Alias)", "rosnou.ru: Local (Default)"));

        const string remote = "When the administrator runs \"maillab smtp domain add partner.example remote --host rosnou.ru\"";
        (await Check(remote, $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the remote domain \"partner.example\"")).Status.Should().Be(RunStatus.Passed);
        var noRelay = await Check(remote, $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the remote domain \"partner.example\" that allows relay");
        noRelay.Error.Should().Be($"On rosnou.ru the domain \"partner.example\" of \"{Vs}\" is Remote.");

        const string relay = "When the administrator runs \"maillab smtp domain add partner.example remote --allow-relay --smart-host [127.0.0.1] --host rosnou.ru\"";
        (await Check(relay, $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the remote domain \"partner.example\" that allows relay")).Status.Should().Be(RunStatus.Passed);
        (await Check(relay, $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the remote domain \"partner.example\" with the smart host \"[127.0.0.1]\"")).Status.Should().Be(RunStatus.Passed);
        var otherSmartHost = await Check(relay, $"on \"rosnou.ru\" the virtual server \"{Vs}\" has the remote domain \"partner.example\" with the smart host \"mail.ru\"");
        otherSmartHost.Actual.Should().Contain("partner.example: Remote, relay allowed, smart host [127.0.0.1]");

        (await Check("", $"on \"rosnou.ru\" the default domain of the virtual server \"{Vs}\" is \"lab.rosnou.ru\"")).Error
            .Should().Be($"The default domain of \"{Vs}\" on rosnou.ru is rosnou.ru.");
    }

    [Fact]
    public async Task CreatedVirtualServer_ItsHomeDirectory()
    {
        const string create = @"When the administrator runs ""maillab smtp vs create Second --port 0 --home-directory C:\Inetpub\mailroot2 --default-domain lab.rosnou.ru --host rosnou.ru""";
        (await Check(create, "on \"rosnou.ru\" there is the virtual server \"Second\"")).Status.Should().Be(RunStatus.Passed);
        (await Check(create, @"on ""rosnou.ru"" the home directory of the virtual server ""Second"" is ""c:\inetpub\mailroot2\""")).Status.Should().Be(RunStatus.Passed);

        var missing = await Check("", "on \"rosnou.ru\" there is the virtual server \"Second\"");
        missing.Error.Should().Be("rosnou.ru has no SMTP virtual server \"Second\".");
        missing.Actual.Should().Be($"\"{Vs}\"");
        (await Check("", $@"on ""rosnou.ru"" the home directory of the virtual server ""{Vs}"" is ""C:\Inetpub\mailroot2""")).Actual.Should().Be(@"C:\Inetpub\mailroot");
    }

    [Fact]
    public async Task Operators()
    {
        const string set = "When the administrator runs \"maillab smtp vs security --operators \"Administrators, student@rosnou.ru\" --host rosnou.ru\"";
        (await Check(set, $"on \"rosnou.ru\" \"student@rosnou.ru\" is an operator of the virtual server \"{Vs}\"")).Status.Should().Be(RunStatus.Passed);

        var failed = await Check("", $"on \"rosnou.ru\" \"student@rosnou.ru\" is an operator of the virtual server \"{Vs}\"");
        failed.Error.Should().Be($"\"student@rosnou.ru\" is not an operator of \"{Vs}\" on rosnou.ru.");
        failed.Actual.Should().Be("Administrators");
    }

    [Fact]
    public async Task Mailboxes_Pop3Mailboxes_Domains()
    {
        (await Check("", "the mailbox \"student@rosnou.ru\" exists")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "the mailbox \"petr@rosnou.ru\" exists")).Error.Should().Be("There is no mailbox \"petr@rosnou.ru\".");

        const string add = "When the administrator runs \"winpop add petr@rosnou.ru /createuser Secret1\"";
        (await Check(add, "the POP3 mailbox \"petr@rosnou.ru\" exists")).Status.Should().Be(RunStatus.Passed);
        var missing = await Check("", "the POP3 mailbox \"petr@rosnou.ru\" exists");
        missing.Error.Should().Be("There is no POP3 mailbox \"petr@rosnou.ru\".");
        missing.Actual.Should().Be("POP3 mailboxes: ivan@mail.ru, student@rosnou.ru");

        (await Check("", "on \"rosnou.ru\" the POP3 service has the domain \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "on \"rosnou.ru\" the POP3 service has the domain \"lab.rosnou.ru\"")).Actual.Should().Be("rosnou.ru");
    }

    [Fact]
    public async Task Quota_NeedsAQuotaFileWithThatLimit()
    {
        (await Check("When the administrator runs \"winpop createquotafile student@rosnou.ru\"", "the POP3 mailbox \"student@rosnou.ru\" has a quota of 10 MB")).Status.Should().Be(RunStatus.Passed);

        var none = await Check("", "the POP3 mailbox \"student@rosnou.ru\" has a quota of 10 MB");
        none.Error.Should().Be("The POP3 mailbox \"student@rosnou.ru\" has no quota file.");
        none.Expected.Should().Be("a quota of 10 MB (10485760 bytes)");

        var other = await Check("When the administrator runs \"winpop createquotafile student@rosnou.ru\"", "the POP3 mailbox \"student@rosnou.ru\" has a quota of 5 MB");
        other.Actual.Should().Be("a quota of 10 MB (10485760 bytes)");
    }

    [Fact]
    public async Task Locks_OfAMailboxAndOfItsDomain()
    {
        (await Check("When the administrator runs \"winpop lock student@rosnou.ru\"", "the POP3 mailbox \"student@rosnou.ru\" is locked")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "the POP3 mailbox \"student@rosnou.ru\" is unlocked")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "the POP3 mailbox \"student@rosnou.ru\" is locked")).Error.Should().Be("The POP3 mailbox \"student@rosnou.ru\" is unlocked.");
        (await Check("When the administrator runs \"winpop lock rosnou.ru\"", "the POP3 mailbox \"student@rosnou.ru\" is unlocked")).Actual
            .Should().Be("locked (its domain rosnou.ru is locked)");
    }

    [Fact]
    public async Task DirectoryAccount_AfterMigrateToAD()
    {
        const string migrate = """
            When the administrator runs "winpop delete rosnou.ru"
            And the administrator runs "winpop set authentication 2 --host rosnou.ru"
            And the administrator runs "winpop add rosnou.ru"
            And the administrator runs "winpop add student@rosnou.ru"
            And the administrator runs "winpop migrateToAD student@rosnou.ru"
            """;
        (await Check(migrate, "\"student@rosnou.ru\" is an account of the Active Directory of \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);

        var local = await Check("", "\"student@rosnou.ru\" is an account of the Active Directory of \"rosnou.ru\"");
        local.Error.Should().Be("\"student@rosnou.ru\" is not an account of the directory rosnou.ru (a local account of rosnou.ru).");
    }

    [Fact]
    public async Task Mx_PointsAtAHost_AndMatchesTheServersName()
    {
        (await Check("", "the MX record of \"rosnou.ru\" points at \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "the MX record of \"rosnou.ru\" matches the name of its server")).Status.Should().Be(RunStatus.Passed);

        var other = await Check("", "the MX record of \"rosnou.ru\" points at \"mail.ru\"");
        other.Actual.Should().Be("rosnou.ru MX 10 rosnou.ru");
        (await Check("", "the MX record of \"example.com\" points at \"mail.ru\"")).Actual.Should().Be("no MX record for example.com");

        var renamed = await Check("When the administrator runs \"maillab smtp vs set fqdn srv01.rosnou.local --host rosnou.ru\"", "the MX record of \"rosnou.ru\" matches the name of its server");
        renamed.Status.Should().Be(RunStatus.Failed);
        renamed.Error.Should().Be($"The MX record of rosnou.ru does not match the name of its server (\"{Vs}\" on rosnou.ru, FQDN srv01.rosnou.local).");
        (renamed.Expected, renamed.Actual).Should().Be(("rosnou.ru MX → srv01.rosnou.local", "rosnou.ru MX 10 rosnou.ru; the server's FQDN is srv01.rosnou.local"));
    }

    [Fact]
    public async Task Reach_OverTheSimulatedNetwork()
    {
        (await Check("", "\"mail.ru\" can reach \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);
        (await Check("", "\"mail.ru\" cannot reach \"rosnou.ru\"")).Actual.Should().Be("reachable");

        var down = await Check("Given \"rosnou.ru\" is unreachable", "\"mail.ru\" can reach \"rosnou.ru\"");
        down.Error.Should().Be("mail.ru cannot reach rosnou.ru.");
        down.Actual.Should().Be("rosnou.ru is unreachable from everywhere");
        (await Check("Given \"rosnou.ru\" is unreachable", "\"mail.ru\" cannot reach \"rosnou.ru\"")).Status.Should().Be(RunStatus.Passed);
    }

    [Fact]
    public async Task RussianPhrasings_AreTheSameChecks()
    {
        var result = await RunAsync($"""
            # language: ru
            Функция: проверки состояния
              Сценарий: по-русски
                Допустим топология по умолчанию
                Тогда виртуальный сервер "{Vs}" на "rosnou.ru" запущен
                И служба SMTP на "rosnou.ru" запущена
                И на "rosnou.ru" у виртуального сервера "{Vs}" параметр "maxMessageSizeKb" равен "2048"
                И на "rosnou.ru" у виртуального сервера "{Vs}" есть локальный домен "rosnou.ru"
                И на "rosnou.ru" домен по умолчанию виртуального сервера "{Vs}" — "rosnou.ru"
                И на "rosnou.ru" есть виртуальный сервер "{Vs}"
                И на "rosnou.ru" домашний каталог виртуального сервера "{Vs}" — "C:\Inetpub\mailroot"
                И на "rosnou.ru" "Administrators" — оператор виртуального сервера "{Vs}"
                И почтовый ящик "student@rosnou.ru" существует
                И почтовый ящик POP3 "student@rosnou.ru" существует
                И почтовый ящик POP3 "student@rosnou.ru" разблокирован
                И на "rosnou.ru" у службы POP3 есть домен "rosnou.ru"
                И MX-запись домена "rosnou.ru" указывает на "rosnou.ru"
                И MX-запись домена "rosnou.ru" соответствует имени его сервера
                И "mail.ru" может связаться с "rosnou.ru"
                Когда администратор выполняет "winpop createquotafile student@rosnou.ru"
                И администратор выполняет "winpop lock student@rosnou.ru"
                Тогда у почтового ящика POP3 "student@rosnou.ru" квота 10 МБ
                И почтовый ящик POP3 "student@rosnou.ru" заблокирован
                Когда "rosnou.ru" становится недоступен
                Тогда "mail.ru" не может связаться с "rosnou.ru"
            """);

        result.Scenarios.Single().Steps.Where(s => s.Status != RunStatus.Passed).Select(s => $"{s.Text}: {s.Error}").Should().BeEmpty();
    }

    /// <summary>The check's step result, after the default topology and <paramref name="setup"/> (Given/When lines).</summary>
    private static async Task<StepResult> Check(string setup, string check)
    {
        var lines = string.Join("\n", setup.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => "    " + l));
        var result = await RunAsync($"Feature: check\n  Scenario: one check\n    Given the default topology\n{lines}\n    Then {check}\n");
        var steps = result.Scenarios.Single().Steps;
        steps.Take(steps.Count - 1).Where(s => s.Status != RunStatus.Passed).Select(s => $"{s.Text}: {s.Error}").Should().BeEmpty("the setup steps must pass");
        return steps[^1];
    }

    private static Task<FeatureResult> RunAsync(string feature) => new FeatureRunner().RunTextAsync(feature, "inline.feature");
}

using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>
/// Checks that used to pass when they should not (issue 11, item 16): expected replies after the
/// server closed the connection, scenarios that run no step, steps written in another language
/// than the feature's.
/// </summary>
public sealed class ScenarioCheckTests
{
    [Fact]
    public async Task AfterThePausedServersClose_TheRepliesItNeverGave_FailTheStep()
    {
        var result = await Run(""""
            Feature: early close
              Scenario: a paused server
                Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is paused
                When a client connects to SMTP on "rosnou.ru" and sends:
                  """
                  EHLO client.example
                  MAIL FROM:<ivan@mail.ru>
                  QUIT
                  """
                Then the server replies:
                  """
                  421 4.3.2
                  250
                  250
                  221
                  """
            """");

        var step = result.Scenarios.Single().Steps[^1];
        step.Status.Should().Be(RunStatus.Failed);
        step.Error.Should().Be("The server's replies differ: the server closed the connection after 1 reply but 4 were expected; the first one it never gave is \"250\".");
        step.Expected.Should().Be("421 4.3.2\n250\n250\n221");
        step.Actual.Should().StartWith("421 4.3.2").And.Contain("(rosnou.ru closed the connection after 1 reply.)");
    }

    [Fact]
    public async Task RussianStepsInAFeatureWithoutItsLanguageLine_FailTheFeature_SayingWhatToAdd()
    {
        var result = await Run("""
            Feature: Russian steps, English header

              Scenario: Письмо доходит
                Допустим топология по умолчанию
                Тогда почтовый ящик "student@rosnou.ru" содержит 5 писем
            """);

        result.Passed.Should().BeFalse();
        result.Scenarios.Should().BeEmpty();
        result.Errors.Should().Equal(
            "inline.feature:4:5: \"Допустим топология по умолчанию\" reads as a step in Russian, but this feature is in English, so Gherkin takes it for description text and would not run it: put \"# language: ru\" on the first line",
            "inline.feature:5:5: \"Тогда почтовый ящик \"student@rosnou.ru\" содержит 5 писем\" reads as a step in Russian, but this feature is in English, so Gherkin takes it for description text and would not run it: put \"# language: ru\" on the first line");
    }

    [Fact]
    public async Task EnglishStepsInARussianFeature_FailTheFeature()
    {
        var result = await Run("""
            # language: ru
            Функция: английские шаги

              Сценарий: письмо
                Given the default topology
            """);

        result.Passed.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.Should().StartWith("inline.feature:5:5: \"Given the default topology\" reads as a step in English, but this feature is in Russian");
    }

    [Fact]
    public async Task AWholeRussianFileWithoutItsLanguageLine_GetsAHintUnderTheParsersErrors()
    {
        var result = await Run("""
            Функция: без строки языка
              Сценарий: письмо
                Допустим топология по умолчанию
            """);

        result.Passed.Should().BeFalse();
        result.Errors[^1].Should().Be("inline.feature:1: \"Функция: без строки языка\" is Gherkin in Russian, but the file has no language line: put \"# language: ru\" on the first line");
    }

    [Fact]
    public async Task ProseInADescription_IsNotTakenForSteps()
    {
        var result = await Run("""
            Feature: descriptions stay prose
              Письмо идёт от mail.ru к rosnou.ru; so does this English line.
              Then again, a line that starts like a step of the feature's own language is prose here.

              Scenario: one step
                Описание по-русски.
                Given the default topology
            """);

        result.Errors.Should().BeEmpty();
        result.Scenarios.Single().Status.Should().Be(RunStatus.Passed);
    }

    [Fact]
    public async Task AScenarioWithoutSteps_IsAWarning_NotAPass()
    {
        var result = await Run("""
            Feature: nothing to run
              Scenario: empty
            """);
        var report = new RunReport([result], 1);
        using var text = new StringWriter();
        TextReport.WriteFeature(text, result);
        TextReport.WriteSummary(text, report);

        result.Scenarios.Single().Status.Should().Be(RunStatus.Empty);
        report.Count(RunStatus.Passed).Should().Be(0);
        report.Passed.Should().BeTrue("a scenario without steps warns, it does not fail the run");
        text.ToString().Should().Contain("! Scenario: empty  (no steps: nothing was run)")
            .And.Contain("1 feature, 1 scenario: 0 passed, 1 without steps");
    }

    [Fact]
    public async Task ARussianFeaturesReport_IsInRussian()
    {
        var result = await Run("""
            # language: ru
            Функция: Отчёт по-русски

              Сценарий: Неверное число писем
                Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Привет"
                Тогда почтовый ящик "student@rosnou.ru" содержит 2 письма

              Сценарий: Опечатка
                Когда "ivan@mail.ru" посылает письмо "student@rosnou.ru" с темой "Привет"

              Сценарий: Пустой
            """);
        using var text = new StringWriter();
        TextReport.WriteFeature(text, result);
        TextReport.WriteSummary(text, new RunReport([result], 1500));
        var printed = text.ToString();

        printed.Should().StartWith("Функция: Отчёт по-русски  (inline.feature)")
            .And.MatchRegex(@"✗ Сценарий: Неверное число писем  \(\d+ мс\)")
            .And.Contain("Ожидалось: 2 messages")
            .And.Contain("Получено:  1 message: \"Привет\"")
            .And.Contain("Протокол вокруг этого шага:")
            .And.Contain("Неопределённый шаг: Когда \"ivan@mail.ru\" посылает письмо")
            .And.Contain("Ближайшие формулировки:")
            .And.Contain("! Сценарий: Пустой  (нет шагов: ничего не выполнено)")
            .And.Contain("1 функция, 3 сценария: успешно: 0, с ошибками: 1, не определено: 1, без шагов: 1 (1.50 с)");
        printed.Should().NotContain("Expected").And.NotContain("Transcript").And.NotContain("Scenario:");
    }

    [Theory]
    [InlineData(1, "1 функция, 1 сценарий")]
    [InlineData(3, "3 функции, 3 сценария")]
    [InlineData(5, "5 функций, 5 сценариев")]
    [InlineData(11, "11 функций, 11 сценариев")]
    [InlineData(21, "21 функция, 21 сценарий")]
    [InlineData(22, "22 функции, 22 сценария")]
    public void RussianCounts_AgreeWithTheirNumber(int count, string expected) =>
        $"{RunnerWords.Russian.Features(count)}, {RunnerWords.Russian.Scenarios(count)}".Should().Be(expected);

    private static Task<FeatureResult> Run(string feature) => new FeatureRunner().RunTextAsync(feature, "inline.feature");
}

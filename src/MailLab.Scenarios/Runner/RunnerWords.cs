using System.Globalization;

namespace MailLab.Scenarios.Runner;

/// <summary>
/// The runner's own words (report headers, outcomes, expected / actual, its messages about steps)
/// in a feature's language: Russian for <c># language: ru</c>, else English (the two languages the
/// step library speaks). What a step's driver says (a check's message, a refused command) stays
/// as the driver wrote it.
/// </summary>
public sealed record RunnerWords
{
    public static readonly RunnerWords English = new()
    {
        Language = "en",
        FeatureKeyword = "Feature",
        ScenarioKeyword = "Scenario",
        Expected = "Expected",
        Actual = "Actual",
        Transcript = "Transcript around this step:",
        Output = "Output:",
        IgnoredScenario = "ignored",
        NoSteps = "no steps: nothing was run",
        Milliseconds = "ms",
        Seconds = "s",
        Passed = "passed",
        Failed = "failed",
        Undefined = "undefined",
        Ignored = "ignored",
        WithoutSteps = "without steps",
        UndefinedStep = "Undefined step",
        ClosestPhrasings = "Closest phrasings:",
        AmbiguousStep = "Ambiguous step",
        Matches = "matches",
        And = "and",
        FeatureNoun = n => n == 1 ? "feature" : "features",
        ScenarioNoun = n => n == 1 ? "scenario" : "scenarios",
        UnreadableNoun = n => n == 1 ? "feature file unreadable" : "feature files unreadable",
        Counted = (count, outcome) => $"{count} {outcome}",
    };

    public static readonly RunnerWords Russian = new()
    {
        Language = "ru",
        FeatureKeyword = "Функция",
        ScenarioKeyword = "Сценарий",
        Expected = "Ожидалось",
        Actual = "Получено",
        Transcript = "Протокол вокруг этого шага:",
        Output = "Вывод:",
        IgnoredScenario = "пропущен",
        NoSteps = "нет шагов: ничего не выполнено",
        Milliseconds = "мс",
        Seconds = "с",
        Passed = "успешно",
        Failed = "с ошибками",
        Undefined = "не определено",
        Ignored = "пропущено",
        WithoutSteps = "без шагов",
        UndefinedStep = "Неопределённый шаг",
        ClosestPhrasings = "Ближайшие формулировки:",
        AmbiguousStep = "Неоднозначный шаг",
        Matches = "подходит под",
        And = "и",
        FeatureNoun = n => RussianPlural(n, "функция", "функции", "функций"),
        ScenarioNoun = n => RussianPlural(n, "сценарий", "сценария", "сценариев"),
        UnreadableNoun = n => RussianPlural(n, "файл не читается", "файла не читаются", "файлов не читаются"),
        Counted = (count, outcome) => $"{outcome}: {count}",
    };

    /// <summary>The Gherkin language of these words ("en", "ru").</summary>
    public required string Language { get; init; }

    /// <summary>The Gherkin keyword the report's feature headers use ("Feature", "Функция").</summary>
    public required string FeatureKeyword { get; init; }

    /// <summary>The Gherkin keyword the report's scenario headers use ("Scenario", "Сценарий").</summary>
    public required string ScenarioKeyword { get; init; }

    public required string Expected { get; init; }

    public required string Actual { get; init; }

    public required string Transcript { get; init; }

    /// <summary>The header over what an admin command printed (<c>--verbose</c>).</summary>
    public required string Output { get; init; }

    /// <summary>In place of an ignored scenario's time.</summary>
    public required string IgnoredScenario { get; init; }

    /// <summary>In place of a step-less scenario's time: a warning that it checked nothing.</summary>
    public required string NoSteps { get; init; }

    public required string Milliseconds { get; init; }

    public required string Seconds { get; init; }

    public required string Passed { get; init; }

    public required string Failed { get; init; }

    public required string Undefined { get; init; }

    public required string Ignored { get; init; }

    public required string WithoutSteps { get; init; }

    public required string UndefinedStep { get; init; }

    public required string ClosestPhrasings { get; init; }

    public required string AmbiguousStep { get; init; }

    public required string Matches { get; init; }

    public required string And { get; init; }

    private Func<int, string> FeatureNoun { get; init; } = null!;

    private Func<int, string> ScenarioNoun { get; init; } = null!;

    private Func<int, string> UnreadableNoun { get; init; } = null!;

    private Func<int, string, string> Counted { get; init; } = null!;

    /// <summary>The words of a feature's language; English for any language but Russian.</summary>
    public static RunnerWords For(string? language) => language == "ru" ? Russian : English;

    /// <summary>"3 features", "3 функции".</summary>
    public string Features(int count) => $"{count} {FeatureNoun(count)}";

    /// <summary>"25 scenarios", "25 сценариев".</summary>
    public string Scenarios(int count) => $"{count} {ScenarioNoun(count)}";

    /// <summary>"1 feature file unreadable", "1 файл не читается".</summary>
    public string Unreadable(int count) => $"{count} {UnreadableNoun(count)}";

    /// <summary>An outcome with its count: "2 passed", "успешно: 2".</summary>
    public string Count(int count, string outcome) => Counted(count, outcome);


    public string Duration(double milliseconds) => $"{milliseconds.ToString("0", CultureInfo.InvariantCulture)} {Milliseconds}";

    /// <summary>Russian nouns after a number: 1, 21 функция; 2-4, 22 функции; 5-20, 25 функций.</summary>
    internal static string RussianPlural(int n, string one, string few, string many)
    {
        var tens = n % 100;
        var units = n % 10;
        return tens is >= 11 and <= 14 ? many : units == 1 ? one : units is >= 2 and <= 4 ? few : many;
    }
}

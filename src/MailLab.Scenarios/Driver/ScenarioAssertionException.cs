namespace MailLab.Scenarios.Driver;

/// <summary>
/// A <c>Then</c> step whose expectation does not hold. The message says what was expected, what was
/// found, and shows the protocol transcript around the step, so both runners print the same text.
/// </summary>
public sealed class ScenarioAssertionException : Exception
{
    public ScenarioAssertionException(string summary, string expected, string actual, IReadOnlyList<string> transcript, RussianText? russian = null)
        : base(Format(summary, expected, actual, transcript))
    {
        Russian = russian;
        Summary = summary;
        Expected = expected;
        Actual = actual;
        Transcript = transcript;
    }

    public string Summary { get; }

    public string Expected { get; }

    public string Actual { get; }

    /// <summary>The failure in Russian, when the step gave it (a lab's check does).</summary>
    public RussianText? Russian { get; }

    /// <summary>The summary, expected and actual in a language ("ru" or "en"): Russian where the step gave it, else English.</summary>
    public (string Summary, string Expected, string Actual) In(string language) =>
        language == "ru" && Russian is { } ru ? (ru.Summary, ru.Expected ?? Expected, ru.Actual ?? Actual) : (Summary, Expected, Actual);

    /// <summary>Protocol lines around the failing step (<c>[host] C: ...</c>, <c>[host] S: ...</c>).</summary>
    public IReadOnlyList<string> Transcript { get; }

    private static string Format(string summary, string expected, string actual, IReadOnlyList<string> transcript)
    {
        var lines = new List<string> { summary, $"  Expected: {Indent(expected)}", $"  Actual:   {Indent(actual)}" };
        if (transcript.Count > 0)
        {
            lines.Add("  Transcript around this step:");
            lines.AddRange(transcript.Select(t => "    " + t));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Indent(string text) => text.Replace("\n", "\n            ", StringComparison.Ordinal);
}

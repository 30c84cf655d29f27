namespace MailLab.Scenarios.Driver;

/// <summary>
/// A step's failure in Russian, beside the English it is written in, for a lab checked with
/// <c>--lang ru</c>: the summary always, the expected and actual values only when they hold words
/// (running, locked, reachable…) rather than values the world prints (settings, counts, addresses).
/// What has no Russian text falls back to the English one.
/// </summary>
public sealed record RussianText(string Summary, string? Expected = null, string? Actual = null);

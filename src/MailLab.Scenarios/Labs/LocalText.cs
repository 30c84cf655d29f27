namespace MailLab.Scenarios.Labs;

/// <summary>A text of a lab in the two languages of the courseware (the lecture's Russian and English).</summary>
public sealed record LocalText(string Ru, string En)
{
    /// <summary>The Russian text for "ru", else the English one.</summary>
    public string For(string? language) => LabLanguage.Of(language) == "ru" ? Ru : En;
}

/// <summary>The courseware's languages: "ru" and "en" (the default).</summary>
public static class LabLanguage
{
    public static readonly IReadOnlyList<string> All = ["ru", "en"];

    /// <summary>"ru" for ru/RU/ru-RU, "en" for anything else (null too).</summary>
    public static string Of(string? language) =>
        language is not null && language.Trim().StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? "ru" : "en";

    /// <summary>Whether a --lang / ?lang= value is one of the two (null: not given, which is fine).</summary>
    public static bool IsKnown(string? language) =>
        language is null || All.Contains(language.Trim().ToLowerInvariant());
}

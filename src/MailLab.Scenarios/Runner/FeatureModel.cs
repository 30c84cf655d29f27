namespace MailLab.Scenarios.Runner;

/// <summary>A feature file read for running: its scenarios with Background steps included and outlines expanded.</summary>
public sealed record FeatureModel(string Path, string Name, string Language, IReadOnlyList<ScenarioModel> Scenarios, IReadOnlyList<string> Errors);

/// <summary>One runnable scenario (an outline gives one per example row).</summary>
public sealed record ScenarioModel(string Name, int Line, IReadOnlyList<string> Tags, IReadOnlyList<StepModel> Steps)
{
    public bool Ignored => Tags.Any(t => t.Equals("@ignore", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One step: its keyword as written, its kind (And/But resolved), its text, and its doc string or data table (header row first).</summary>
public sealed record StepModel(string Keyword, StepKind Kind, string Text, int Line, string? DocString, IReadOnlyList<IReadOnlyList<string>>? Table = null)
{
    /// <summary>Whether the step carries a doc string or a data table (the binding's last parameter).</summary>
    public bool HasArgument => DocString is not null || Table is not null;
}

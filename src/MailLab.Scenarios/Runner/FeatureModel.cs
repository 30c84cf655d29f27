namespace MailLab.Scenarios.Runner;

/// <summary>A feature file read for running: its scenarios with Background steps included and outlines expanded.</summary>
public sealed record FeatureModel(string Path, string Name, string Language, IReadOnlyList<ScenarioModel> Scenarios, IReadOnlyList<string> Errors);

/// <summary>One runnable scenario (an outline gives one per example row).</summary>
public sealed record ScenarioModel(string Name, int Line, IReadOnlyList<string> Tags, IReadOnlyList<StepModel> Steps)
{
    public bool Ignored => Tags.Any(t => t.Equals("@ignore", StringComparison.OrdinalIgnoreCase));
}

/// <summary>One step: its keyword as written, its kind (And/But resolved), its text and doc string.</summary>
public sealed record StepModel(string Keyword, StepKind Kind, string Text, int Line, string? DocString);

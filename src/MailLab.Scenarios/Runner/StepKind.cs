namespace MailLab.Scenarios.Runner;

/// <summary>Which kind of step a line is (And and But take the kind of the step before them).</summary>
public enum StepKind
{
    Given,
    When,
    Then,
}

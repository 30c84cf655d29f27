namespace MailLab.Scenarios.Steps;

/// <summary>
/// Marks a class of step definitions. The runtime runner builds one instance per scenario (its
/// constructor may take the <see cref="Driver.ScenarioWorld"/>); the SpecFlow bindings of
/// tests/MailLab.Specs dispatch to the same classes through <see cref="Runner.StepCatalog"/>.
/// The names follow SpecFlow's so a step file reads the same without SpecFlow referenced.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BindingAttribute : Attribute;

/// <summary>
/// One phrasing of a step: a regular expression over the step's text (anchored at both ends, as
/// SpecFlow anchors it), whose captures become the method's parameters; a doc string or data
/// table, when the step has one, is the last parameter. Without kinds it accepts any keyword.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public class StepDefinitionAttribute(string regex) : Attribute
{
    public string Regex { get; } = regex;

    /// <summary>The keywords it answers to.</summary>
    public virtual IReadOnlyList<Runner.StepKind> Kinds { get; } = [Runner.StepKind.Given, Runner.StepKind.When, Runner.StepKind.Then];
}

/// <summary>A phrasing that answers to Given only (and to And/But after a Given).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GivenAttribute(string regex) : StepDefinitionAttribute(regex)
{
    public override IReadOnlyList<Runner.StepKind> Kinds { get; } = [Runner.StepKind.Given];
}

/// <summary>A phrasing that answers to When only.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class WhenAttribute(string regex) : StepDefinitionAttribute(regex)
{
    public override IReadOnlyList<Runner.StepKind> Kinds { get; } = [Runner.StepKind.When];
}

/// <summary>
/// A phrasing that sets the scene after Given or When and that a state check reads like after Then
/// (a virtual server's state, a setting, a domain: see <see cref="LabCheckSteps"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GivenOrWhenAttribute(string regex) : StepDefinitionAttribute(regex)
{
    public override IReadOnlyList<Runner.StepKind> Kinds { get; } = [Runner.StepKind.Given, Runner.StepKind.When];
}

/// <summary>A phrasing that answers to Then only.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ThenAttribute(string regex) : StepDefinitionAttribute(regex)
{
    public override IReadOnlyList<Runner.StepKind> Kinds { get; } = [Runner.StepKind.Then];
}

/// <summary>
/// A step that only reads the world (no message sent, no setting changed, no mailbox opened by a
/// client, no clock moved): a lab may run it, as a <c>Then</c> step, against a student's running
/// instance (<see cref="Labs.LabChecker"/>). Steps declared <see cref="ThenAttribute"/> only are
/// checks by the library's rule and need no mark; this marks the checks declared for any keyword.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class ReadsOnlyAttribute : Attribute;

/// <summary>Runs before each scenario's first step.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BeforeScenarioAttribute : Attribute;

/// <summary>Runs after each scenario, whatever its outcome.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AfterScenarioAttribute : Attribute;

/// <summary>Runs before each step that matched a definition.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BeforeStepAttribute : Attribute;

/// <summary>Runs after each step that passed.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AfterStepAttribute : Attribute;

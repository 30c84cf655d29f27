using System.Reflection;
using System.Text.RegularExpressions;

namespace MailLab.Scenarios.Runner;

/// <summary>One phrasing of one binding method: the SpecFlow attribute's regular expression, anchored as SpecFlow anchors it.</summary>
public sealed record StepDefinition(StepKind Kind, string Pattern, Regex Regex, MethodInfo Method)
{
    /// <summary>The phrasing as people read it: <c>the mailbox "ADDRESS" contains N message(s)</c>.</summary>
    public string Phrasing { get; } = PhrasingFormatter.Format(Pattern, Method);

    public static StepDefinition Create(StepKind kind, string pattern, MethodInfo method)
    {
        var anchored = (pattern.StartsWith('^') ? pattern : "^" + pattern) + (pattern.EndsWith('$') ? string.Empty : "$");
        return new StepDefinition(kind, pattern, new Regex(anchored, RegexOptions.CultureInvariant), method);
    }

    public override string ToString() => $"{Kind} {Phrasing}";
}

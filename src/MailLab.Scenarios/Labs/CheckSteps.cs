using System.Reflection;
using System.Text.RegularExpressions;
using MailLab.Scenarios.Runner;
using MailLab.Scenarios.Steps;

namespace MailLab.Scenarios.Labs;

/// <summary>
/// Which steps a lab may use as a check: a <c>Then</c> step that only reads the world, since it runs
/// against a student's running instance. A phrasing declared for Then alone (<see cref="ThenAttribute"/>)
/// is an assertion by the step library's rule; one declared for any keyword counts only when marked
/// <see cref="ReadsOnlyAttribute"/>: a mailbox count reads the store, while a POP3 or IMAP reading logs
/// on as the student's user, takes the maildrop lock and, over IMAP, clears \Recent (RFC 3501 §2.3.2).
/// </summary>
public static class CheckSteps
{
    /// <summary>The one definition a check's text runs as, or the reason it cannot be a check.</summary>
    public static (StepDefinition Definition, Match Match)? Find(StepCatalog catalog, string check, out string? problem)
    {
        var matches = catalog.Match(StepKind.Then, check);
        if (matches.Count == 0)
        {
            var other = catalog.Match(StepKind.Given, check).Concat(catalog.Match(StepKind.When, check)).ToArray();
            problem = other.Length > 0
                ? $"\"{check}\" is a Given/When step ({other[0].Definition.Phrasing}), not a check: a check is a Then step"
                : catalog.Closest(check, StepKind.Then) is { Count: > 0 } closest
                    ? $"\"{check}\" is not a step of the library; closest Then phrasings: {string.Join("; ", closest.Select(c => c.Phrasing))}"
                    : $"\"{check}\" is not a step of the library (scenarios/STEPS.md lists them)";
            return null;
        }

        if (matches.Count > 1)
        {
            problem = $"\"{check}\" matches {matches.Count} steps ({string.Join("; ", matches.Select(m => m.Definition.Phrasing))})";
            return null;
        }

        if (!ReadsOnly(matches[0].Definition.Method))
        {
            problem = $"\"{check}\" ({matches[0].Definition.Method.DeclaringType?.Name}.{matches[0].Definition.Method.Name}) would change the world or reads a session's result, not the world: a check must be a Then-only step or one marked [ReadsOnly]";
            return null;
        }

        problem = null;
        return matches[0];
    }

    /// <summary>Declared for Then alone, or marked as only reading.</summary>
    public static bool ReadsOnly(MethodInfo method)
    {
        if (method.IsDefined(typeof(ReadsOnlyAttribute), inherit: false))
        {
            return true;
        }

        var kinds = method.GetCustomAttributes<StepDefinitionAttribute>().SelectMany(a => a.Kinds).Distinct().ToArray();
        return kinds.Length > 0 && kinds.All(k => k == StepKind.Then);
    }
}

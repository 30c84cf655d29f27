using System.Collections;

namespace MailLab.Protocol.Smtp;

/// <summary>A sequencing rule: while <see cref="When"/> holds, the command is answered <see cref="Reply"/>.</summary>
internal readonly record struct SmtpSequenceRule(SmtpSessionConditions When, SmtpReply Reply);

/// <summary>
/// One row of <see cref="SmtpCommandTable"/>: a command, how long its line may be, whether it takes
/// an argument, and the states it is refused in, each with its reply. Rules are tried in order and
/// the first whose condition holds answers; a command no rule refuses runs.
/// </summary>
internal sealed class SmtpCommand(
    string name,
    SmtpVerb verb,
    int lineLimit = SmtpLimits.CommandLine,
    bool allowedWhenRefused = false,
    bool takesNoArgument = false,
    bool checksSequenceAfterSyntax = false) : IEnumerable<SmtpSequenceRule>
{
    private readonly List<SmtpSequenceRule> _rules = [];

    /// <summary>The verb as the client sends it (upper case); empty for the empty line.</summary>
    public string Name { get; } = name;

    public SmtpVerb Verb { get; } = verb;

    /// <summary>The longest command line accepted, CRLF included (RFC 5321 §4.5.3.1.4 and the extensions').</summary>
    public int LineLimit { get; } = lineLimit;

    /// <summary>Answered after a 554 greeting (RFC 5321 §3.1: only QUIT is).</summary>
    public bool AllowedWhenRefused { get; } = allowedWhenRefused;

    /// <summary>Any argument gets 501 5.5.4 before the sequence is checked (DATA, RSET, STARTTLS).</summary>
    public bool TakesNoArgument { get; } = takesNoArgument;

    /// <summary>
    /// The sequence is checked only once the command's syntax is (BDAT: a chunk with a valid size is
    /// read even when the command fails, and the reply follows it, RFC 3030 §2).
    /// </summary>
    public bool ChecksSequenceAfterSyntax { get; } = checksSequenceAfterSyntax;

    public IReadOnlyList<SmtpSequenceRule> Rules => _rules;

    /// <summary>Adds a rule (collection-initializer syntax, as the table is written).</summary>
    public void Add(SmtpSessionConditions when, SmtpReply reply) => _rules.Add(new SmtpSequenceRule(when, reply));

    /// <summary>The reply of the first rule whose condition holds in <paramref name="now"/>, or null when the command may run.</summary>
    public SmtpReply? SequenceRefusal(SmtpSessionConditions now)
    {
        foreach (var rule in _rules)
        {
            if ((now & rule.When) != 0)
            {
                return rule.Reply;
            }
        }

        return null;
    }

    IEnumerator<SmtpSequenceRule> IEnumerable<SmtpSequenceRule>.GetEnumerator() => _rules.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _rules.GetEnumerator();

    public override string ToString() => Name.Length == 0 ? "(empty line)" : Name;
}

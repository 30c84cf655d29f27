namespace MailLab.Scenarios.Driver;

/// <summary>What one IMAP session of a step did: who, where, whether the logon worked, and what it saw or changed.</summary>
public sealed record ImapReading(string Address, string Host, bool LoggedOn, IReadOnlyList<string> Subjects, string Outcome);

namespace MailLab.Scenarios.Driver;

/// <summary>
/// One mail client's POP3 session, as <c>When "ADDRESS" with password "P" retrieves mail over POP3
/// from "HOST"</c> ran it: whether the logon succeeded (else the reply that refused it), the
/// subjects of the messages retrieved, and whether they were deleted.
/// </summary>
public sealed record Pop3Retrieval(string Address, string Host, string Method, ServerReply? Refusal, IReadOnlyList<string> Subjects, bool Deleted, string Outcome)
{
    public bool LoggedOn => Refusal is null;
}

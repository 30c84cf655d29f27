namespace MailLab.Scenarios.Driver;

/// <summary>
/// A conversation a step typed (SMTP or POP3): the lines the client sent, the replies it got
/// (greeting first) with what each answered, and whether the server closed the connection before
/// the script ended.
/// </summary>
public sealed record Dialogue(string Protocol, string Host, IReadOnlyList<string> Sent, IReadOnlyList<ServerReply> Replies, IReadOnlyList<string> Labels, bool ClosedEarly, string? Note);

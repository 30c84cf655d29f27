namespace MailLab.Scenarios.Driver;

/// <summary>
/// An SMTP conversation a step typed: the lines the client sent, the replies it got (greeting
/// first), and whether the server closed the connection before the script ended.
/// </summary>
public sealed record Dialogue(string Host, IReadOnlyList<string> Sent, IReadOnlyList<ServerReply> Replies, bool ClosedEarly, string? Note);

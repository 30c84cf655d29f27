namespace MailLab.Protocol.Imap.Parsing;

/// <summary>
/// A command that does not follow RFC 9051 §9's grammar; the session answers it with
/// <c>TAG BAD message</c>. It never leaves the session.
/// </summary>
internal sealed class ImapSyntaxException(string message) : Exception(message);

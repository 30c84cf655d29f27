namespace MailLab.Testing;

/// <summary>An attachment of a received message: its file name, its MIME type (RFC 2045 §5) and its decoded bytes.</summary>
public sealed record MailAttachment(string? FileName, string ContentType, byte[] Content);

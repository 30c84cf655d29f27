namespace MailLab.Protocol.Smtp.Client;

/// <summary>One message to send: the envelope (RFC 5321 §2.3.1) and the RFC 5322 content.</summary>
public sealed record SmtpClientTransaction(string Sender, IReadOnlyList<string> Recipients, ReadOnlyMemory<byte> Content);

/// <summary>
/// What became of a session: <see cref="ConnectionError"/> when no transaction could start (greeting,
/// EHLO/HELO, a dropped connection or a protocol error before MAIL), otherwise one reply per recipient:
/// its RCPT refusal, the MAIL refusal, or the reply to the end of data.
/// </summary>
public sealed record SmtpClientResult(SmtpReply? ConnectionError, IReadOnlyDictionary<string, SmtpReply> RecipientReplies);

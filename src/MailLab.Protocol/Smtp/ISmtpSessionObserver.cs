namespace MailLab.Protocol.Smtp;

/// <summary>
/// Sees every client line and server reply of a session, in order. AUTH secrets arrive already
/// redacted (as MailKit's protocol logger does), so a transcript can be shown to anyone.
/// </summary>
public interface ISmtpSessionObserver
{
    void OnClientLine(string line);

    void OnServerReply(SmtpReply reply);

    /// <summary>
    /// Message content was sent or received (not shown line by line): its octets without DATA's
    /// dot-stuffing and final "." (RFC 5321 §4.5.2), the same at both ends; a BDAT chunk's octets.
    /// </summary>
    void OnClientData(long octets);
}

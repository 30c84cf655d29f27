namespace MailLab.Protocol.Smtp;

/// <summary>
/// Sees every client line and server reply of a session, in order. AUTH secrets arrive already
/// redacted (as MailKit's protocol logger does), so a transcript can be shown to anyone.
/// </summary>
public interface ISmtpSessionObserver
{
    void OnClientLine(string line);

    void OnServerReply(SmtpReply reply);

    /// <summary>Message content of the given size was received (not shown line by line).</summary>
    void OnClientData(long octets);
}

namespace MailLab.Protocol.Pop3;

/// <summary>
/// Sees every client line and server response of a session, in order. Secrets arrive already
/// redacted as <c>****</c> (the PASS argument, the APOP digest, AUTH initial responses and every
/// line of a SASL exchange), so a transcript can be shown to anyone; message content is not shown.
/// </summary>
public interface IPop3SessionObserver
{
    void OnClientLine(string line);

    /// <summary>
    /// A status line (or a SASL challenge <c>+ …</c>). For a multi-line response,
    /// <paramref name="multiLineOctets"/> is the size of what followed the status line on the
    /// wire, byte-stuffing and the terminating <c>.</c> line included; null for a single line.
    /// </summary>
    void OnServerResponse(string line, long? multiLineOctets);
}

using MailLab.Protocol.Smtp;

namespace MailLab.Mail.Tracing;

/// <summary>
/// What a protocol line holds until someone reads it: the line's text, the <see cref="SmtpReply"/>
/// a session sent (most are shared, pre-built ones), or the size of the message content sent; it
/// becomes text (<see cref="Text"/>) only when the trace is read.
/// </summary>
internal readonly record struct LineContent
{
    private readonly string? _text;
    private readonly SmtpReply? _reply;
    private readonly long _octets;

    private LineContent(string? text, SmtpReply? reply, long octets)
    {
        _text = text;
        _reply = reply;
        _octets = octets;
    }

    public static LineContent Line(string text) => new(text, null, 0);

    public static LineContent Reply(SmtpReply reply) => new(null, reply, 0);

    public static LineContent Content(long octets) => new(null, null, octets);

    /// <summary>The line itself, the reply as sent, or what the content line says.</summary>
    public string Text => _text ?? _reply?.DisplayText ?? ContentText(_octets);

    /// <summary>
    /// What a content line says: the message's octets as both ends of a hop count them, without the
    /// dot-stuffing and the final "." of DATA (RFC 5321 §4.5.2) — the size the receiver stores.
    /// </summary>
    public static string ContentText(long octets) =>
        $"({octets} {(octets == 1 ? "octet" : "octets")} of message content, not counting dot-stuffing or the final \".\")";
}

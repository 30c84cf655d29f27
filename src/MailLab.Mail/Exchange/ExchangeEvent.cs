namespace MailLab.Mail.Exchange;

/// <summary>An entry of the server's Application log, as Event Viewer shows it.</summary>
public sealed record ExchangeEvent(int Id, string Source, ExchangeEventType Type, string Description);

/// <summary>Event Viewer's types.</summary>
public enum ExchangeEventType
{
    Information,
    Warning,
    Error,
}

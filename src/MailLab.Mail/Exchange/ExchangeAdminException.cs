namespace MailLab.Mail.Exchange;

/// <summary>An Exchange System Manager operation refused, with the text ESM would show.</summary>
public sealed class ExchangeAdminException(string message) : InvalidOperationException(message);

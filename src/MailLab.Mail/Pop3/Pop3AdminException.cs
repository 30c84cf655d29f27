namespace MailLab.Mail.Pop3;

/// <summary>An administrative operation was refused; the message is the one-line reason winpop prints.</summary>
public sealed class Pop3AdminException : Exception
{
    public Pop3AdminException(string message)
        : base(message)
    {
    }

    public Pop3AdminException()
    {
    }

    public Pop3AdminException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

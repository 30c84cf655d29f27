namespace MailLab.Admin;

/// <summary>An administration command that cannot run: a bad argument, an unknown host, or a refusal from the server.</summary>
public sealed class AdminCommandException : Exception
{
    public AdminCommandException(string message)
        : base(message)
    {
    }
}

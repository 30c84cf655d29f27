namespace MailLab.Mail.Pop3.Settings;

/// <summary>
/// Every property of a host's POP3 service at one moment (the POP3 Service console's server
/// properties and winpop get/set, docs/REFERENCE.md, "Windows Server 2003 POP3 service"): immutable,
/// checked as a whole by <see cref="Pop3Settings"/> and swapped in with one reference assignment
/// (<see cref="Pop3Service.Configure"/>), so a session that took it sees one consistent set.
/// </summary>
public sealed record Pop3Snapshot(
    int Port,
    Pop3AuthenticationMethod Authentication,
    bool RequireSpa,
    string Directory,
    long DefaultQuotaBytes,
    string MailRoot,
    int LoggingLevel,
    int ThreadCount,
    int SocketMin,
    int SocketMax)
{
    /// <summary>Windows' defaults; the directory defaults to the host's parent domain (<see cref="ActiveDirectories.DefaultNameFor"/>).</summary>
    public static Pop3Snapshot Defaults(string hostName) => new(
        Pop3Service.DefaultPort,
        Pop3AuthenticationMethod.LocalAccounts,
        RequireSpa: false,
        hostName.Length == 0 ? "" : ActiveDirectories.DefaultNameFor(hostName),
        Pop3Service.DefaultQuotaLimit,
        @"C:\Inetpub\mailroot\Mailbox",
        LoggingLevel: 1,
        ThreadCount: 2,
        SocketMin: 10,
        SocketMax: 50);
}

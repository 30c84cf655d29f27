using MailLab.Mail.Pop3;

namespace MailLab.Mail.Recipients;

/// <summary>
/// The directory a host's recipients live in: its organisation's (<see cref="Pop3Service.Directory"/>),
/// with the host's own accounts as users too, as an Exchange server's mailbox owners are accounts of
/// the domain (each made a user with its logon name as alias the first time it is asked for).
/// </summary>
public static class HostDirectory
{
    public static ActiveDirectory Of(World.MailHost host)
    {
        var directory = host.Pop3.Directory;
        foreach (var account in host.Accounts.All)
        {
            if (!directory.HasUser(account.Address))
            {
                directory.User(account.Address);
            }
        }

        return directory;
    }
}

using MailLab.Mail.Stores;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// A host's mailbox store on disk, laid out as the Windows Server 2003 POP3 service keeps it
/// (docs/REFERENCE.md, "Store"): <c>&lt;mailroot&gt;/Mailbox/&lt;domain&gt;/P3_&lt;user&gt;.mbx/&lt;id&gt;.eml</c>.
/// The mailroot is the home directory of the host's first virtual server (where IIS and the POP3
/// service share it by default, C:\Inetpub\mailroot); a later <c>winpop set mailroot</c> does not
/// move files. A file's name is the accepted message's id, and each recipient has its own folder,
/// so the name derives from (message, recipient): delivering the same message again rewrites the
/// same file instead of adding a copy. Users and domains map to folders one-to-one
/// (<see cref="StoreFiles.EscapeName"/>), so no two mailboxes share a folder.
/// </summary>
internal sealed class MailboxFiles(string root) : IMailboxPersistence
{
    public string Root { get; } = root;

    public void Delivered(Mailbox mailbox, StoredMessage message) =>
        DurableFile.Write(FilePath(mailbox, message), MailFileFormat.Envelope(message, [mailbox.Address], message.Received), message.Data);

    public void Removed(Mailbox mailbox, StoredMessage message) => DurableFile.Delete(FilePath(mailbox, message));

    public void MailboxDeleted(Mailbox mailbox)
    {
        var folder = Folder(mailbox.Address);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Reads every P3_user.mbx folder back into the host's store; returns the highest message id seen.</summary>
    public long Load(MailHost host, DataDirectoryReport report)
    {
        long highest = 0;
        if (!Directory.Exists(Root))
        {
            return highest;
        }

        foreach (var domainFolder in Directory.EnumerateDirectories(Root))
        {
            var domain = StoreFiles.UnescapeName(Path.GetFileName(domainFolder));
            foreach (var mailboxFolder in Directory.EnumerateDirectories(domainFolder, "P3_*.mbx"))
            {
                var user = StoreFiles.UnescapeName(Path.GetFileName(mailboxFolder)[3..^4]);
                var mailbox = host.Mailboxes.Find($"{user}@{domain}") ?? host.Mailboxes.Create($"{user}@{domain}");
                foreach (var (message, _, _) in StoreFiles.ReadMessages(mailboxFolder, "*.eml", host, report))
                {
                    mailbox.Add(message);
                    highest = Math.Max(highest, message.Sequence);
                    report.Mailboxes++;
                }
            }
        }

        return highest;
    }

    private string FilePath(Mailbox mailbox, StoredMessage message) => Path.Combine(Folder(mailbox.Address), message.Id + ".eml");

    private string Folder(string address)
    {
        var at = address.LastIndexOf('@');
        var user = at < 0 ? address : address[..at];
        var domain = at < 0 ? "localhost" : address[(at + 1)..];
        return Path.Combine(Root, StoreFiles.EscapeName(domain), $"P3_{StoreFiles.EscapeName(user)}.mbx");
    }
}

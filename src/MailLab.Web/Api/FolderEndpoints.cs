using MailLab.Hosting;
using MailLab.Mail.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MailLab.Web.Api;

/// <summary>
/// A mailbox's IMAP folders (INBOX and the RFC 6154 special-use ones a client created or got at
/// its first logon), with what each holds. IMAP is MailLab's own: the Windows Server 2003 POP3
/// service had no IMAP, and a POP3 client sees INBOX only.
/// </summary>
internal static class FolderEndpoints
{
    public static void MapFolderEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/mailboxes/{address}/folders", (string address, MailLabServer runtime) =>
            {
                foreach (var host in runtime.World.Hosts)
                {
                    if (host.Mailboxes.Find(address) is { } mailbox)
                    {
                        return Results.Ok(mailbox.Folders.Select(ToDto).ToArray());
                    }
                }

                return ServerEndpoints.NotFound($"No mailbox \"{address}\".");
            })
            .WithName("ListMailboxFolders")
            .WithSummary("A mailbox's IMAP folders: name, special use, messages, unseen, deleted (not yet expunged), bytes, UIDVALIDITY, UIDNEXT.");
    }

    private static FolderDto ToDto(MailboxFolder folder)
    {
        var messages = folder.Messages;
        return new FolderDto(
            folder.Name,
            folder.SpecialUse == SpecialUse.None ? null : folder.SpecialUse.ToString(),
            folder.Subscribed,
            messages.Count,
            messages.Count(m => !m.IsSeen),
            messages.Count(m => m.IsDeleted),
            messages.Sum(m => m.Size),
            folder.UidValidity,
            folder.UidNext);
    }
}

/// <summary>One folder of a mailbox; <c>specialUse</c> is Sent, Drafts, Trash, Junk, Archive or null (RFC 6154).</summary>
public sealed record FolderDto(string Name, string? SpecialUse, bool Subscribed, int Messages, int Unseen, int Deleted, long Bytes, uint UidValidity, uint UidNext);

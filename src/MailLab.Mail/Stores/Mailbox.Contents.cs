namespace MailLab.Mail.Stores;

/// <summary>One mailbox's folders and messages given to another (Exchange's Reconnect gives a user a disconnected mailbox).</summary>
public sealed partial class Mailbox
{
    /// <summary>
    /// Every folder of <paramref name="source"/> into this mailbox: each folder by name, with its special
    /// use (when no folder here has it) and its subscription, and each message appended with its flags,
    /// keywords and internal date, through the disk layer, so it is durable before this returns. A message
    /// the folder here already holds (the same message id) is skipped: taking the same source again, after
    /// a crash cut the first time short, adds no copies.
    /// </summary>
    public void TakeContentsOf(Mailbox source)
    {
        foreach (var from in source.Folders)
        {
            var to = FindFolder(from.Name) ?? CreateFolder(from.Name, FindFolder(from.SpecialUse) is null ? from.SpecialUse : SpecialUse.None);
            if (to.Subscribed != from.Subscribed)
            {
                Subscribe(to.Name, from.Subscribed);
            }

            var held = to.Messages.Select(m => m.Message.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var entry in from.Messages.Where(e => !held.Contains(e.Message.Id)))
            {
                Append(to, entry.Message, entry.Flags, entry.Keywords, entry.InternalDate);
            }
        }
    }
}

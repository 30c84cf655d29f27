namespace MailLab.Mail.Stores;

/// <summary>
/// Subscriptions (RFC 9051 §6.3.7-8). A folder's own is its <see cref="MailboxFolder.Subscribed"/>;
/// a name may also be subscribed with no folder behind it, and a folder's deletion must not drop its
/// subscription (RFC 3501 §6.3.9, RFC 9051 §6.3.7): those names are kept here, reach the disk layer
/// before the call returns, and become the folder's subscription again when it is created.
/// LIST (SUBSCRIBED) shows them as \NonExistent (RFC 5258 §3).
/// </summary>
public sealed partial class Mailbox
{
    // Guarded by Gate.
    private readonly SortedSet<string> _subscribedNames = new(StringComparer.Ordinal);

    /// <summary>Subscribed names that have no folder, in ordinal order.</summary>
    public IReadOnlyList<string> SubscribedNamesWithoutFolder
    {
        get
        {
            lock (Gate)
            {
                return [.. _subscribedNames];
            }
        }
    }

    /// <summary>SUBSCRIBE: the folder's subscription, or the name's when there is no folder.</summary>
    public void Subscribe(string name)
    {
        lock (Gate)
        {
            if (FindLocked(name) is null)
            {
                if (_subscribedNames.Add(name))
                {
                    Persistence?.SubscriptionsChanged(this, [.. _subscribedNames]);
                }

                return;
            }
        }

        Subscribe(name, true);
    }

    /// <summary>UNSUBSCRIBE: false when neither the name nor a folder of that name is subscribed.</summary>
    public bool Unsubscribe(string name)
    {
        lock (Gate)
        {
            if (_subscribedNames.Remove(name))
            {
                Persistence?.SubscriptionsChanged(this, [.. _subscribedNames]);
                return true;
            }

            if (FindLocked(name) is not { Subscribed: true })
            {
                return false;
            }
        }

        Subscribe(name, false);
        return true;
    }

    /// <summary>A subscribed folder being deleted leaves its name subscribed.</summary>
    private void KeepSubscriptionLocked(MailboxFolder folder)
    {
        if (folder.Subscribed && _subscribedNames.Add(folder.Name))
        {
            Persistence?.SubscriptionsChanged(this, [.. _subscribedNames]);
        }
    }

    /// <summary>A folder created under a subscribed name takes the subscription over.</summary>
    private void TakeSubscriptionLocked(MailboxFolder folder)
    {
        if (_subscribedNames.Remove(folder.Name))
        {
            folder.Subscribed = true;
            Persistence?.FolderChanged(this, folder);
            Persistence?.SubscriptionsChanged(this, [.. _subscribedNames]);
        }
    }

    /// <summary>Names the disk layer read back (after the folders: a name whose folder is there, because a crash cut its deletion short, is the folder's subscription).</summary>
    internal void RestoreSubscribedNamesLocked(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (FindLocked(name) is { } folder)
            {
                folder.Subscribed = true;
            }
            else
            {
                _subscribedNames.Add(name);
            }
        }
    }
}

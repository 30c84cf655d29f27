namespace MailLab.Mail.Stores;

/// <summary>RFC 6154 special-use attributes of a folder (\Sent, \Drafts, \Trash, \Junk, \Archive).</summary>
public enum SpecialUse
{
    None,
    Sent,
    Drafts,
    Trash,
    Junk,
    Archive,
}

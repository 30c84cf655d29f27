using MailLab.Mail.Smtp;

namespace MailLab.Mail.Persistence;

/// <summary>
/// What a host's <see cref="SmtpService"/> tells the disk layer about virtual servers added or
/// deleted at run time (admin API, the New SMTP Virtual Server wizard, <c>maillab smtp vs create</c>,
/// a scenario step): all of them go through <see cref="SmtpService.AddVirtualServer"/>, so each gets
/// its home directory on disk the same way as one of the topology the data directory opened with.
/// </summary>
internal interface IVirtualServerPersistence
{
    /// <summary>
    /// Before the new virtual server is listed, so before any session or hop can reach it: its home
    /// directory gets its disk layer (what its folder on disk already holds is read back first).
    /// Throwing (the disk cannot be used) fails the creation as a whole.
    /// </summary>
    void Adding(SmtpVirtualServer server);

    /// <summary>After it is listed: its queue resumes and its Pickup folder on disk is watched.</summary>
    void Added(SmtpVirtualServer server);

    /// <summary>After it was deleted (or its creation failed): its Pickup folder is no longer watched. Its files stay, as IIS leaves the mailroot.</summary>
    void Removed(SmtpVirtualServer server);
}

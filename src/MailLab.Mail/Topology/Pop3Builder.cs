using MailLab.Mail.Pop3;
using MailLab.Mail.Pop3.Settings;
using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a host's <c>pop3</c> block: the Windows Server 2003 POP3 service's settings (each key as
/// <see cref="Pop3Settings"/> declares it: its type, range and default), then its e-mail domains and
/// their mailboxes, through the same <see cref="Pop3Service"/> calls winpop makes.
/// <code>
/// pop3:
///   port: 2111                      # …the settings, one key each
///   domains:
///     - name: rosnou.ru
///       locked: false
///       mailboxes:
///         - { user: petr, password: Secret1, locked: false, quota: 20480 }
/// </code>
/// A mailbox's <c>password</c> creates its user (winpop /createuser): a local account, a directory
/// account, or a password-file entry; <c>passwordHash</c> restores a password-file entry as the
/// writer saved it. Without either, the user must exist already (a host account, or a directory one).
/// </summary>
internal sealed class Pop3Builder(TopologyDiagnostics diagnostics, VirtualServerBuilder listeners)
{
    /// <summary>The keys of a <c>pop3</c> block: the settings table's, then the domains.</summary>
    public static IEnumerable<string> Pop3Keys => Pop3Settings.All.Select(s => s.Key).Append(DomainsKey);

    internal const string DomainsKey = "domains";
    private static readonly string[] DomainKeys = ["name", "locked", "mailboxes"];
    private static readonly string[] MailboxKeys = ["user", "password", "passwordHash", "locked", "quota", "quotaUser"];

    private readonly HashSet<Pop3Service> _explicitPorts = [];

    /// <summary>True when the file gave the service its port (the others get the default ports).</summary>
    public bool HasExplicitPort(Pop3Service service) => _explicitPorts.Contains(service);

    public void Read(MailHost host, MappingReader pop3)
    {
        var service = host.Pop3;
        service.Enabled = true;
        ReadSettings(host, pop3, service);
        var quotas = new List<Action>();
        foreach (var (node, path) in pop3.Items(DomainsKey))
        {
            if (MappingReader.Open(node, path, diagnostics, DomainKeys) is { } domain)
            {
                ReadDomain(service, domain, quotas);
            }
        }

        // Quotas last: a quota file may name the user of a mailbox listed further down (/user:).
        quotas.ForEach(apply => apply());
    }

    /// <summary>
    /// The settings before the domains: the method decides what a mailbox's password creates. A host
    /// that names its directory is a domain member, where Windows defaults to the directory
    /// (docs/REFERENCE.md, "Authentication"). A port other than 0 is claimed among the file's listeners.
    /// </summary>
    private void ReadSettings(MailHost host, MappingReader pop3, Pop3Service service)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var settings = SettingsReader.ReadFlat(pop3, Pop3Settings.All, service.Settings, read);
        var port = Pop3Settings.Port;
        if (read.Contains(port.Key))
        {
            if (settings.Port == 0 || listeners.Claim(pop3, port.Key, service.Address, settings.Port, $"the POP3 service of {host.Name}"))
            {
                _explicitPorts.Add(service);
            }
            else
            {
                settings = settings with { Port = service.Port };
            }
        }

        if (!pop3.Has(Pop3Settings.Authentication.Key) && read.Contains(Pop3Settings.Directory.Key))
        {
            settings = settings with { Authentication = Pop3AuthenticationMethod.ActiveDirectoryIntegrated };
        }

        if (Pop3Settings.Validate(settings) is { } problem)
        {
            SettingsReader.ReportBroken(problem, name => (pop3, Pop3Settings.Find(name).Key));
            return;
        }

        service.Configure(_ => settings);
    }

    private void ReadDomain(Pop3Service service, MappingReader reader, List<Action> quotas)
    {
        if (!reader.Require("name") || !reader.TryString("name", out var name))
        {
            return;
        }

        Pop3Domain domain;
        try
        {
            domain = service.AddDomain(name, adoptAccounts: false);
        }
        catch (Pop3AdminException e)
        {
            reader.Error("name", e.Message);
            return;
        }

        foreach (var (node, path) in reader.Items("mailboxes"))
        {
            if (MappingReader.Open(node, path, diagnostics, MailboxKeys) is { } mailbox)
            {
                ReadMailbox(service, domain, mailbox, quotas);
            }
        }

        // After the mailboxes: their own locks are kept under the domain's (docs/REFERENCE.md, "Locks").
        if (reader.Has("locked") && reader.TryBool("locked", out var locked) && locked)
        {
            service.Lock(domain.Name);
        }
    }

    private static void ReadMailbox(Pop3Service service, Pop3Domain domain, MappingReader reader, List<Action> quotas)
    {
        string? password = null;
        string? hash = null;
        var valid = reader.Require("user") & reader.TryString("user", out var user)
            & (!reader.Has("password") || ReadText(reader, "password", out password))
            & (!reader.Has("passwordHash") || ReadText(reader, "passwordHash", out hash));
        if (!valid || !CheckCredentials(service, reader, password, hash))
        {
            return;
        }

        var address = $"{user}@{domain.Name}";
        if (service.AuthenticationMethod == Pop3AuthenticationMethod.ActiveDirectoryIntegrated && password is not null
            && service.Directory.Find(address) is { } existing)
        {
            // Another host of the same directory listed this user already: the same account, so the same password.
            if (!existing.Verify(password))
            {
                reader.Error("password", $"the directory {service.Directory.Name} already has {existing.Address} with another password");
                return;
            }

            password = null;
        }

        try
        {
            service.AddMailbox(address, password, hash);
        }
        catch (Pop3AdminException e)
        {
            reader.Error(hash is null ? "user" : "passwordHash", e.Message);
            return;
        }

        quotas.Add(() => ReadQuota(service, reader, address));
        if (reader.Has("locked") && reader.TryBool("locked", out var locked) && locked)
        {
            service.Lock(address);
        }
    }

    private static bool CheckCredentials(Pop3Service service, MappingReader reader, string? password, string? hash)
    {
        var passwordFile = service.AuthenticationMethod == Pop3AuthenticationMethod.EncryptedPasswordFile;
        if (password is not null && hash is not null)
        {
            reader.Error("passwordHash", "give password or passwordHash, not both");
            return false;
        }

        if (hash is not null && !passwordFile)
        {
            reader.Error("passwordHash", "only the passwordFile authentication method keeps password hashes");
            return false;
        }

        if (passwordFile && password is null && hash is null)
        {
            reader.Error("password", "is required with the passwordFile authentication method (or passwordHash)");
            return false;
        }

        return true;
    }

    private static void ReadQuota(Pop3Service service, MappingReader reader, string address)
    {
        long? limit = null;
        string? owner = null;
        var valid = (!reader.Has("quota") || reader.TryNullableLong("quota", out limit))
            & (!reader.Has("quotaUser") || ReadText(reader, "quotaUser", out owner));
        if (!valid)
        {
            return;
        }

        if (limit is < 1)
        {
            reader.Error("quota", "must be a number of bytes, at least 1, or null (no quota file)");
            return;
        }

        try
        {
            if (owner is not null)
            {
                service.CreateQuotaFile(address, owner);
            }

            if (limit is { } bytes)
            {
                service.SetQuota(address, bytes);
            }
        }
        catch (Pop3AdminException e)
        {
            reader.Error("quotaUser", e.Message);
        }
    }

    private static bool ReadText(MappingReader reader, string key, out string? value)
    {
        var ok = reader.TryString(key, out var text);
        value = ok ? text : null;
        return ok;
    }
}

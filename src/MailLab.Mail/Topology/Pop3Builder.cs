using MailLab.Mail.Pop3;
using MailLab.Mail.World;

namespace MailLab.Mail.Topology;

/// <summary>
/// Reads a host's <c>pop3</c> block: the Windows Server 2003 POP3 service's settings, its e-mail
/// domains and their mailboxes, through the same <see cref="Pop3Service"/> calls winpop makes.
/// <code>
/// pop3:
///   port: 2111                      # winpop set port (0 picks a free port)
///   authentication: local           # local | activeDirectory | passwordFile (default: local, or
///                                   # activeDirectory when the host names its directory)
///   requireSpa: false               # winpop set sparequired
///   directory: rosnou.ru            # the Active Directory domain (default: the host's parent domain)
///   defaultQuotaBytes: 10485760     # the limit a new quota file's user gets
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
    public static readonly string[] Pop3Keys = ["port", "authentication", "requireSpa", "directory", "defaultQuotaBytes", "domains"];
    private static readonly string[] DomainKeys = ["name", "locked", "mailboxes"];
    private static readonly string[] MailboxKeys = ["user", "password", "passwordHash", "locked", "quota", "quotaUser"];

    private readonly HashSet<Pop3Service> _explicitPorts = [];

    /// <summary>True when the file gave the service its port (the others get the default ports).</summary>
    public bool HasExplicitPort(Pop3Service service) => _explicitPorts.Contains(service);

    public void Read(MailHost host, MappingReader pop3)
    {
        var service = host.Pop3;
        service.Enabled = true;
        if (pop3.Has("port") && pop3.TryInt("port", 0, 65535, out var port)
            && (port == 0 || listeners.Claim(pop3, "port", service.Address, port, $"the POP3 service of {host.Name}")))
        {
            service.Port = port;
            _explicitPorts.Add(service);
        }

        // The method before the domains: it decides what a mailbox's password creates. A host that
        // names its directory is a domain member, where Windows defaults to the directory (docs/REFERENCE.md, "Authentication").
        ReadDirectory(pop3, service);
        if (pop3.Has("authentication") && pop3.TryString("authentication", out var methodName))
        {
            if (TopologyValues.Pop3Methods.TryGetValue(methodName, out var method))
            {
                service.SetAuthenticationMethod(method);
            }
            else
            {
                pop3.Error("authentication", $"must be local, activeDirectory or passwordFile, not '{methodName}'");
            }
        }
        else if (!pop3.Has("authentication") && service.Organisation is not null)
        {
            service.SetAuthenticationMethod(Pop3AuthenticationMethod.ActiveDirectoryIntegrated);
        }

        if (pop3.Has("requireSpa") && pop3.TryBool("requireSpa", out var spa))
        {
            service.RequireSecurePasswordAuthentication = spa;
        }

        ReadDefaultQuota(pop3, service);
        var quotas = new List<Action>();
        foreach (var (node, path) in pop3.Items("domains"))
        {
            if (MappingReader.Open(node, path, diagnostics, DomainKeys) is { } domain)
            {
                ReadDomain(service, domain, quotas);
            }
        }

        // Quotas last: a quota file may name the user of a mailbox listed further down (/user:).
        quotas.ForEach(apply => apply());
    }

    private static void ReadDirectory(MappingReader pop3, Pop3Service service)
    {
        if (!pop3.Has("directory") || !pop3.TryString("directory", out var directory))
        {
            return;
        }

        if (NameRules.IsDomainName(directory))
        {
            service.Organisation = directory.ToLowerInvariant();
        }
        else
        {
            pop3.Error("directory", $"'{directory}' is not a domain name (the Active Directory domain, like rosnou.ru)");
        }
    }

    private static void ReadDefaultQuota(MappingReader pop3, Pop3Service service)
    {
        if (!pop3.Has("defaultQuotaBytes") || !pop3.TryNullableLong("defaultQuotaBytes", out var bytes))
        {
            return;
        }

        if (bytes is >= 1)
        {
            service.DefaultQuotaBytes = bytes.Value;
        }
        else
        {
            pop3.Error("defaultQuotaBytes", "must be a number of bytes, at least 1");
        }
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

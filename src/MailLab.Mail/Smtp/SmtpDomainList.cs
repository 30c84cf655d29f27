namespace MailLab.Mail.Smtp;

/// <summary>
/// A virtual server's domains, keeping IIS's rule of exactly one Local (Default) domain: it cannot
/// be removed, and making another domain the default demotes the old one to an alias.
/// </summary>
public sealed class SmtpDomainList
{
    private readonly List<SmtpDomain> _domains = [];
    private readonly object _gate = new();

    public SmtpDomainList(string defaultDomain)
    {
        _domains.Add(new SmtpDomain(defaultDomain, SmtpDomainType.LocalDefault));
    }

    public SmtpDomain Default
    {
        get
        {
            lock (_gate)
            {
                return _domains.First(d => d.Type == SmtpDomainType.LocalDefault);
            }
        }
    }

    public IReadOnlyList<SmtpDomain> All
    {
        get
        {
            lock (_gate)
            {
                return _domains.ToArray();
            }
        }
    }

    public SmtpDomain Add(string name, SmtpDomainType type) => Add(name, type, RemoteDomainOptions.None);

    /// <summary>Adds a domain with its remote options (checked before anything changes).</summary>
    public SmtpDomain Add(string name, SmtpDomainType type, RemoteDomainOptions options)
    {
        var domain = new SmtpDomain(name, type);
        options.ApplyTo(domain);
        if (domain.Name.Length == 0)
        {
            throw new ArgumentException("A domain needs a name.");
        }

        if (!Topology.NameRules.IsDomainName(domain.Name, allowWildcard: true))
        {
            throw new ArgumentException($"\"{name}\" is not a domain name such as rosnou.ru.");
        }

        if (type != SmtpDomainType.Remote && domain.Name.Contains('*'))
        {
            throw new ArgumentException($"Only remote domains may use wildcards: \"{name}\".");
        }

        lock (_gate)
        {
            if (_domains.Any(d => d.Name == domain.Name))
            {
                throw new InvalidOperationException($"The domain \"{domain.Name}\" already exists.");
            }

            if (type == SmtpDomainType.LocalDefault)
            {
                DemoteDefault();
            }

            _domains.Add(domain);
        }

        return domain;
    }

    /// <summary>Makes an existing local domain the default; the old default becomes an alias.</summary>
    public void SetDefault(string name)
    {
        lock (_gate)
        {
            var domain = Find(name) ?? throw new KeyNotFoundException(NotFound(name));
            if (domain.Type == SmtpDomainType.Remote)
            {
                throw new InvalidOperationException($"\"{domain.Name}\" is a remote domain; only a local domain can be the default.");
            }

            DemoteDefault();
            domain.Type = SmtpDomainType.LocalDefault;
        }
    }

    public void Remove(string name)
    {
        lock (_gate)
        {
            var domain = Find(name) ?? throw new KeyNotFoundException(NotFound(name));
            if (domain.Type == SmtpDomainType.LocalDefault)
            {
                throw new InvalidOperationException($"\"{domain.Name}\" is the default domain and cannot be deleted.");
            }

            _domains.Remove(domain);
        }
    }

    /// <summary>What to say when <paramref name="name"/> is not one of the domains.</summary>
    public string NotFound(string name) => $"No domain \"{name}\"; the domains are {string.Join(", ", All.Select(d => d.Name))}.";

    public SmtpDomain? Find(string name)
    {
        name = name.Trim().ToLowerInvariant();
        lock (_gate)
        {
            return _domains.FirstOrDefault(d => d.Name == name);
        }
    }

    /// <summary>
    /// Catch-all mode (MailLab.Testing's TestMailServer): every domain is
    /// local, taken as the default domain, so RCPT accepts any recipient and nothing is relayed;
    /// local delivery makes each recipient's mailbox on first delivery.
    /// </summary>
    public bool CatchAll { get; set; }

    /// <summary>The local domain for this name (in catch-all mode the default domain when none matches), or null.</summary>
    public SmtpDomain? FindLocal(string domain)
    {
        lock (_gate)
        {
            foreach (var d in _domains)
            {
                if (d.IsLocal && d.Matches(domain))
                {
                    return d;
                }
            }

            return CatchAll ? _domains.First(d => d.Type == SmtpDomainType.LocalDefault) : null;
        }
    }

    /// <summary>The most specific remote domain entry matching this name, or null.</summary>
    public SmtpDomain? FindRemote(string domain)
    {
        lock (_gate)
        {
            // An exact name before any wildcard, then the longest (the first of equals, as listed).
            SmtpDomain? best = null;
            foreach (var d in _domains)
            {
                if (d.Type == SmtpDomainType.Remote && d.Matches(domain) && (best is null || Specificity(d).CompareTo(Specificity(best)) > 0))
                {
                    best = d;
                }
            }

            return best;
        }
    }

    private static (int Exact, int Length) Specificity(SmtpDomain d) => (d.Name.StartsWith('*') ? 0 : 1, d.Name.Length);

    private void DemoteDefault()
    {
        foreach (var d in _domains.Where(d => d.Type == SmtpDomainType.LocalDefault))
        {
            d.Type = SmtpDomainType.LocalAlias;
        }
    }
}

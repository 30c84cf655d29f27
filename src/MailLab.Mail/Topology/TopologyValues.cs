using MailLab.Mail.Smtp;

namespace MailLab.Mail.Topology;

/// <summary>The words a topology file uses for states, domain types and DNS record types, both ways.</summary>
internal static class TopologyValues
{
    public static readonly IReadOnlyDictionary<string, VirtualServerState> States =
        new Dictionary<string, VirtualServerState>(StringComparer.OrdinalIgnoreCase)
        {
            ["running"] = VirtualServerState.Running,
            ["paused"] = VirtualServerState.Paused,
            ["stopped"] = VirtualServerState.Stopped,
        };

    /// <summary>IIS's "Local (Default)", "Local (Alias)" and "Remote"; the API's enum names are accepted too.</summary>
    public static readonly IReadOnlyDictionary<string, SmtpDomainType> DomainTypes =
        new Dictionary<string, SmtpDomainType>(StringComparer.OrdinalIgnoreCase)
        {
            ["local"] = SmtpDomainType.LocalDefault,
            ["localDefault"] = SmtpDomainType.LocalDefault,
            ["alias"] = SmtpDomainType.LocalAlias,
            ["localAlias"] = SmtpDomainType.LocalAlias,
            ["remote"] = SmtpDomainType.Remote,
        };

    public static readonly IReadOnlyList<string> DnsTypes = ["MX", "A"];

    /// <summary>The POP3 service's authentication methods (winpop set authentication 1, 2, 3).</summary>
    public static readonly IReadOnlyDictionary<string, Pop3.Pop3AuthenticationMethod> Pop3Methods =
        new Dictionary<string, Pop3.Pop3AuthenticationMethod>(StringComparer.OrdinalIgnoreCase)
        {
            ["local"] = Pop3.Pop3AuthenticationMethod.LocalAccounts,
            ["activeDirectory"] = Pop3.Pop3AuthenticationMethod.ActiveDirectoryIntegrated,
            ["passwordFile"] = Pop3.Pop3AuthenticationMethod.EncryptedPasswordFile,
        };

    public static string Name(Pop3.Pop3AuthenticationMethod method) => method switch
    {
        Pop3.Pop3AuthenticationMethod.ActiveDirectoryIntegrated => "activeDirectory",
        Pop3.Pop3AuthenticationMethod.EncryptedPasswordFile => "passwordFile",
        _ => "local",
    };

    public static string Name(VirtualServerState state) => state switch
    {
        VirtualServerState.Paused => "paused",
        VirtualServerState.Stopped => "stopped",
        _ => "running",
    };

    public static string Name(SmtpDomainType type) => type switch
    {
        SmtpDomainType.LocalDefault => "local",
        SmtpDomainType.LocalAlias => "alias",
        _ => "remote",
    };

    /// <summary>Reads a word from <paramref name="words"/>; reports the allowed words otherwise.</summary>
    public static bool TryRead<T>(MappingReader reader, string key, IReadOnlyDictionary<string, T> words, out T value)
    {
        value = default!;
        if (!reader.TryString(key, out var text))
        {
            return false;
        }

        if (words.TryGetValue(text, out value!))
        {
            return true;
        }

        reader.Error(key, $"must be one of {string.Join(", ", words.Keys.Where(k => k.All(char.IsLower)))}, not '{text}'");
        return false;
    }
}

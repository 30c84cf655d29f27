using MailLab.Mail.Smtp;

namespace MailLab.Mail.Topology;

/// <summary>The words a topology file uses for states, domain types and DNS record types, both ways.</summary>
internal static class TopologyValues
{
    public static readonly IReadOnlyList<(string Word, VirtualServerState Value)> States =
        [("running", VirtualServerState.Running), ("paused", VirtualServerState.Paused), ("stopped", VirtualServerState.Stopped)];

    /// <summary>IIS's "Local (Default)", "Local (Alias)" and "Remote".</summary>
    public static readonly IReadOnlyList<(string Word, SmtpDomainType Value)> DomainTypes =
        [("local", SmtpDomainType.LocalDefault), ("alias", SmtpDomainType.LocalAlias), ("remote", SmtpDomainType.Remote)];

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

    /// <summary>Reads one of <paramref name="words"/> (<see cref="MappingReader.TryWord"/>) as its value.</summary>
    public static bool TryRead<T>(MappingReader reader, string key, IReadOnlyList<(string Word, T Value)> words, out T value)
    {
        var found = reader.TryWord(key, words.Select(w => w.Word).ToArray(), out var index);
        value = found ? words[index].Value : default!;
        return found;
    }
}

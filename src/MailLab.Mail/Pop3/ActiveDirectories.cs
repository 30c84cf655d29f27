using System.Collections.Concurrent;

namespace MailLab.Mail.Pop3;

/// <summary>The world's Active Directory domains, one per organisation, created when a host first uses one.</summary>
public sealed class ActiveDirectories
{
    private readonly ConcurrentDictionary<string, ActiveDirectory> _directories = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ActiveDirectory> All => _directories.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();

    /// <summary>The directory named <paramref name="name"/>, created empty the first time.</summary>
    public ActiveDirectory For(string name) => _directories.GetOrAdd(name.ToLowerInvariant(), n => new ActiveDirectory(n));

    /// <summary>
    /// The organisation a host belongs to when the topology names none: its parent domain, taken as
    /// the last two labels of its name (mail.rosnou.ru and pop.rosnou.ru share rosnou.ru; mail.ru and
    /// rosnou.ru are two organisations, not one "ru"). A country's second-level registries
    /// (.co.uk) need the explicit field.
    /// </summary>
    public static string DefaultNameFor(string hostName)
    {
        var labels = hostName.ToLowerInvariant().Split('.');
        return labels.Length <= 2 ? hostName.ToLowerInvariant() : string.Join('.', labels[^2..]);
    }
}

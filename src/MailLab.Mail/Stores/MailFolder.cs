using System.Collections.Concurrent;

namespace MailLab.Mail.Stores;

/// <summary>One folder of a virtual server's home directory (Drop, Pickup, Queue, BadMail), in memory.</summary>
public sealed class MailFolder
{
    private readonly ConcurrentDictionary<string, MailFile> _files = new(StringComparer.OrdinalIgnoreCase);

    public MailFolder(string name)
    {
        Name = name;
    }

    public string Name { get; }

    public event Action<MailFolder, MailFile>? FileAdded;

    public int Count => _files.Count;

    internal Persistence.IHomeDirectoryPersistence? Persistence { get; set; }

    public IReadOnlyList<MailFile> Files => _files.Values.OrderBy(f => f.Created).ThenBy(f => f.Name, StringComparer.Ordinal).ToArray();

    public void Add(MailFile file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            throw new InvalidOperationException($"{Name}\\{file.Name} already exists.");
        }

        if (Persistence is { } persistence)
        {
            try
            {
                persistence.FileAdded(this, file);
            }
            catch
            {
                _files.TryRemove(file.Name, out _);
                throw;
            }
        }

        FileAdded?.Invoke(this, file);
    }

    public MailFile? Find(string name) => _files.GetValueOrDefault(name);

    public bool Remove(string name)
    {
        if (!_files.TryRemove(name, out var file))
        {
            return false;
        }

        Persistence?.FileRemoved(this, file);
        return true;
    }
}

/// <summary>
/// A file in a home-directory folder: a name, its time and its message. BadMail's .BDR files carry
/// the reason the message could not be delivered in <see cref="Reason"/>.
/// </summary>
public sealed record MailFile(string Name, DateTimeOffset Created, StoredMessage Message, string? Reason = null);

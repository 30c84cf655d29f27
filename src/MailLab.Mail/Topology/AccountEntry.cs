using MailLab.Mail.Accounts;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// One account of a host's <c>accounts</c> or a directory's <c>accounts</c>:
/// <c>{ address: user@domain, password: … }</c>, or <c>passwordHash</c> (a salted hash, as a data
/// directory's saved configuration keeps it) instead of the password, plus whatever extra keys
/// the caller reads.
/// </summary>
internal static class AccountEntry
{
    /// <summary>
    /// Opens the entry and reads its address (as written, in <paramref name="address"/>) and password;
    /// null (with the errors reported) when either is missing or wrong.
    /// </summary>
    public static MappingReader? Read(YamlNode node, string path, TopologyDiagnostics diagnostics, IReadOnlyCollection<string> keys, out MailAccount account, out string address)
    {
        account = null!;
        address = "";
        var reader = MappingReader.Open(node, path, diagnostics, keys);
        if (reader is null)
        {
            return null;
        }

        var secret = ReadSecret(reader);
        if (!reader.Require("address") || !reader.TryString("address", out address) || secret is null)
        {
            return null;
        }

        if (!NameRules.IsMailAddress(address))
        {
            reader.Error("address", $"'{address}' is not an address of the form user@domain");
            return null;
        }

        account = secret is PasswordHash hash ? new MailAccount(address, hash) : new MailAccount(address, (string)secret);
        return reader;
    }

    /// <summary>The password (a string) or its hash; null, reported, when neither or both are given or the hash is malformed.</summary>
    private static object? ReadSecret(MappingReader reader)
    {
        if (reader.Has("password") && reader.Has("passwordHash"))
        {
            reader.Error("passwordHash", "give password or passwordHash, not both");
            return null;
        }

        if (!reader.Has("passwordHash"))
        {
            return reader.Require("password") && reader.TryString("password", out var password) ? password : null;
        }

        if (!reader.TryString("passwordHash", out var text))
        {
            return null;
        }

        if (PasswordHash.Parse(text) is { } hash)
        {
            return hash;
        }

        reader.Error("passwordHash", $"must have the form {PasswordHash.Form}");
        return null;
    }
}

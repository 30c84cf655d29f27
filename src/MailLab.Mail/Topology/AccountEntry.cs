using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// One account of a host's <c>accounts</c> or a directory's <c>accounts</c>:
/// <c>{ address: user@domain, password: … }</c>, plus whatever extra keys the caller reads.
/// </summary>
internal static class AccountEntry
{
    /// <summary>Opens the entry and reads its address and password; null (with the errors reported) when either is missing or wrong.</summary>
    public static MappingReader? Read(YamlNode node, string path, TopologyDiagnostics diagnostics, IReadOnlyCollection<string> keys, out string address, out string password)
    {
        address = password = "";
        var reader = MappingReader.Open(node, path, diagnostics, keys);
        if (reader is null)
        {
            return null;
        }

        var hasPassword = reader.Require("password") & reader.TryString("password", out password);
        if (!reader.Require("address") || !reader.TryString("address", out address) || !hasPassword)
        {
            return null;
        }

        if (!NameRules.IsMailAddress(address))
        {
            reader.Error("address", $"'{address}' is not an address of the form user@domain");
            return null;
        }

        return reader;
    }
}

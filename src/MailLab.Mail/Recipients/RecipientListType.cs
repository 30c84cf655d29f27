using System.Text.Json.Nodes;
using MailLab.Mail.Settings;
using MailLab.Mail.Topology;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Recipients;

/// <summary>
/// A list of recipients by alias, name or address (Delivery Restrictions' "Accept messages from" and
/// "Reject messages from"): "a, b" in text, a sequence of strings in a topology file; empty for none.
/// Whether each names a recipient is checked on delivery, where a name no recipient has matches no sender.
/// </summary>
internal sealed class RecipientListType : SettingType
{
    public static RecipientListType Instance { get; } = new();

    public override SettingKind Kind => SettingKind.TextList;

    public override string Editor => "list";

    public override object? Parse(string name, string text) =>
        SettingValue.IsNull(text) ? Array.Empty<string>()
        : SettingValue.List(text).Select(item => IsName(item) ? item.ToLowerInvariant() : throw SettingValue.Invalid(name, item, "aliases or addresses of recipients, comma-separated")).ToArray();

    public override string Format(object? value) => string.Join(", ", (IReadOnlyList<string>)value!);

    public override JsonObject Schema() => new() { ["type"] = new JsonArray("array", "null"), ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 } };

    internal override bool TryRead(MappingReader reader, string key, out object? value)
    {
        value = null;
        if (!reader.Has(key))
        {
            return false;
        }

        var names = new List<string>();
        var ok = true;
        foreach (var (node, path) in reader.Items(key))
        {
            if (!MappingReader.TryItemString(node, path, reader.Diagnostics, out var text) || !IsName(text))
            {
                ok = false;
                continue;
            }

            names.Add(text.ToLowerInvariant());
        }

        value = names.ToArray();
        return ok;
    }

    internal override YamlNode Write(object? value) =>
        TopologyWriter.FlowSequence(((IReadOnlyList<string>)value!).Select(TopologyWriter.Text));

    private static bool IsName(string text) => text.Length > 0 && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c));
}

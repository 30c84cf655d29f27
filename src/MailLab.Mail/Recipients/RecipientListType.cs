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
internal sealed class RecipientListType(Func<string, bool>? isItem = null, string expected = "aliases or addresses of recipients, comma-separated") : SettingType
{
    public static RecipientListType Instance { get; } = new();

    /// <summary>Locale tags such as en-US or ru-RU (a server's Locales tab), comma-separated.</summary>
    public static RecipientListType Locales { get; } = new(
        t => System.Text.RegularExpressions.Regex.IsMatch(t, "^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?$"), "locale tags such as en-US or ru-RU, comma-separated");

    public override SettingKind Kind => SettingKind.TextList;

    public override string Editor => "list";

    public override object? Parse(string name, string text) =>
        SettingValue.IsNull(text) ? Array.Empty<string>()
        : SettingValue.List(text).Select(item => IsName(item) ? Normal(item) : throw SettingValue.Invalid(name, item, expected)).ToArray();

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
            if (!MappingReader.TryItemString(node, path, reader.Diagnostics, out var text))
            {
                ok = false;
                continue;
            }

            if (!IsName(text))
            {
                reader.Error(key, $"'{text}' is not one of the {expected}");
                ok = false;
                continue;
            }

            names.Add(Normal(text));
        }

        value = names.ToArray();
        return ok;
    }

    internal override YamlNode Write(object? value) =>
        TopologyWriter.FlowSequence(((IReadOnlyList<string>)value!).Select(TopologyWriter.Text));

    private bool IsName(string text) => text.Length > 0 && !text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) && (isItem?.Invoke(text) ?? true);

    private string Normal(string text) => isItem is null ? text.ToLowerInvariant() : text;
}

using System.Text.Json.Nodes;
using MailLab.Mail.Smtp;
using MailLab.Mail.Text;
using MailLab.Mail.Topology;
using YamlDotNet.RepresentationModel;
using static MailLab.Mail.Settings.SettingValue;

namespace MailLab.Mail.Settings;

/// <summary>
/// One kind of setting value and every form it takes: text typed in the CLI, the API or a scenario
/// step (<see cref="Parse"/>, with the message the API and the CLI show), a topology file's YAML
/// (read with the file's own messages, and written), the JSON Schema that checks a topology file,
/// and the property sheet's editor.
/// </summary>
public abstract class SettingType
{
    /// <summary>A whole number from <paramref name="min"/> (to <paramref name="max"/>); nullable ones are "Limit … to" boxes, null for no limit.</summary>
    public static SettingType Whole(long min, long max = int.MaxValue, bool nullable = false) => new WholeType(min, max, nullable, null);

    /// <summary>A whole number of <paramref name="unit"/> (bytes) from <paramref name="min"/>; a topology file's error names the unit.</summary>
    public static SettingType Amount(string unit, long min, long max = long.MaxValue) => new WholeType(min, max, nullable: false, unit);

    /// <summary>One of a few names (a drop-down list), matched case-insensitively and written as given here.</summary>
    public static SettingType Choice(params string[] names) => new ChoiceType(names);

    /// <summary>A number greater than 0, decimals allowed (minutes, hours).</summary>
    public static SettingType Positive { get; } = new PositiveType();

    /// <summary>A check box.</summary>
    public static SettingType Bool { get; } = new BoolType("bool");

    /// <summary>"Only the list below" (true) or "All except the list below" (false).</summary>
    public static SettingType OnlyListed { get; } = new BoolType("onlyListed");

    /// <summary>IP addresses, subnets and domain names (the Access tab's lists).</summary>
    public static SettingType AccessRules { get; } = new AccessRulesType();

    /// <summary>Retry intervals in minutes: at least one, the last one repeats.</summary>
    public static SettingType Intervals { get; } = new IntervalsType();

    /// <summary>Text that follows <paramref name="rule"/>; when <paramref name="nullable"/>, null (or empty) for none.</summary>
    public static SettingType Text(TextRule rule, bool nullable = true) => new TextType(rule, nullable);

    /// <summary>The JSON type of the value in the admin API.</summary>
    public abstract SettingKind Kind { get; }

    /// <summary>The property sheet's control: limit, number, bool, onlyListed, text or list.</summary>
    public abstract string Editor { get; }

    /// <summary>The value of typed text; throws <see cref="InvalidSettingException"/> naming the setting and what it expects.</summary>
    public abstract object? Parse(string name, string text);

    /// <summary>The text form of a value, as <c>smtp vs get</c> prints it and <see cref="Parse"/> reads it back.</summary>
    public virtual string Format(object? value) => SettingValue.Format(value);

    /// <summary>The JSON Schema of the value in a topology file.</summary>
    public abstract JsonObject Schema();

    /// <summary>What is wrong with a value however it was set ("must be at least 1"), or null.</summary>
    public virtual string? Check(object? value) => null;

    /// <summary>Reads the key from a topology file's mapping; false (with the error reported) when it is missing or wrong.</summary>
    internal abstract bool TryRead(MappingReader reader, string key, out object? value);

    internal abstract YamlNode Write(object? value);

    private static JsonArray Types(string type, bool nullable) => nullable ? new JsonArray(type, "null") : new JsonArray(type);

    private sealed class WholeType(long min, long max, bool nullable, string? unit) : SettingType
    {
        public override SettingKind Kind => SettingKind.Number;

        public override string Editor => nullable ? "limit" : "number";

        public override object? Parse(string name, string text) =>
            nullable && IsNull(text) ? null
            : long.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Invalid(name, text, max >= int.MaxValue ? $"a whole number of at least {min}" : $"a whole number from {min} to {max}");

        public override string? Check(object? value) =>
            value is null ? (nullable ? null : "must have a value")
            : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) is var v && v >= min && v <= max ? null
            : max >= int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}";

        public override JsonObject Schema()
        {
            var schema = new JsonObject { ["type"] = Types("integer", nullable), ["minimum"] = min };
            if (max < int.MaxValue)
            {
                schema["maximum"] = max;
            }

            return schema;
        }

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            value = null;
            if (!nullable && unit is null)
            {
                var found = reader.TryInt(key, (int)min, (int)Math.Min(max, int.MaxValue), out var whole);
                value = (long)whole;
                return found;
            }

            long? read;
            if (max > int.MaxValue)
            {
                if (!reader.TryNullableLong(key, out read))
                {
                    return false;
                }
            }
            else if (reader.TryNullableInt(key, out var narrow))
            {
                read = narrow;
            }
            else
            {
                return false;
            }

            if (read < min || (read is null && !nullable))
            {
                reader.Error(key, unit is null ? $"must be at least {min}" : $"must be a number of {unit}, at least {min}");
                return false;
            }

            value = read;
            return true;
        }

        internal override YamlNode Write(object? value) => TopologyWriter.Whole(value is null ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private sealed class ChoiceType(string[] names) : SettingType
    {
        private string Expected => WordList.Either(names);

        public override SettingKind Kind => SettingKind.Text;

        public override string Editor => "choice";

        public override object? Parse(string name, string text) =>
            Named(text.Trim()) ?? throw Invalid(name, text, Expected);

        public override string? Check(object? value) => value is string text && Named(text) == text ? null : $"must be {Expected}";

        public override JsonObject Schema() => new() { ["enum"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()) };

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            var found = reader.TryWord(key, names, out var index);
            value = found ? names[index] : null;
            return found;
        }

        internal override YamlNode Write(object? value) => TopologyWriter.Text((string)value!);

        private string? Named(string text) => names.FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase));
    }

    private sealed class PositiveType : SettingType
    {
        public override SettingKind Kind => SettingKind.Number;

        public override string Editor => "number";

        public override object? Parse(string name, string text) => Positive(name, text);

        public override string Format(object? value) => FormatNumber((double)value!);

        public override string? Check(object? value) => value is double d && double.IsFinite(d) && d > 0 ? null : "must be greater than 0";

        public override JsonObject Schema() => new() { ["type"] = "number", ["exclusiveMinimum"] = 0 };

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            var found = reader.TryNumber(key, 0, minExclusive: true, out var number);
            value = number;
            return found;
        }

        internal override YamlNode Write(object? value) => TopologyWriter.Number((double)value!);
    }

    private sealed class BoolType(string editor) : SettingType
    {
        public override SettingKind Kind => SettingKind.Boolean;

        public override string Editor => editor;

        public override object? Parse(string name, string text) => SettingValue.Bool(name, text);

        public override JsonObject Schema() => new() { ["type"] = "boolean" };

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            var found = reader.TryBool(key, out var flag);
            value = flag;
            return found;
        }

        internal override YamlNode Write(object? value) => TopologyWriter.Bool((bool)value!);
    }

    private sealed class TextType(TextRule rule, bool nullable) : SettingType
    {
        public override SettingKind Kind => SettingKind.Text;

        public override string Editor => "text";

        public override object? Parse(string name, string text) =>
            NullableText(text) is not { } value ? (nullable ? null : throw Invalid(name, text, rule.Expected))
            : rule.IsValid(value) ? value
            : throw Invalid(name, text, rule.Expected);

        public override JsonObject Schema() => new() { ["type"] = Types("string", nullable), ["minLength"] = 1 };

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            value = null;
            string? text;
            if (nullable)
            {
                if (!reader.TryNullableString(key, out text))
                {
                    return false;
                }
            }
            else if (reader.TryString(key, out var given))
            {
                text = given;
            }
            else
            {
                return false;
            }

            if (text is not null && !rule.IsValid(text))
            {
                reader.Error(key, $"'{text}' {rule.FileReason}");
                return false;
            }

            value = text;
            return true;
        }

        internal override YamlNode Write(object? value) => TopologyWriter.Text((string?)value);
    }

    private sealed class AccessRulesType : SettingType
    {
        public override SettingKind Kind => SettingKind.TextList;

        public override string Editor => "list";

        public override object? Parse(string name, string text) => List(text)
            .Select(item => AccessRule.TryParse(item, out var rule) ? rule! : throw Invalid(name, item, "an IP address (192.0.2.1), a subnet (192.0.2.0/24) or a domain name"))
            .ToArray();

        public override string Format(object? value) => string.Join(", ", ((IReadOnlyList<AccessRule>)value!).Select(e => e.Text));

        public override JsonObject Schema() => new() { ["type"] = Types("array", nullable: true), ["items"] = new JsonObject { ["type"] = "string" } };

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            value = null;
            if (!reader.Has(key))
            {
                return false;
            }

            var rules = new List<AccessRule>();
            var ok = true;
            foreach (var (node, path) in reader.Items(key))
            {
                if (!MappingReader.TryItemString(node, path, reader.Diagnostics, out var text))
                {
                    ok = false;
                }
                else if (AccessRule.TryParse(text, out var rule))
                {
                    rules.Add(rule!);
                }
                else
                {
                    reader.Diagnostics.Add(node.Start, path, $"'{text}' is not an IP address (192.0.2.1), subnet (192.0.2.0/24 or 192.0.2.0/255.255.255.0) or domain name");
                    ok = false;
                }
            }

            value = rules.ToArray();
            return ok;
        }

        internal override YamlNode Write(object? value) =>
            TopologyWriter.FlowSequence(((IReadOnlyList<AccessRule>)value!).Select(e => TopologyWriter.Text(e.Text)));
    }

    private sealed class IntervalsType : SettingType
    {
        private const string AtLeastOne = "at least one interval (the last one repeats)";

        public override SettingKind Kind => SettingKind.NumberList;

        public override string Editor => "list";

        public override object? Parse(string name, string text)
        {
            var minutes = List(text).Select(i => Positive(name, i)).ToArray();
            return minutes.Length > 0 ? minutes : throw Invalid(name, text, AtLeastOne);
        }

        public override string Format(object? value) => string.Join(", ", ((IReadOnlyList<double>)value!).Select(FormatNumber));

        public override string? Check(object? value) =>
            value is IReadOnlyList<double> { Count: > 0 } minutes ? (minutes.All(m => double.IsFinite(m) && m > 0) ? null : "must be numbers of minutes greater than 0")
            : $"needs {AtLeastOne}";

        public override JsonObject Schema() => new()
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "number", ["exclusiveMinimum"] = 0 },
            ["minItems"] = 1,
        };

        internal override bool TryRead(MappingReader reader, string key, out object? value)
        {
            value = null;
            if (!reader.Has(key))
            {
                return false;
            }

            var items = reader.Items(key);
            if (items.Count == 0)
            {
                if (reader.Value(key) is { } node && (node is YamlSequenceNode || MappingReader.IsNull(node)))
                {
                    reader.Error(key, $"needs {AtLeastOne}");
                }

                return false;
            }

            var minutes = new List<double>();
            foreach (var (node, path) in items)
            {
                if (node is YamlScalarNode { Value: { } text }
                    && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    && double.IsFinite(number) && number > 0)
                {
                    minutes.Add(number);
                }
                else
                {
                    reader.Diagnostics.Add(node.Start, path, "must be a number of minutes greater than 0");
                }
            }

            value = minutes.ToArray();
            return minutes.Count == items.Count;
        }

        internal override YamlNode Write(object? value) =>
            TopologyWriter.FlowSequence(((IReadOnlyList<double>)value!).Select(TopologyWriter.Number));
    }
}

/// <summary>What a text setting must be: a check, what the API says it expects, and what a topology file's error says it is not.</summary>
public sealed record TextRule(Func<string, bool> IsValid, string Expected, string FileReason)
{
    public static TextRule DomainName { get; } = new(n => NameRules.IsDomainName(n), "a domain name", "is not a domain name");

    public static TextRule Fqdn { get; } = new(n => NameRules.IsDomainName(n), "a domain name", "is not a fully-qualified domain name");

    public static TextRule SmartHost { get; } = new(NameRules.IsSmartHost, "a host name or [IP address], optionally :port", "is not a host name or [IP address], optionally with :port");

    public static TextRule MailAddress { get; } = new(NameRules.IsMailAddress, "an address user@domain", "is not an address of the form user@domain");

    public static TextRule DirectoryDomain { get; } = new(n => NameRules.IsDomainName(n), "a domain name (the Active Directory domain, like rosnou.ru)", "is not a domain name (the Active Directory domain, like rosnou.ru)");

    /// <summary>A folder path (the POP3 store's root, C:\Inetpub\mailroot\Mailbox): any text without control characters.</summary>
    public static TextRule FolderPath { get; } = new(p => p.Length > 0 && !p.Any(char.IsControl), "a folder path", "is not a folder path");
}

using System.Text.RegularExpressions;
using MailLab.Scenarios.Runner;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MailLab.Scenarios.Labs;

/// <summary>
/// Reads courseware/labs/*/lab.yaml (the format in courseware/README.md) and checks each lab: every
/// field present and of its type, the id the folder's name, both instruction files and the starting
/// topology present, every task's check one read-only Then step of the library (<see cref="CheckSteps"/>).
/// A lab with a problem is left out of the labs and reported, one line per problem, as
/// <c>FILE:LINE: what is wrong</c>.
/// </summary>
public static partial class LabLoader
{
    /// <summary>The largest lab.yaml read (a lab has a few tasks; this is far above any).</summary>
    public const int MaxFileBytes = 64 * 1024;

    private static readonly string[] Fields = ["id", "slide", "slideTitle", "title", "minutes", "topology", "tasks"];

    private static readonly string[] TaskFields = ["id", "text", "check"];

    /// <summary>Every lab folder under <paramref name="labsFolder"/>, in id order.</summary>
    public static LabSet LoadAll(string labsFolder, StepCatalog? catalog = null)
    {
        var labs = new List<Lab>();
        var problems = new List<string>();
        if (!Directory.Exists(labsFolder))
        {
            return new LabSet(labsFolder, [], [$"{labsFolder}: no such folder"]);
        }

        foreach (var folder in Directory.EnumerateDirectories(labsFolder).Order(StringComparer.Ordinal))
        {
            var found = Load(folder, catalog ?? StepCatalog.Default, out var errors);
            problems.AddRange(errors);
            if (found is not null)
            {
                labs.Add(found);
            }
        }

        return new LabSet(labsFolder, labs, problems);
    }

    /// <summary>One lab folder; null with the problems when it is not a valid lab.</summary>
    public static Lab? Load(string folder, StepCatalog catalog, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        problems = errors;
        var file = Path.Combine(folder, "lab.yaml");
        if (!File.Exists(file))
        {
            errors.Add($"{file}: missing (a lab folder holds lab.yaml, ru.md and en.md)");
            return null;
        }

        if (new FileInfo(file).Length > MaxFileBytes)
        {
            errors.Add($"{file}: larger than {MaxFileBytes / 1024} KB");
            return null;
        }

        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(File.ReadAllText(file)));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode mapping)
            {
                errors.Add($"{file}:1: lab.yaml must be one mapping (id:, slide:, title:, … tasks:)");
                return null;
            }

            root = mapping;
        }
        catch (YamlException e)
        {
            errors.Add($"{file}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
            return null;
        }

        var reader = new Reader(file, errors);
        reader.Unknown(root, Fields, "lab.yaml");
        var id = reader.Text(root, "id");
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(folder));
        if (id is not null && id != name)
        {
            reader.Error(root, $"id \"{id}\" is not the folder's name \"{name}\"");
        }

        if (id is not null && !IdRule().IsMatch(id))
        {
            reader.Error(root, $"id \"{id}\" must be the slide's two-digit number and lower-case words with dashes, e.g. 10-virtual-server-states");
        }

        var slide = reader.Number(root, "slide", 1, 99);
        var slideTitle = reader.Text(root, "slideTitle");
        var title = reader.Local(root, "title");
        var minutes = reader.Number(root, "minutes", 1, 600);
        var topology = reader.Text(root, "topology");
        string? topologyPath = null;
        if (topology is not null)
        {
            topologyPath = Path.GetFullPath(Path.Combine(folder, topology));
            if (!File.Exists(topologyPath))
            {
                reader.Error(root, $"topology: no file {topologyPath} (a file in the lab folder, or ../../../scenarios/topologies/NAME.yaml)");
            }
        }

        foreach (var language in LabLanguage.All)
        {
            if (!File.Exists(Path.Combine(folder, language + ".md")))
            {
                errors.Add($"{Path.Combine(folder, language + ".md")}: missing (the instructions in {(language == "ru" ? "Russian" : "English")})");
            }
        }

        var tasks = new List<LabTask>();
        if (reader.Node(root, "tasks") is { } tasksNode)
        {
            if (tasksNode is not YamlSequenceNode { Children.Count: > 0 } list)
            {
                reader.Error(tasksNode, "tasks must be a list of at least one task (- id:, text:, check:)");
            }
            else
            {
                foreach (var item in list.Children)
                {
                    if (item is not YamlMappingNode task)
                    {
                        reader.Error(item, "a task is a mapping: id:, text: { ru:, en: }, check:");
                        continue;
                    }

                    reader.Unknown(task, TaskFields, "a task");
                    var taskId = reader.Text(task, "id");
                    var text = reader.Local(task, "text");
                    var check = reader.Text(task, "check");
                    if (taskId is not null && tasks.Any(t => t.Id == taskId))
                    {
                        reader.Error(task, $"task id \"{taskId}\" is used twice");
                    }

                    if (check is not null && CheckSteps.Find(catalog, check.Trim(), out var problem) is null)
                    {
                        reader.Error(reader.Node(task, "check")!, $"check: {problem}");
                    }

                    if (taskId is not null && text is not null && check is not null)
                    {
                        tasks.Add(new LabTask(taskId, text, check.Trim()));
                    }
                }
            }
        }

        return errors.Count > 0 ? null : new Lab(id!, slide!.Value, slideTitle!, title!, minutes!.Value, Path.GetFullPath(folder), topologyPath!, tasks);
    }

    [GeneratedRegex("^[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdRule();

    /// <summary>Reads fields of lab.yaml's mappings, noting each problem at its line.</summary>
    private sealed class Reader(string file, List<string> errors)
    {
        public void Error(YamlNode at, string message) => errors.Add($"{file}:{Math.Max(1, at.Start.Line)}: {message}");

        public YamlNode? Node(YamlMappingNode mapping, string key) =>
            mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public void Unknown(YamlMappingNode mapping, string[] known, string what)
        {
            foreach (var key in mapping.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name, StringComparer.Ordinal))
                {
                    Error(key, $"{what} has no field \"{key}\" (its fields: {string.Join(", ", known)})");
                }
            }
        }

        public string? Text(YamlMappingNode mapping, string key)
        {
            switch (Node(mapping, key))
            {
                case null:
                    Error(mapping, $"missing field \"{key}\"");
                    return null;
                case YamlScalarNode { Value: { Length: > 0 } value } when !string.IsNullOrWhiteSpace(value):
                    return value;
                case var other:
                    Error(other, $"\"{key}\" must be a non-empty text");
                    return null;
            }
        }

        public int? Number(YamlMappingNode mapping, string key, int min, int max)
        {
            if (Text(mapping, key) is not { } text)
            {
                return null;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Error(Node(mapping, key)!, $"\"{key}\" must be a whole number from {min} to {max}, not \"{text}\"");
            return null;
        }

        public LocalText? Local(YamlMappingNode mapping, string key)
        {
            switch (Node(mapping, key))
            {
                case null:
                    Error(mapping, $"missing field \"{key}\"");
                    return null;
                case YamlMappingNode texts:
                    Unknown(texts, [.. LabLanguage.All], $"\"{key}\"");
                    var ru = Text(texts, "ru");
                    var en = Text(texts, "en");
                    return ru is null || en is null ? null : new LocalText(ru, en);
                case var other:
                    Error(other, $"\"{key}\" must be {{ ru: \"…\", en: \"…\" }}");
                    return null;
            }
        }
    }
}

/// <summary>The labs of a folder that loaded, and the problems of those that did not.</summary>
public sealed record LabSet(string Folder, IReadOnlyList<Lab> Labs, IReadOnlyList<string> Problems)
{
    public Lab? Find(string id) => Labs.FirstOrDefault(l => l.Id.Equals(id.Trim(), StringComparison.OrdinalIgnoreCase));
}

using MailLab.Mail.World;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MailLab.Mail.Topology;

/// <summary>
/// Loads a topology file (<c>scenarios/topologies/*.yaml</c>) into a new <see cref="MailWorld"/>.
/// Nothing is started here: a file with errors throws a <see cref="TopologyException"/> that lists
/// every error with its file, line and field, and no world comes out of it.
/// </summary>
public static class TopologyLoader
{
    /// <summary>Loads a file. <paramref name="portsToZero"/> makes every listener pick a free port (tests).</summary>
    public static MailWorld LoadFile(string path, TimeProvider clock, bool portsToZero = false)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new TopologyException([new TopologyError(path, 0, 0, "", $"cannot read the file: {e.Message}")]);
        }

        return LoadText(text, path, clock, portsToZero, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>
    /// Loads YAML text; <paramref name="sourceName"/> is the file name used in error messages, and
    /// relative file names in it are relative to <paramref name="baseDirectory"/> (default: the current directory).
    /// </summary>
    public static MailWorld LoadText(string yaml, string sourceName, TimeProvider clock, bool portsToZero = false, string? baseDirectory = null)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            // Syntax errors, duplicate keys and unknown aliases: the parser cannot go on, so this is the only error.
            var line = Math.Max(1, (int)e.Start.Line);
            var column = Math.Max(1, (int)e.Start.Column);
            throw new TopologyException([new TopologyError(sourceName, line, column, "", $"YAML syntax error: {e.Message}")]);
        }

        if (stream.Documents.Count != 1)
        {
            var at = stream.Documents.Count == 0 ? new Mark() : stream.Documents[1].RootNode.Start;
            var reason = stream.Documents.Count == 0 ? "the file is empty; a topology starts with 'hosts:'" : "a topology file holds one YAML document (remove the second '---')";
            throw new TopologyException([new TopologyError(sourceName, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "", reason)]);
        }

        var diagnostics = new TopologyDiagnostics(sourceName);
        var world = new TopologyBuilder(diagnostics, clock, portsToZero, baseDirectory ?? Directory.GetCurrentDirectory()).Build(stream.Documents[0].RootNode);
        return diagnostics.HasErrors ? throw new TopologyException(diagnostics.Sorted()) : world;
    }
}

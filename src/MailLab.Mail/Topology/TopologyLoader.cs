using System.Text;
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
            text = ReadBounded(path);
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
        if (yaml.Length > TopologyLimits.MaxFileOctets)
        {
            throw TooLarge(sourceName, yaml.AsSpan(0, TopologyLimits.MaxFileOctets), '\n');
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedYamlParser(new StringReader(yaml), sourceName));
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

    /// <summary>
    /// The file's text, read no further than <see cref="TopologyLimits.MaxFileOctets"/> (a file that
    /// goes on, or grows, past it is refused without being held in memory whole).
    /// </summary>
    private static string ReadBounded(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1, FileOptions.SequentialScan);
        using var content = new MemoryStream();
        var chunk = new byte[64 * 1024];
        while (content.Length <= TopologyLimits.MaxFileOctets && file.Read(chunk) is var read and > 0)
        {
            content.Write(chunk, 0, read);
        }

        if (content.Length > TopologyLimits.MaxFileOctets)
        {
            throw TooLarge(path, content.GetBuffer().AsSpan(0, TopologyLimits.MaxFileOctets), (byte)'\n');
        }

        content.Position = 0;
        // As File.ReadAllText: UTF-8 unless a byte order mark says otherwise.
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Reported where the limit is crossed: the line and column just past the first <paramref name="allowed"/> units.</summary>
    private static TopologyException TooLarge<T>(string source, ReadOnlySpan<T> allowed, T newline)
        where T : IEquatable<T>
    {
        var line = allowed.Count(newline) + 1;
        var column = allowed.Length - (allowed.LastIndexOf(newline) + 1) + 1;
        return new TopologyException([new TopologyError(source, line, column, "",
            $"the file goes on past {TopologyLimits.MaxFileOctets / (1024 * 1024)} MB, the most a topology file may hold")]);
    }
}

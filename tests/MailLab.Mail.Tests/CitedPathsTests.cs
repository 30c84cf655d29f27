using System.Text.RegularExpressions;

namespace MailLab.Mail.Tests;

/// <summary>
/// Comments in src/ and tests/ cite repository files (<c>docs/REFERENCE.md, "Messages tab"</c>,
/// <c>scenarios/STEPS.md</c>) and the READMEs there cite source files; every cited file must exist,
/// and a cited section must be a heading or bold lead of the file, so the citations stay true when
/// files move.
/// </summary>
public sealed partial class CitedPathsTests
{
    private static readonly string[] CodeExtensions = [".cs", ".js", ".css", ".html", ".csproj", ".props"];

    // A *.md path, or a path under docs/ or scenarios/, not inside a longer path or a URL
    // ("/api/scenarios/run", "https://…/README.md"); an optional ', "Section"' after it.
    [GeneratedRegex("""(?<![\w/.:-])((?:[\w.-]+/)*[\w.-]+\.md\b|(?:docs|scenarios)/[\w./-]*)(?:,\s*"([^"]+)")?""")]
    private static partial Regex CitedPath();

    // A source file named in backticks in a README: `Dispatcher.cs`, `../Queue/QueueManager.cs`, `SmtpServerSession*.cs`.
    [GeneratedRegex(@"`((?:[\w.*-]+/)*[\w.*-]+\.cs)`")]
    private static partial Regex CitedSourceFile();

    [Fact]
    public void EveryCommentCitingARepositoryFile_CitesOneThatExists()
    {
        var problems = new List<string>();
        var citations = 0;
        foreach (var file in SourceFiles().Where(f => CodeExtensions.Contains(Path.GetExtension(f))))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (CommentOf(lines[i]) is not { } comment)
                {
                    continue;
                }

                foreach (Match match in CitedPath().Matches(comment))
                {
                    citations++;
                    if (Problem(match) is { } problem)
                    {
                        problems.Add($"{Relative(file)}:{i + 1}: {problem}");
                    }
                }
            }
        }

        citations.Should().BeGreaterThan(20, "the comments cite docs/REFERENCE.md and docs/ARCHITECTURE.md throughout");
        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryReadmeInSourceAndTests_CitesFilesThatExist()
    {
        var problems = new List<string>();
        var sourceCitations = 0;
        foreach (var file in SourceFiles().Where(f => Path.GetExtension(f) == ".md"))
        {
            var text = File.ReadAllText(file);
            foreach (Match match in CitedPath().Matches(text))
            {
                if (Problem(match) is { } problem)
                {
                    problems.Add($"{Relative(file)}: {problem}");
                }
            }

            foreach (Match match in CitedSourceFile().Matches(text))
            {
                sourceCitations++;
                if (!SourceFileExists(Path.GetDirectoryName(file)!, match.Groups[1].Value))
                {
                    problems.Add($"{Relative(file)}: {match.Groups[1].Value} is not there (looked beside it, in the folders above it and in src/)");
                }
            }
        }

        sourceCitations.Should().BeGreaterThan(20, "src/MailLab.Mail/Delivery/README.md maps the stages to their files");
        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("// see docs/NOPE.md", "docs/NOPE.md does not exist")]
    [InlineData("/// (docs/REFERENCE.md, \"No such tab\")", "docs/REFERENCE.md has no heading or bold lead \"No such tab\"")]
    [InlineData("// scenarios/topologies/gone.yaml", "scenarios/topologies/gone.yaml does not exist")]
    public void AMissingFileOrSection_IsReported(string line, string problem)
    {
        var match = CitedPath().Match(CommentOf(line)!);

        Problem(match).Should().Be(problem);
    }

    [Theory]
    [InlineData("var x = \"https://example.com/README.md\"; // fine", 0)]
    [InlineData("api.MapPost(\"/scenarios/run\", Run); // POST /api/scenarios/run", 0)]
    [InlineData("// (docs/REFERENCE.md, \"Messages tab\") and scenarios/STEPS.md.", 2)]
    public void UrlsAndRoutesAreNotCitations_AndTrueCitationsPass(string line, int citations)
    {
        var matches = CitedPath().Matches(CommentOf(line) ?? string.Empty);

        matches.Should().HaveCount(citations);
        matches.Select(Problem).Where(p => p is not null).Should().BeEmpty();
    }

    /// <summary>The comment part of a line: from a <c>//</c> outside a string (not a URL's), or a block comment's line.</summary>
    private static string? CommentOf(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('*') || trimmed.StartsWith("/*", StringComparison.Ordinal) || trimmed.StartsWith("<!--", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var quotes = 0;
        for (var i = 0; i + 1 < line.Length; i++)
        {
            if (line[i] == '"')
            {
                quotes++;
            }
            else if (line[i] == '/' && line[i + 1] == '/' && quotes % 2 == 0 && (i == 0 || line[i - 1] != ':'))
            {
                return line[i..];
            }
        }

        return null;
    }

    private static string? Problem(Match match)
    {
        var cited = match.Groups[1].Value.TrimEnd('.');
        var path = Path.Combine(RepositoryFiles.Root, cited);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return $"{cited} does not exist";
        }

        var section = match.Groups[2];
        if (!section.Success || !File.Exists(path))
        {
            return null;
        }

        var name = section.Value;
        var found = File.ReadLines(path).Any(l =>
            l.Contains("**" + name, StringComparison.Ordinal)
            || (l.StartsWith('#') && l.TrimStart('#').Trim() == name));
        return found ? null : $"{cited} has no heading or bold lead \"{name}\"";
    }

    /// <summary>A README's file name, relative to its own folder or one above it (up to the root), or to src/; * is a wildcard.</summary>
    private static bool SourceFileExists(string readmeFolder, string cited)
    {
        var bases = new List<string> { Path.Combine(RepositoryFiles.Root, "src") };
        for (var dir = new DirectoryInfo(readmeFolder); dir is not null && dir.FullName.Length >= RepositoryFiles.Root.Length; dir = dir.Parent)
        {
            bases.Add(dir.FullName);
        }

        return bases.Any(b =>
        {
            var full = Path.GetFullPath(Path.Combine(b, cited));
            var folder = Path.GetDirectoryName(full)!;
            return Directory.Exists(folder) && Directory.GetFiles(folder, Path.GetFileName(full)).Length > 0;
        });
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "src", "tests" }
            .SelectMany(top => Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, top), "*", SearchOption.AllDirectories))
            .Where(f =>
            {
                var relative = Relative(f).Replace('\\', '/');
                return !relative.Contains("/bin/", StringComparison.Ordinal)
                    && !relative.Contains("/obj/", StringComparison.Ordinal)
                    && !relative.Contains("/__snapshots__/", StringComparison.Ordinal)
                    && !relative.Contains("/node_modules/", StringComparison.Ordinal);
            })
            .Order(StringComparer.Ordinal);

    private static string Relative(string file) => Path.GetRelativePath(RepositoryFiles.Root, file);
}

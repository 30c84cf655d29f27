namespace MailLab.Protocol.Imap.Parsing;

/// <summary>The threading algorithms of RFC 5256 §3 (THREAD=ORDEREDSUBJECT, THREAD=REFERENCES).</summary>
internal enum ThreadAlgorithm
{
    OrderedSubject,
    References,
}

/// <summary>A THREAD command's program: the algorithm, the charset and the search keys, ANDed.</summary>
internal sealed record ThreadProgram(ThreadAlgorithm Algorithm, string Charset, SearchKey Key);

/// <summary>Parses THREAD arguments (RFC 5256 §5: <c>thread-alg SP search-charset 1*(SP search-key)</c>).</summary>
internal static class ThreadParser
{
    /// <summary>The reader stands after "THREAD "; <paramref name="offered"/> says which algorithms are advertised.</summary>
    public static ThreadProgram Parse(ImapReader reader, int maxDepth, Func<ThreadAlgorithm, bool> offered)
    {
        var name = reader.ReadAtom("a threading algorithm").ToUpperInvariant();
        ThreadAlgorithm algorithm = name switch
        {
            "ORDEREDSUBJECT" => ThreadAlgorithm.OrderedSubject,
            "REFERENCES" => ThreadAlgorithm.References,
            _ => throw new ImapSyntaxException($"unknown threading algorithm {name}"),
        };
        if (!offered(algorithm))
        {
            throw new ImapSyntaxException($"unknown threading algorithm {name}");
        }

        reader.Space();
        var charset = reader.ReadAstring("a charset");
        reader.Space();
        return new ThreadProgram(algorithm, charset, SearchParser.ReadKeys(reader, maxDepth));
    }
}

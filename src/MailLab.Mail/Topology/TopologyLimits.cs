namespace MailLab.Mail.Topology;

/// <summary>
/// What a topology file may hold before it is read into a tree. YamlDotNet's parser is a state
/// machine, but its representation model (YamlStream) builds the tree by recursion, one frame per
/// level: brackets nested 10,000 deep end the process with a stack overflow, which no catch can
/// stop. The file's size bounds the memory a load takes (the scanner holds a whole value at once).
/// </summary>
public static class TopologyLimits
{
    /// <summary>
    /// The largest file, in octets: a saved configuration (<c>DIR/topology.yaml</c>) of some 30,000
    /// accounts fits; the default topology is 2 KB.
    /// </summary>
    public const int MaxFileOctets = 4 * 1024 * 1024;

    /// <summary>
    /// How deep lists and mappings may nest. A topology needs 9 levels (file, hosts, a host, smtp,
    /// virtualServers, a server, access, relay, entries); the rest is headroom, well below what
    /// the recursive loader survives on a thread pool thread's stack.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The most values, lists and mappings in one file: a saved configuration of some 25,000
    /// accounts fits, while a 4 MB list of one-letter values (two million nodes) is refused early.
    /// </summary>
    public const int MaxNodes = 200_000;

    /// <summary>The most hosts in one topology (the page lays out 2-10; each host runs services of its own).</summary>
    public const int MaxHosts = 1000;

    /// <summary>The longest single value (a name is at most 253 characters, a reply line 512 octets).</summary>
    public const int MaxValueLength = 16 * 1024;
}

using System.Text;
using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Mail.Persistence;

/// <summary>
/// <c>DIR/topology.yaml</c>: the configuration of a world run with <c>--data-dir DIR</c>, in the
/// topology file format, rewritten after each change made at run time (admin API, <c>maillab smtp</c>,
/// <c>maillab winpop</c>, the web page) before the change is acknowledged, and read back as the
/// starting topology at the next start. Passwords are kept as salted hashes only
/// (<see cref="PasswordForm.Hashed"/>), never in clear.
/// </summary>
public static class SavedConfiguration
{
    public const string FileName = "topology.yaml";

    /// <summary>The file's full path in a data directory.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    public static bool ExistsIn(string dataDirectory) => File.Exists(PathIn(dataDirectory));

    /// <summary>Reads the saved configuration back. TopologyException: the file is not valid (with file, line and field).</summary>
    public static MailWorld Load(string dataDirectory, TimeProvider clock, bool portsToZero = false) =>
        TopologyLoader.LoadFile(PathIn(dataDirectory), clock, portsToZero);

    /// <summary>Writes the world's configuration durably (temp file, fsync, rename, folder fsync).</summary>
    public static void Save(MailWorld world, string dataDirectory)
    {
        var text = TopologyWriter.Write(world, PasswordForm.Hashed);
        DurableFile.Write(PathIn(dataDirectory), [], Encoding.UTF8.GetBytes(text));
    }
}

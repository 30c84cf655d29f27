using MailLab.Mail.Topology;

namespace MailLab.Mail.World;

/// <summary>
/// The lecture's "Процесс доставки почтовых сообщений" pair: mail.ru (where ivan submits) and
/// rosnou.ru (where student reads). It is the topology file scenarios/topologies/mailru-rosnou.yaml,
/// embedded in this assembly so that `maillab up` works with no file. Kept stable: the README, labs
/// and tests rely on these values.
/// </summary>
public static class DefaultTopology
{
    public const string VirtualServerName = "Default SMTP Virtual Server";
    public const int MailRuSmtpPort = 2525;
    public const int RosnouSmtpPort = 2526;
    public const int MailRuImapPort = 2143;
    public const int RosnouImapPort = 2144;
    public const int MailRuImapsPort = 2993;
    public const int RosnouImapsPort = 2994;

    /// <summary>The file's name in scenarios/topologies/.</summary>
    public const string FileName = "mailru-rosnou.yaml";

    /// <summary>The embedded resource holding the file (see MailLab.Mail.csproj).</summary>
    public const string ResourceName = "MailLab.Topologies." + FileName;

    /// <summary>Builds the default world. <paramref name="portOffsetToZero"/> binds every listener to port 0 (tests).</summary>
    public static MailWorld Create(TimeProvider clock, bool portOffsetToZero = false) =>
        TopologyLoader.LoadText(ReadYaml(), FileName, clock, portOffsetToZero);

    /// <summary>The embedded topology file's text.</summary>
    public static string ReadYaml()
    {
        using var stream = typeof(DefaultTopology).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded topology {ResourceName} is missing from {typeof(DefaultTopology).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

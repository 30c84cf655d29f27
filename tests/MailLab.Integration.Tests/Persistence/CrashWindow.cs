using MailLab.Mail.Topology;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Persistence;

/// <summary>What the restart tests share: a folder put back as it was (a crash before a change reached it), and a host's default virtual server.</summary>
internal static class CrashWindow
{
    /// <summary>Makes <paramref name="to"/> hold exactly the files of <paramref name="from"/>.</summary>
    public static void CopyFiles(string from, string to)
    {
        foreach (var file in Directory.GetFiles(to))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    public static Mail.Smtp.SmtpVirtualServer Vs(MailWorld world, string host) => world.FindHost(host)!.Smtp.Find(DefaultTopology.VirtualServerName)!;
}

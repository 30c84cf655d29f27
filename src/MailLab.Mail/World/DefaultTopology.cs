using System.Net;

namespace MailLab.Mail.World;

/// <summary>
/// The lecture's "Процесс доставки почтовых сообщений" pair: mail.ru (where ivan submits) and
/// rosnou.ru (where student reads). Kept stable: the README, labs and tests rely on these values.
/// </summary>
public static class DefaultTopology
{
    public const string VirtualServerName = "Default SMTP Virtual Server";
    public const int MailRuSmtpPort = 2525;
    public const int RosnouSmtpPort = 2526;

    /// <summary>Builds the default world. <paramref name="portOffsetToZero"/> binds every listener to port 0 (tests).</summary>
    public static MailWorld Create(TimeProvider clock, bool portOffsetToZero = false)
    {
        var world = new MailWorld(clock);

        var mailRu = world.AddHost("mail.ru");
        var mailRuSmtp = mailRu.Smtp.AddVirtualServer(VirtualServerName, IPAddress.Loopback, portOffsetToZero ? 0 : MailRuSmtpPort, @"C:\Inetpub\mailroot", "mail.ru");
        mailRuSmtp.Access.BasicAuthentication = true;
        mailRu.AddAccount("ivan@mail.ru", "ivan123");

        var rosnou = world.AddHost("rosnou.ru");
        rosnou.Smtp.AddVirtualServer(VirtualServerName, IPAddress.Loopback, portOffsetToZero ? 0 : RosnouSmtpPort, @"C:\Inetpub\mailroot", "rosnou.ru");
        rosnou.AddAccount("student@rosnou.ru", "student123");

        return world;
    }
}

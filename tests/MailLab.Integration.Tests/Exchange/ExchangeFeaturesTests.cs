using MailKit;
using MailKit.Security;
using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Imap;
using MailLab.Integration.Tests.Pop3;
using MailLab.Mail.Recipients;

namespace MailLab.Integration.Tests.Exchange;

/// <summary>ADUC's Exchange Features: a protocol disabled for a user refuses that user's logon over it, with MailKit over TCP.</summary>
public sealed class ExchangeFeaturesTests
{
    [Fact]
    public async Task Pop3Disabled_RefusesThePop3Logon_ButNotImap()
    {
        await using var world = await YamlWorld.StartAsync(CategorizerTests.Yaml(", pop3: disabled"), listenOnTcp: true);
        var rosnou = world.Host("rosnou.ru");

        using var pop3 = await Pop3TestSupport.ConnectPop3Async(world.Server, rosnou);
        var refused = async () => await pop3.AuthenticateAsync("student", "student123");
        await refused.Should().ThrowAsync<AuthenticationException>();
        await using (var raw = new RawPop3(world.Server.InMemory.ConnectPop3(rosnou.Pop3)))
        {
            await raw.ReadLineAsync();
            (await raw.SendAsync("USER student")).Should().StartWith("+OK");
            (await raw.SendAsync("PASS student123")).Should().Be("-ERR [AUTH] POP3 is disabled for student@rosnou.ru (Exchange Features)");
        }

        using var imap = await ImapTestSupport.ConnectImapAsync(world.Server, rosnou);
        await imap.AuthenticateAsync("student", "student123");
        imap.IsAuthenticated.Should().BeTrue();
    }

    [Fact]
    public async Task Imap4DisabledThroughTheSettings_RefusesTheImapLogon_UntilEnabledAgain()
    {
        await using var world = await YamlWorld.StartAsync(CategorizerTests.Yaml(), listenOnTcp: true);
        var rosnou = world.Host("rosnou.ru");
        var student = world.World.Directories.For("rosnou.ru").User("student@rosnou.ru");
        RecipientSettings.Apply(student, "imap4", "disabled");

        using (var imap = await ImapTestSupport.ConnectImapAsync(world.Server, rosnou))
        {
            var refused = async () => await imap.AuthenticateAsync("student", "student123");
            (await refused.Should().ThrowAsync<AuthenticationException>()).Which.Message.Should().Contain("IMAP4 is disabled for student@rosnou.ru");
        }

        RecipientSettings.Apply(student, "imap4", "enabled");
        using (var imap = await ImapTestSupport.ConnectImapAsync(world.Server, rosnou))
        {
            await imap.AuthenticateAsync("student", "student123");
            imap.IsAuthenticated.Should().BeTrue();
        }
    }
}

using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Mail.Pop3;
using MailLab.Mail.Smtp;
using MimeKit;

namespace MailLab.Integration.Tests.Pop3;

/// <summary>The Windows Server 2003 POP3 service model: methods, domains, mailboxes, locks, quotas, SPA.</summary>
public sealed class Pop3AdministrationTests
{
    [Fact]
    public async Task AuthenticationMethod_CanChangeOnlyWhileNoDomainsExist()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        var toPasswordFile = () => pop3.SetAuthenticationMethod(Pop3AuthenticationMethod.EncryptedPasswordFile);
        toPasswordFile.Should().Throw<Pop3AdminException>("the default topology's rosnou.ru is a POP3 domain").WithMessage("*only while no domains exist*");
        pop3.DeleteDomain("rosnou.ru");
        toPasswordFile.Should().NotThrow();
        pop3.AddDomain("rosnou.ru");

        var change = () => pop3.SetAuthenticationMethod(Pop3AuthenticationMethod.LocalAccounts);
        change.Should().Throw<Pop3AdminException>().WithMessage("*only while no domains exist*");
        pop3.DeleteDomain("rosnou.ru");
        change.Should().NotThrow();
    }

    [Fact]
    public async Task ClassroomFlow_NewMailboxReceivesOverSmtp_LockRefusesLogonWhileMailArrives_UnlockRestores()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.AddMailbox("petr@rosnou.ru", "Secret1");

        await DeliveryPipelineTests.SubmitAsIvanAsync(world, "petr@rosnou.ru", "first");
        await world.World.Work.WhenIdleAsync();
        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            await client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
            (await client.GetMessageAsync(0)).Subject.Should().Be("first");
            await client.DisconnectAsync(true);
        }

        pop3.Usage(pop3.FindMailbox("petr@rosnou.ru")!).Messages.Should().Be(1);
        pop3.MailboxesOf(pop3.FindDomain("rosnou.ru")!).Select(m => m.Address).Should().Equal("petr@rosnou.ru", "student@rosnou.ru");

        pop3.Lock("petr@rosnou.ru");
        await DeliveryPipelineTests.SubmitAsIvanAsync(world, "petr@rosnou.ru", "second");
        await world.World.Work.WhenIdleAsync();
        pop3.Usage(pop3.FindMailbox("petr@rosnou.ru")!).Messages.Should().Be(2, "a locked mailbox still receives mail");
        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            var logon = () => client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
            await logon.Should().ThrowAsync<AuthenticationException>();
        }

        pop3.Unlock("petr@rosnou.ru");
        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            await client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
            client.Count.Should().Be(2);
            await client.DisconnectAsync(true);
        }
    }

    [Fact]
    public async Task NewPop3Domain_BecomesLocalAliasOfTheSmtpVirtualServer_AndDeletingItRemovesMailAndAlias()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.AddDomain("lab.rosnou.ru");
        pop3.AddMailbox("petr@lab.rosnou.ru", "Secret1");
        TestWorld.Vs(world.Rosnou).Domains.Find("lab.rosnou.ru")!.Type.Should().Be(SmtpDomainType.LocalAlias);

        await Pop3TestSupport.SendDirectAsync(world, "petr@lab.rosnou.ru");
        world.Rosnou.Mailboxes.Find("petr@lab.rosnou.ru")!.Count.Should().Be(1);
        pop3.FindMailbox("petr@lab.rosnou.ru")!.StorePath(pop3.MailRoot).Should().Be(@"C:\Inetpub\mailroot\Mailbox\lab.rosnou.ru\P3_petr.mbx");

        pop3.DeleteDomain("lab.rosnou.ru");
        world.Rosnou.Mailboxes.Find("petr@lab.rosnou.ru").Should().BeNull();
        TestWorld.Vs(world.Rosnou).Domains.Find("lab.rosnou.ru").Should().BeNull();
    }

    [Fact]
    public async Task PasswordFile_RequiresCreateUser_LogsOnWithFullAddressOnly_AndOffersNoCramMd5()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.DeleteDomain("rosnou.ru");
        pop3.SetAuthenticationMethod(Pop3AuthenticationMethod.EncryptedPasswordFile);
        pop3.AddDomain("rosnou.ru");
        var withoutUser = () => pop3.AddMailbox("petr@rosnou.ru", null);
        withoutUser.Should().Throw<Pop3AdminException>().WithMessage("*requires /createuser*");
        pop3.AddMailbox("petr@rosnou.ru", "Secret1");
        world.Rosnou.Accounts.Find("petr@rosnou.ru").Should().BeNull("password-file users are not accounts");

        using (var client = await world.ConnectPop3Async(world.Rosnou))
        {
            client.AuthenticationMechanisms.Should().NotContain("CRAM-MD5");
            client.AuthenticationMechanisms.Remove("APOP");
            var bare = () => client.AuthenticateAsync("petr", "Secret1");
            await bare.Should().ThrowAsync<AuthenticationException>();
            await client.AuthenticateAsync("petr@rosnou.ru", "Secret1");
            await client.DisconnectAsync(true);
        }

        await using var raw = new RawPop3(world.Server.InMemory.ConnectPop3(world.Rosnou.Pop3));
        var greeting = (await raw.ReadLineAsync())!;
        var banner = greeting[greeting.IndexOf('<')..];
        var digest = MailLab.Protocol.Pop3.Pop3Credentials.ApopDigest(banner, "Secret1");
        (await raw.SendAsync($"APOP petr@rosnou.ru {digest}")).Should().StartWith("-ERR [AUTH]", "a hash cannot check an APOP digest");
    }

    [Fact]
    public async Task LocalAccounts_UserNamesAreUniqueAcrossDomains()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.AddDomain("lab.rosnou.ru");
        var duplicate = () => pop3.AddMailbox("student@lab.rosnou.ru", "x");
        duplicate.Should().Throw<Pop3AdminException>().WithMessage("*unique across domains*");
        var again = () => pop3.AddMailbox("student@rosnou.ru", null);
        again.Should().Throw<Pop3AdminException>().WithMessage("*already exists*");
    }

    [Fact]
    public async Task DomainLock_LocksEveryMailbox_AndAMailboxCannotBeUnlockedAlone()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.Lock("rosnou.ru");
        pop3.IsMailboxLocked("student@rosnou.ru").Should().BeTrue();
        var unlockOne = () => pop3.Unlock("student@rosnou.ru");
        unlockOne.Should().Throw<Pop3AdminException>().WithMessage("*unlock the domain first*");

        await using var raw = new RawPop3(world.Server.InMemory.ConnectPop3(pop3));
        await raw.ReadLineAsync();
        await raw.SendAsync("USER student");
        (await raw.SendAsync("PASS student123")).Should().StartWith("-ERR [AUTH]");
        pop3.Unlock("rosnou.ru");
        await raw.SendAsync("USER student");
        (await raw.SendAsync("PASS student123")).Should().StartWith("+OK");
    }

    [Fact]
    public async Task OverQuota_SmtpRefusesTheRecipientWith552_AndTheRelayingSenderGetsAnNdr()
    {
        await using var world = await TestWorld.StartAsync();
        var pop3 = world.Rosnou.Pop3;
        pop3.CreateQuotaFile("student@rosnou.ru", null);
        pop3.SetQuota("student@rosnou.ru", 100);
        Pop3TestSupport.Seed(world.Rosnou, "student@rosnou.ru", "fills the quota");

        var direct = () => Pop3TestSupport.SendDirectAsync(world, "student@rosnou.ru");
        (await direct.Should().ThrowAsync<SmtpCommandException>()).Which.StatusCode.Should().Be(SmtpStatusCode.ExceededStorageAllocation);

        await DeliveryPipelineTests.SubmitAsIvanAsync(world, "student@rosnou.ru", "too much");
        await world.World.Work.WhenIdleAsync();
        world.MailRu.Mailboxes.Find("ivan@mail.ru")!.Messages.Should().Contain(m => m.Sender.Length == 0, "ivan gets a non-delivery report");
        world.Rosnou.Mailboxes.Find("student@rosnou.ru")!.Count.Should().Be(1);
    }

    [Fact]
    public async Task RequireSecurePasswordAuthentication_RefusesUserPassOutsideTls_ButAcceptsApop()
    {
        await using var world = await TestWorld.StartAsync();
        world.Rosnou.Pop3.RequireSecurePasswordAuthentication = true;
        await using var raw = new RawPop3(world.Server.InMemory.ConnectPop3(world.Rosnou.Pop3));
        var greeting = (await raw.ReadLineAsync())!;
        (await raw.SendAsync("USER student")).Should().StartWith("-ERR [AUTH]");
        var digest = MailLab.Protocol.Pop3.Pop3Credentials.ApopDigest(greeting[greeting.IndexOf('<')..], "student123");
        (await raw.SendAsync($"APOP student {digest}")).Should().StartWith("+OK maildrop has");
    }
}

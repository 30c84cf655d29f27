using MailLab.Mail.Exchange;
using MailLab.Mail.Services;

namespace MailLab.Mail.Tests.Exchange;

/// <summary>An Exchange 2003 server's storage groups, stores, editions and the services the stores need.</summary>
public sealed class ExchangeServerTests
{
    [Fact]
    public void Install_LeavesFirstStorageGroupWithItsTwoStoresMounted()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");

        server.Name.Should().Be("ROSNOU");
        server.AdministrativeGroup.Should().Be("First Administrative Group");
        var group = server.StorageGroups.Should().ContainSingle().Subject;
        group.Name.Should().Be("First Storage Group");
        group.LogPath.Should().Be(@"C:\Program Files\Exchsrvr\mdbdata");
        group.CircularLogging.Should().BeFalse();
        group.Stores.Select(s => (s.Name, s.DatabaseFile, s.StreamingFile, s.Mounted)).Should().Equal(
            ("Mailbox Store (ROSNOU)", "priv1.edb", "priv1.stm", true),
            ("Public Folder Store (ROSNOU)", "pub1.edb", "pub1.stm", true));
    }

    [Fact]
    public void Install_StartsTheAutomaticServices_AndLeavesPop3AndImap4Disabled()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");

        server.Services.IsRunning(ExchangeServiceNames.InformationStore).Should().BeTrue();
        server.Services.IsRunning(ExchangeServiceNames.SystemAttendant).Should().BeTrue();
        server.Services.IsRunning(ExchangeServiceNames.Smtp).Should().BeTrue();
        server.Services.Find("Microsoft Exchange POP3")!.Should().Match<ServiceView>(s => s.StartupType == ServiceStartupType.Disabled && s.Status == ServiceStatus.Stopped);
        server.Services.Find("Microsoft Exchange IMAP4")!.StartupType.Should().Be(ServiceStartupType.Disabled);
        server.Services.Find("Microsoft Exchange Event")!.Status.Should().Be(ServiceStatus.Stopped);
    }

    [Fact]
    public void StoppingSystemAttendant_StopsTheInformationStore_DismountsTheStores_AndLeavesSmtpRunning()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");

        server.Services.DependentsThatWouldStop("Microsoft Exchange System Attendant").Select(s => s.Name)
            .Should().BeEquivalentTo([ExchangeServiceNames.InformationStore, ExchangeServiceNames.MtaStacks]);
        server.Services.Stop(ExchangeServiceNames.SystemAttendant, stopDependents: true);

        server.StorageGroups[0].Stores.Should().OnlyContain(s => !s.Mounted);
        server.Services.IsRunning(ExchangeServiceNames.Smtp).Should().BeTrue();
        server.Services.IsRunning(ExchangeServiceNames.IisAdmin).Should().BeTrue();
    }

    [Fact]
    public void StartingTheInformationStore_MountsStoresExceptThoseMarkedNotToMount()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");
        var mailbox = server.FindStore("Mailbox Store (ROSNOU)")!;
        var pub = server.FindStore("Public Folder Store (ROSNOU)")!;
        pub.DoNotMountAtStartup = true;
        server.Services.Stop(ExchangeServiceNames.InformationStore, stopDependents: true);

        server.Services.Start("Microsoft Exchange Information Store");

        mailbox.Mounted.Should().BeTrue();
        pub.Mounted.Should().BeFalse();
        server.Mount(pub);
        pub.Mounted.Should().BeTrue();
    }

    [Fact]
    public void Mount_WithTheInformationStoreStopped_IsRefused()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");
        var store = server.FindStore("Mailbox Store (ROSNOU)")!;
        server.Services.Stop(ExchangeServiceNames.InformationStore, stopDependents: true);

        server.Invoking(s => s.Mount(store)).Should().Throw<ExchangeAdminException>().WithMessage("*Information Store service is not running*");
        server.Store(store, 1000).Should().BeFalse();
    }

    [Fact]
    public void StandardEdition_AllowsOneStorageGroupAndOneStoreOfEachKind()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU", ExchangeEdition.Standard);

        server.Invoking(s => s.CreateStorageGroup("Second Storage Group")).Should().Throw<ExchangeAdminException>().WithMessage("*Standard Edition supports one storage group*");
        server.Invoking(s => s.CreateStore(s.StorageGroups[0], "Mailbox Store 2", ExchangeStoreKind.Mailbox))
            .Should().Throw<ExchangeAdminException>().WithMessage("*Standard Edition*");
    }

    [Fact]
    public void EnterpriseEdition_AllowsFourStorageGroupsOfFiveStores()
    {
        var server = ExchangeServer.Install("mx", "Org", ExchangeEdition.Enterprise);

        var groups = new[] { "Second", "Third", "Fourth" }.Select(n => server.CreateStorageGroup($"{n} Storage Group")).ToList();
        server.Invoking(s => s.CreateStorageGroup("Fifth Storage Group")).Should().Throw<ExchangeAdminException>();
        groups.Select(g => g.Logs.Prefix).Should().Equal("E01", "E02", "E03");
        groups[0].LogPath.Should().Be(@"C:\Program Files\Exchsrvr\Second Storage Group");

        for (var i = 1; i <= 5; i++)
        {
            server.CreateStore(groups[0], $"Mailbox Store {i}", ExchangeStoreKind.Mailbox);
        }

        server.Invoking(s => s.CreateStore(groups[0], "Mailbox Store 6", ExchangeStoreKind.Mailbox)).Should().Throw<ExchangeAdminException>();
        var created = server.FindStore("Mailbox Store 1")!;
        created.DatabaseFile.Should().Be("Mailbox Store 1.edb");
        created.Mounted.Should().BeFalse();
    }

    [Fact]
    public void DatabaseLimit_FollowsEditionAndServicePack_AndTheRegistryValue()
    {
        ExchangeServer.Install("a", "o", ExchangeEdition.Standard, servicePack: 1).DatabaseLimitBytes.Should().Be(16383L << 20);
        var sp2 = ExchangeServer.Install("b", "o", ExchangeEdition.Standard, servicePack: 2);
        sp2.DatabaseLimitBytes.Should().Be(18L << 30);

        sp2.DatabaseLimitGb = 75;
        sp2.DatabaseLimitBytes.Should().Be(75L << 30);
        sp2.Invoking(s => s.DatabaseLimitGb = 76).Should().Throw<ExchangeAdminException>().WithMessage("*between 1 and 75*");
        ExchangeServer.Install("c", "o", ExchangeEdition.Standard, servicePack: 1).Invoking(s => s.DatabaseLimitGb = 20)
            .Should().Throw<ExchangeAdminException>().WithMessage("*SP2*");
    }

    [Fact]
    public void Store_PastTheLimit_IsDismountedWithEvent1112_AndDoesNotMountAgain()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");
        server.DatabaseLimitGb = 1;
        var store = server.FindStore("Mailbox Store (ROSNOU)")!;

        server.Store(store, 1L << 30).Should().BeTrue();

        store.Mounted.Should().BeFalse();
        server.Events.Should().ContainSingle(e => e.Id == 1112 && e.Source == "MSExchangeIS"
            && e.Description == "The database \"First Storage Group\\Mailbox Store (ROSNOU)\" has reached the maximum allowed size. Attempting to unmount the database.");
        server.Invoking(s => s.Mount(store)).Should().Throw<ExchangeAdminException>().WithMessage("*maximum allowed size*");
    }

    [Fact]
    public void Store_GrowsTheStreamingFileByTheMessage_AndTheDatabaseByAPage()
    {
        var server = ExchangeServer.Install("rosnou", "RosNOU");
        var store = server.FindStore("Mailbox Store (ROSNOU)")!;
        var (edb, stm) = (store.DatabaseBytes, store.StreamingBytes);

        server.Store(store, 5000);

        store.StreamingBytes.Should().Be(stm + 8192);
        store.DatabaseBytes.Should().Be(edb + 4096);
        store.Group.Logs.CurrentLogUsed.Should().Be(5000 + 4096);
    }
}

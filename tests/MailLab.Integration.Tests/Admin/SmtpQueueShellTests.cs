using System.Net;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Admin;

/// <summary>
/// `maillab smtp queue` as a shell runs it: the built maillab.dll as a child process against the admin
/// API of a running server (it used to exist only in scenarios: "Unrecognized command" from a shell).
/// </summary>
public sealed class SmtpQueueShellTests : AdminApiTestBase
{
    [Fact]
    public async Task SmtpQueue_FromAShell_ListsTheDeferredMessage_ThenAnEmptyQueue()
    {
        World.World.Links.SetHostReachable("rosnou.ru", false);
        await SendAsIvanAsync("student@rosnou.ru", "Lab 2");
        await World.World.Work.WhenIdleAsync();
        var id = TestWorld.Vs(World.MailRu).Queue.Entries.Should().ContainSingle().Which.Message.Id;

        var (exit, output) = await Maillab($"smtp queue --host mail.ru --server {Http.BaseAddress}");
        exit.Should().Be(0, output);
        output.Should().Be($"{id} \"Lab 2\" for student@rosnou.ru (attempts: 1)\n");

        (await Maillab($"smtp queue --host rosnou.ru --server {Http.BaseAddress}")).Output.Should().Be("The queue of rosnou.ru is empty.\n");

        var json = await Json(await Http.GetAsync("/api/servers/mail.ru/queue"), HttpStatusCode.OK);
        json.EnumerateArray().Should().ContainSingle().Which.GetProperty("pending")[0].GetString().Should().Be("student@rosnou.ru");

        var unknown = await Maillab($"smtp queue --host nowhere.example --server {Http.BaseAddress}");
        unknown.Exit.Should().Be(1);
        unknown.Output.Should().StartWith("There is no host \"nowhere.example\"");
    }

    private static Task<(int Exit, string Output)> Maillab(string arguments) =>
        ProcessRunner.RunAsync("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "maillab.dll")}\" {arguments}");
}

using System.Net;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Admin;

namespace MailLab.Integration.Tests.Admin;

/// <summary>The in-process admin grammar's help, and the API's description of the new endpoints.</summary>
public sealed class AdminGrammarTests : AdminApiTestBase
{
    [Theory]
    [InlineData("maillab smtp vs create --help", "Usage: maillab smtp vs create NAME --port PORT --home-directory DIR --default-domain DOMAIN [--ip IP] --host HOST\n")]
    [InlineData("smtp domain add -h", "Usage: maillab smtp domain add [NAME] DOMAIN local|alias|remote [--allow-relay] [--smart-host HOST] [--outbound-port PORT] [--require-tls] --host HOST\n")]
    [InlineData("smtp vs pause --help", "Usage: maillab smtp vs status|start|pause|stop [NAME] --host HOST\n")]
    public void Help_AfterACommand_PrintsItsSyntax(string line, string start)
    {
        var result = AdminCommands.Run(World.World, line);
        result.Succeeded.Should().BeTrue();
        result.Output.Should().StartWith(start);
    }

    [Fact]
    public void Help_ListsEveryCommand()
    {
        var help = AdminCommands.Run(World.World, "maillab help").Output;
        help.Should().Be(AdminHelp.Usage);
        foreach (var command in new[] { "smtp vs create", "smtp vs delete", "smtp domain list", "smtp domain add", "smtp domain remove" })
        {
            help.Should().Contain($"maillab {command} ");
        }
    }

    [Fact]
    public void OptionsOfAnotherCommand_AreRefused_NamingWhatTheCommandTakes()
    {
        AdminCommands.Run(World.World, "smtp domain add x.example remote --port 3 --host rosnou.ru").Output
            .Should().Be("Unknown option \"--port\": smtp domain add takes --host HOST, --allow-relay, --smart-host HOST, --outbound-port PORT, --require-tls.");
        AdminCommands.Run(World.World, "smtp vs create N --port 0 --home-directory C:\\m --default-domain n.example --host").Output
            .Should().Be("--host needs a host name, e.g. --host rosnou.ru.");
        AdminCommands.Run(World.World, "smtp domain add x.example remote --outbound-port twenty --smart-host relay.example --host rosnou.ru").Output
            .Should().Be("--outbound-port \"twenty\" is not a TCP port: use 1 to 65535.");
    }

    [Fact]
    public async Task OpenApi_DescribesTheAdminEndpoints()
    {
        var document = await Json(await Http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        var vs = "/api/servers/{server}/smtp/{virtualServer}";
        foreach (var (path, method) in new[]
        {
            ($"{vs}/settings", "get"), ($"{vs}/settings", "patch"), ($"{vs}/domains", "get"), ($"{vs}/domains", "post"),
            ($"{vs}/domains/{{domain}}", "put"), ($"{vs}/domains/{{domain}}", "delete"), ($"{vs}/security", "get"), ($"{vs}/security", "put"),
            ("/api/servers/{server}/smtp", "post"), (vs, "delete"),
        })
        {
            paths.GetProperty(path).GetProperty(method).GetProperty("summary").GetString().Should().NotBeNullOrWhiteSpace($"{method} {path}");
        }
    }
}

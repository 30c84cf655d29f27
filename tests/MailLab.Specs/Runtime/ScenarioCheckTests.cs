using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>
/// Checks that used to pass when they should not (issue 11, item 16): expected replies after the
/// server closed the connection, scenarios that run no step, steps written in another language
/// than the feature's.
/// </summary>
public sealed class ScenarioCheckTests
{
    [Fact]
    public async Task AfterThePausedServersClose_TheRepliesItNeverGave_FailTheStep()
    {
        var result = await Run(""""
            Feature: early close
              Scenario: a paused server
                Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is paused
                When a client connects to SMTP on "rosnou.ru" and sends:
                  """
                  EHLO client.example
                  MAIL FROM:<ivan@mail.ru>
                  QUIT
                  """
                Then the server replies:
                  """
                  421 4.3.2
                  250
                  250
                  221
                  """
            """");

        var step = result.Scenarios.Single().Steps[^1];
        step.Status.Should().Be(RunStatus.Failed);
        step.Error.Should().Be("The server's replies differ: the server closed the connection after 1 reply but 4 were expected; the first one it never gave is \"250\".");
        step.Expected.Should().Be("421 4.3.2\n250\n250\n221");
        step.Actual.Should().StartWith("421 4.3.2").And.Contain("(rosnou.ru closed the connection after 1 reply.)");
    }

    private static Task<FeatureResult> Run(string feature) => new FeatureRunner().RunTextAsync(feature, "inline.feature");
}

using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>A real mail server outside MailLab for the scenario: Postfix's smtp-sink on this computer's loopback.</summary>
[Binding]
public sealed class OutsideServerSteps(ScenarioWorld world)
{
    [Given(@"Postfix's smtp-sink listens on 127\.0\.0\.1 port (\d+)")]
    [Given(@"smtp-sink из Postfix слушает 127\.0\.0\.1, порт (\d+)")]
    public Task SmtpSink(int port) => world.StartSmtpSinkAsync(port);
}

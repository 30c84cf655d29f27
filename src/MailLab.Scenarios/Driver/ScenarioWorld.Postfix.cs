namespace MailLab.Scenarios.Driver;

/// <summary>
/// A real server outside the world for the scenario: Postfix's smtp-sink on loopback (<see cref="SmtpSink"/>),
/// which a smart host such as <c>[127.0.0.1]</c> with an outbound port reaches over TCP. It stops when the scenario ends.
/// </summary>
public sealed partial class ScenarioWorld
{
    private readonly List<SmtpSink> _sinks = [];

    public async Task StartSmtpSinkAsync(int port)
    {
        if (port is < 1 or > 65535)
        {
            throw new ScenarioSetupException($"{port} is not a TCP port (1 to 65535).", $"{port} — не порт TCP (от 1 до 65535).");
        }

        if (SmtpSink.Program is null)
        {
            var where = string.Join(", ", SmtpSink.Locations);
            throw new ScenarioSetupException(
                $"Postfix's smtp-sink is not installed (looked for {where}): install Postfix from Debian (apt-get install postfix) or run scripts/test.sh.",
                $"smtp-sink из Postfix не установлен (искали {where}): установите Postfix из Debian (apt-get install postfix) или запустите scripts/test.sh.");
        }

        try
        {
            _sinks.Add(await SmtpSink.StartAsync(port).ConfigureAwait(false));
        }
        catch (InvalidOperationException e)
        {
            throw new ScenarioSetupException($"Postfix's smtp-sink did not start on 127.0.0.1:{port}: {e.Message}", $"smtp-sink из Postfix не запустился на 127.0.0.1:{port}: {e.Message}");
        }
    }

    private async Task StopSmtpSinksAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync().ConfigureAwait(false);
        }

        _sinks.Clear();
    }
}

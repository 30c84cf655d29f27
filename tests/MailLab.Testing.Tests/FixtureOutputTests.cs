using MailLab.Testing.Xunit;
using Xunit.Abstractions;

namespace MailLab.Testing.Tests;

/// <summary>A fixture cursor given the test's output writes a timed-out wait's report there.</summary>
public sealed class FixtureOutputTests(MailServerFixture fixture) : IClassFixture<MailServerFixture>
{
    /// <summary>What xUnit's output would show: every line written.</summary>
    private sealed class RecordedOutput : ITestOutputHelper
    {
        public List<string> Lines { get; } = [];

        public void WriteLine(string message) => Lines.Add(message);

        public void WriteLine(string format, params object[] args) => Lines.Add(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }

    [Fact]
    public async Task A_timed_out_wait_writes_what_arrived_and_the_transcripts_to_the_test_output()
    {
        var output = new RecordedOutput();
        var cursor = fixture.Mark(output);
        await RawSmtp.TalkAsync(fixture.Server, "EHLO app.example", "MAIL FROM:<app@shop.example>", "RCPT TO:<nobody@example.com>", "RSET");

        var wait = () => cursor.WaitForMessageAsync(m => m.To.Contains("nobody@example.com"), TimeSpan.FromMilliseconds(200));

        var thrown = (await wait.Should().ThrowAsync<MailWaitTimeoutException>()).Which;
        output.Lines.Should().ContainSingle().Which.Should().Be(thrown.Message).And.Contain("C: RCPT TO:<nobody@example.com>").And.Contain("C: RSET");
    }
}

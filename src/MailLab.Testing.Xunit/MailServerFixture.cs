using Xunit;
using Xunit.Abstractions;

namespace MailLab.Testing.Xunit;

/// <summary>
/// One <see cref="TestMailServer"/> for a test class (<c>IClassFixture&lt;MailServerFixture&gt;</c>), a
/// collection (<c>ICollectionFixture</c>) or, with xUnit 2.9's assembly fixtures, the assembly.
/// Tests share it without a reset: each takes its own cursor with <see cref="Mark"/>.
/// Derive and override <see cref="Configure"/> for options.
/// </summary>
public class MailServerFixture : IAsyncLifetime
{
    private TestMailServer? _server;

    /// <summary>The running server (after xUnit's <see cref="InitializeAsync"/>).</summary>
    public TestMailServer Server => _server ?? throw new InvalidOperationException("The fixture has not been initialised by xUnit yet.");

    /// <summary>A cursor at this moment: the calling test's waits see only mail stored from now on.</summary>
    public MailCursor Mark() => Server.Mark();

    /// <summary>
    /// A cursor as <see cref="Mark()"/>, whose timed-out waits also write their report (what arrived
    /// and the transcripts of the connections since the mark) to the test's output.
    /// </summary>
    public MailCursor Mark(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Server.Mark(output.WriteLine);
    }

    public async Task InitializeAsync() => _server = await TestMailServer.StartAsync(Configure).ConfigureAwait(false);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The options of the server; the default keeps catch-all on free ports.</summary>
    protected virtual void Configure(TestMailServerOptions options)
    {
    }
}

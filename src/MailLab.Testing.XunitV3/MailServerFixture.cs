using Xunit;

namespace MailLab.Testing.XunitV3;

/// <summary>
/// One <see cref="TestMailServer"/> for a test class (<c>IClassFixture&lt;MailServerFixture&gt;</c>), a
/// collection (<c>ICollectionFixture</c>) or the assembly (<c>[assembly: AssemblyFixture(typeof(MailServerFixture))]</c>),
/// as xunit.v3 creates them. Tests share it without a reset: each takes its own cursor with
/// <see cref="Mark"/>. Derive and override <see cref="Configure"/> for options.
/// </summary>
public class MailServerFixture : IAsyncLifetime
{
    private TestMailServer? _server;

    /// <summary>The running server (after xUnit's <see cref="InitializeAsync"/>).</summary>
    public TestMailServer Server => _server ?? throw new InvalidOperationException("The fixture has not been initialised by xUnit yet.");

    /// <summary>
    /// A cursor at this moment: the calling test's waits see only mail stored from now on, and one
    /// that times out writes its report (what arrived, the transcripts since the mark) to the output
    /// of the test running now (<see cref="TestContext.Current"/>).
    /// </summary>
    public MailCursor Mark() =>
        TestContext.Current.TestOutputHelper is { } output ? Server.Mark(output.WriteLine) : Server.Mark();

    public async ValueTask InitializeAsync() => _server = await TestMailServer.StartAsync(Configure, TestContext.Current.CancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The options of the server; the default keeps catch-all on free ports.</summary>
    protected virtual void Configure(TestMailServerOptions options)
    {
    }
}

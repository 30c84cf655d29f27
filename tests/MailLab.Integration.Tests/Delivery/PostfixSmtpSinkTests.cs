using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MailLab.Mail.Tracing;

namespace MailLab.Integration.Tests.Delivery;

/// <summary>
/// A hop to a real Postfix: mail.ru's smart host is Postfix's smtp-sink on loopback, reached over
/// TCP by the same sans-I/O client that carries the world's hops. scripts/test.sh installs postfix
/// when smtp-sink is missing; without it these tests fail and say so.
/// </summary>
public sealed class PostfixSmtpSinkTests
{
    [Fact]
    public async Task MessageToPostfixSmtpSink_IsRelayedOverTcp_AndSmtpSinkReceivesItsEnvelopeAndContent()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var world = await YamlWorld.StartAsync($"hosts:\n{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{sink.Port}' }}")}");

        var id = await world.SendAsIvanAsync("to postfix", "user@external.example", "other@external.example");
        await world.IdleAsync();

        var target = $"127.0.0.1:{sink.Port}";
        var texts = world.StageTexts(id);
        texts.Should().Contain(t => t.StartsWith($"mail.ru Relayed: Relayed to {target} for <user@external.example>: 250 2.0.0 Ok", StringComparison.Ordinal));
        texts.Should().Contain(t => t.StartsWith($"mail.ru Relayed: Relayed to {target} for <other@external.example>: 250 2.0.0 Ok", StringComparison.Ordinal));
        world.Vs("mail.ru").Queue.Count.Should().Be(0);

        // smtp-sink dumps each transaction: its envelope as X- headers, then the content.
        var dump = sink.Dumps().Should().ContainSingle("one transaction for both recipients").Subject;
        dump.Should().Contain("X-Mail-Args: <ivan@mail.ru>").And.Contain("X-Rcpt-Args: <user@external.example>").And.Contain("X-Rcpt-Args: <other@external.example>");
        dump.Should().Contain("Subject: to postfix").And.Contain("by mail.ru with ESMTPA id " + id);

        // The client side of the hop in the trace: Postfix's own EHLO reply and the pipelined envelope.
        var session = world.StageEvents(id).First(e => e.Kind == TraceKind.Relayed && e.SessionId is not null).SessionId!.Value;
        var lines = world.World.Trace.ForSession(session).Select(e => e.Text).ToArray();
        lines.Should().Contain(l => l.StartsWith("250-smtp-sink", StringComparison.Ordinal) && l.Contains("250-XFORWARD", StringComparison.Ordinal), "smtp-sink's EHLO reply");
        lines.Should().ContainInOrder($"Connection to {target}", "MAIL FROM:<ivan@mail.ru>", "RCPT TO:<user@external.example>", "RCPT TO:<other@external.example>", "DATA", "QUIT", "Connection closed");
    }

    [Fact]
    public async Task SmtpSinkRefusingEveryRecipient_With450_TheMessageIsDeferred()
    {
        // smtp-sink -r RCPT answers every RCPT with 450 4.3.0: the message stays queued.
        await using var sink = await SmtpSink.StartAsync("-r", "RCPT");
        await using var world = await YamlWorld.StartAsync($"hosts:\n{Topologies.MailRu($"{{ smartHost: '[127.0.0.1]:{sink.Port}' }}")}");

        var id = await world.SendAsIvanAsync("refused", "user@external.example");
        await world.IdleAsync();

        world.StageTexts(id).Should().Contain(t => t.StartsWith("mail.ru Deferred: Deferred (attempt 1): <user@external.example>: 450 4.3.0 Error: command failed", StringComparison.Ordinal));
        world.Vs("mail.ru").Queue.Count.Should().Be(1);
        sink.Dumps().Should().BeEmpty();
    }

    /// <summary>Postfix's smtp-sink on a free loopback port, dumping each transaction into a folder of its own.</summary>
    private sealed class SmtpSink : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _folder;

        private SmtpSink(Process process, string folder, int port)
        {
            _process = process;
            _folder = folder;
            Port = port;
        }

        public int Port { get; }

        public static async Task<SmtpSink> StartAsync(params string[] options)
        {
            var program = new[] { "/usr/sbin/smtp-sink", "/usr/bin/smtp-sink", "/usr/local/sbin/smtp-sink" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Postfix's smtp-sink is not installed (looked in /usr/sbin, /usr/bin, /usr/local/sbin): run scripts/test.sh, which installs postfix, or apt-get install postfix.");

            var folder = Directory.CreateTempSubdirectory("maillab-smtp-sink-").FullName;
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(folder, (UnixFileMode)0x1FF); // smtp-sink drops root for nobody, who writes the dumps
            }
            var port = FreePort();
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
            if (Environment.UserName == "root")
            {
                // smtp-sink refuses to run as root without -u.
                start.ArgumentList.Add("-u");
                start.ArgumentList.Add("nobody");
            }

            foreach (var option in options)
            {
                start.ArgumentList.Add(option);
            }

            start.ArgumentList.Add("-d");
            start.ArgumentList.Add(Path.Combine(folder, "msg."));
            start.ArgumentList.Add($"127.0.0.1:{port}");
            start.ArgumentList.Add("16");
            var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
            var sink = new SmtpSink(process, folder, port);
            await sink.WaitListeningAsync();
            return sink;
        }

        public IReadOnlyList<string> Dumps() => Directory.GetFiles(_folder).Select(File.ReadAllText).ToArray();

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            Directory.Delete(_folder, recursive: true);
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        /// <summary>Until smtp-sink accepts a connection (it binds right after starting), or it exits.</summary>
        private async Task WaitListeningAsync()
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                if (_process.HasExited)
                {
                    var error = await _process.StandardError.ReadToEndAsync();
                    throw new InvalidOperationException($"smtp-sink exited with {_process.ExitCode}: {error}");
                }

                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    await socket.ConnectAsync(IPAddress.Loopback, Port, limit.Token);
                    return;
                }
                catch (SocketException)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, limit.Token);
                }
            }
        }
    }
}

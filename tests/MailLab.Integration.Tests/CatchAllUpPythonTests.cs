using System.Net;
using System.Text.RegularExpressions;
using MailLab.Integration.Tests.Infrastructure;
using MailLab.Integration.Tests.Persistence;

namespace MailLab.Integration.Tests;

/// <summary>
/// <c>maillab up --catch-all --any-port</c> as a child process, used the way a test in another
/// language would: python3's standard library only, smtplib to send to a made-up address and
/// urllib to long-poll <c>GET /api/messages</c> for it; mail.ru, which takes logons, still relays.
/// </summary>
public sealed partial class CatchAllUpPythonTests
{
    [Fact]
    public async Task Python_LongPollsForMailSentToAMadeUpAddress()
    {
        await using var maillab = await MailLabProcess.StartWithAsync("--catch-all");
        var output = maillab.Output;
        output.Should().Contain("catch-all  rosnou.ru: any recipient");
        var rosnou = IPEndPoint.Parse(RosnouSmtpLine().Match(output).Groups[1].Value);
        var script = $$"""
            import json, smtplib, threading, urllib.request, urllib.error
            api = "{{maillab.Api.BaseAddress}}api/messages"
            answers = {}
            def poll():
                with urllib.request.urlopen(api + "?to=made-up.user@rosnou.ru&wait=30", timeout=60) as r:
                    answers["poll"] = json.load(r)
            waiting = threading.Thread(target=poll)
            waiting.start()
            s = smtplib.SMTP("127.0.0.1", {{rosnou.Port}}, local_hostname="python.test")
            refused = s.sendmail("app@example.org", ["made-up.user@rosnou.ru"], b"From: app@example.org\r\nSubject: sign-up link\r\n\r\nhello\r\n")
            s.quit()
            waiting.join()
            got = answers["poll"]["messages"]
            assert refused == {}, refused
            assert len(got) == 1, got
            assert got[0]["subject"] == "sign-up link", got
            assert got[0]["mailbox"] == "made-up.user@rosnou.ru", got
            with urllib.request.urlopen(api + "?to=made-up.user@rosnou.ru&wait=1&after=%d" % answers["poll"]["next"], timeout=60) as r:
                later = json.load(r)
            assert later["messages"] == [], later
            # mail.ru, where ivan logs on to submit, is no catch-all: it still relays to rosnou.ru.
            s = smtplib.SMTP("127.0.0.1", {{maillab.MailRuSmtp.Port}}, local_hostname="python.test")
            s.login("ivan@mail.ru", "ivan123")
            s.sendmail("ivan@mail.ru", ["other.made-up@rosnou.ru"], b"From: ivan@mail.ru\r\nSubject: relayed\r\n\r\nhi\r\n")
            s.quit()
            with urllib.request.urlopen(api + "?to=other.made-up@rosnou.ru&wait=30", timeout=60) as r:
                relayed = json.load(r)["messages"]
            assert [(m["host"], m["subject"]) for m in relayed] == [("rosnou.ru", "relayed")], relayed
            try:
                urllib.request.urlopen(api + "?wait=600", timeout=60)
                raise AssertionError("wait=600 was accepted")
            except urllib.error.HTTPError as e:
                assert e.code == 400, e.code
                assert "wait" in json.load(e)["error"]
            print("ok", got[0]["id"])
            """;

        var (exit, result) = await ProcessRunner.RunAsync("python3", "-", script);

        exit.Should().Be(0, result + "\n" + maillab.Output);
        result.Should().StartWith("ok ML");
    }

    [GeneratedRegex(@"^\s+rosnou\.ru\s+SMTP\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex RosnouSmtpLine();
}

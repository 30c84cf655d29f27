using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests;

/// <summary>
/// An injected reply is one reply line: POST /api/faults refuses text or an enhanced code that
/// would split the SMTP reply stream (CR, LF), other control characters, non-ASCII and lines over
/// RFC 5321's 512 octets, with 400 and the field, and the server's own replies stay in step.
/// </summary>
public sealed class FaultReplyValidationTests : ApiTestBase
{
    [Theory]
    [InlineData("Try later\r\n250 2.0.0 OK", null, "text has U+000D at position 10: a line break (CR or LF)")]
    [InlineData("Try later\n250 2.0.0 OK", null, "text has U+000A at position 10: a line break")]
    [InlineData("Try\0later", null, "text has U+0000 at position 4: control characters")]
    [InlineData("Try \u001b[31mlater", null, "text has U+001B at position 5: control characters")]
    [InlineData("Try later\u007f", null, "text has U+007F at position 10: control characters")]
    [InlineData("Попробуйте позже", null, "text has U+041F at position 1: a reply is printable US-ASCII")]
    [InlineData("", null, "text must not be empty")]
    [InlineData("Try later", "4.3.0\r\n250 2.0.0 OK", "enhancedCode '4.3.0\\u000D\\u000A250 2.0.0 OK' is not an enhanced status code of class 4")]
    [InlineData("Try later", "5.7.1", "enhancedCode '5.7.1' is not an enhanced status code of class 4")]
    [InlineData("Try later", "4.3", "enhancedCode '4.3' is not an enhanced status code")]
    public async Task ReplyThatIsNotOneReplyLine_Is400WithTheField_AndNoFaultIsAdded(string text, string? enhancedCode, string expected)
    {
        var response = await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 451, enhancedCode, text });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Contain(expected);
        (await Http.GetFromJsonAsync<JsonElement>("/api/faults")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task FaultWithoutAHostOrKind_Is400()
    {
        var noHost = await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", stage = "mail", code = 451 });
        noHost.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noHost.Content.ReadAsStringAsync()).Should().Contain("host is required");

        var noKind = await Http.PostAsJsonAsync("/api/faults", new { host = "rosnou.ru" });
        noKind.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noKind.Content.ReadAsStringAsync()).Should().Contain("use reply or drop");
    }

    [Fact]
    public async Task ReplyLineOver512Octets_Is400_AndOneOf512IsInjected()
    {
        // "451 4.3.0 " + text + CRLF: 12 octets around the text.
        var tooLong = await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 451, enhancedCode = "4.3.0", text = new string('x', 501) });
        tooLong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("text makes a reply line of 513 octets; RFC 5321 §4.5.3.1.5 allows 512");

        (await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 451, enhancedCode = "4.3.0", text = new string('x', 500) }))
            .EnsureSuccessStatusCode();
        await using var client = await World.ConnectTcpAsync(World.Rosnou);
        await client.ReadReplyAsync();
        await client.CommandAsync("EHLO client.example");
        (await client.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().Be("451 4.3.0 " + new string('x', 500));
    }

    [Fact]
    public async Task RefusedCrLfFault_LeavesTheSessionInStep_WhileAValidOneWithATabIsSentAsOneLine()
    {
        (await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 451, text = "Try later\r\n250 2.0.0 OK" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using (var client = await World.ConnectTcpAsync(World.Rosnou))
        {
            await client.ReadReplyAsync();
            await client.CommandAsync("EHLO client.example");
            (await client.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().StartWith("250 2.1.0");
            (await client.CommandAsync("NOOP")).Should().StartWith("250 2.0.0");
        }

        (await Http.PostAsJsonAsync("/api/faults", new { kind = "reply", host = "rosnou.ru", stage = "mail", code = 451, enhancedCode = "4.3.0", text = "Try\tlater" }))
            .EnsureSuccessStatusCode();
        await using var faulty = await World.ConnectTcpAsync(World.Rosnou);
        await faulty.ReadReplyAsync();
        await faulty.CommandAsync("EHLO client.example");
        (await faulty.CommandAsync("MAIL FROM:<ivan@mail.ru>")).Should().Be("451 4.3.0 Try\tlater");
        (await faulty.CommandAsync("NOOP")).Should().StartWith("250 2.0.0");
    }
}

using System.Text.RegularExpressions;
using MailLab.Testing.Xunit;
using MimeKit;
using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>Bodies, attachments, links and one-time codes of a message an app sent over SMTP.</summary>
public sealed class ContentTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static async Task<ReceivedMail> SendAsync(TestMailServer mail, BodyBuilder body)
    {
        var letter = Letter("noreply@shop.example", "Confirm your address", "new.user@gmail.com");
        letter.Body = body.ToMessageBody();
        var cursor = mail.Mark();
        await CatchAllTests.SendAsync(mail, letter);
        return await cursor.WaitForMessageAsync(m => m.To.Contains("new.user@gmail.com"), Wait);
    }

    [Fact]
    public async Task Bodies_attachments_links_and_the_code_are_read_from_a_multipart_message()
    {
        await using var mail = await TestMailServer.StartAsync();
        var body = new BodyBuilder
        {
            TextBody = "Your code is 482913 (valid 10 minutes).\nOr open https://shop.example/confirm?t=abc&u=7.\nOrder 12345678 is not a code.",
            HtmlBody = "<p>Your code is <b>482913</b>.</p><a\n  class=\"btn\" href=\"https://shop.example/confirm?t=abc&amp;u=7\">Confirm</a> <a href='https://shop.example/unsubscribe'>Unsubscribe</a>",
        };
        body.Attachments.Add("terms.pdf", "%PDF-1.4 terms"u8.ToArray(), new ContentType("application", "pdf"));

        var msg = await SendAsync(mail, body);

        msg.TextBody.Should().StartWith("Your code is 482913");
        msg.HtmlBody.Should().Contain("<b>482913</b>");
        msg.Attachments.Should().ContainSingle().Which.Should().Match<MailAttachment>(a => a.FileName == "terms.pdf" && a.ContentType == "application/pdf");
        msg.Attachments[0].Content.Should().Equal("%PDF-1.4 terms"u8.ToArray());
        msg.Links.Should().Equal("https://shop.example/confirm?t=abc&u=7", "https://shop.example/unsubscribe");
        msg.FindCode().Should().Be("482913");
        msg.FindCode(8).Should().Be("12345678");
        msg.FindCode(new Regex(@"open (\S+)\.")).Should().Be("https://shop.example/confirm?t=abc&u=7");
        msg.FindCode(4).Should().BeNull("no number of exactly four digits is in the text");
        msg.Should().HaveLink("https://shop.example/unsubscribe").And.HaveLink("https://shop.example/confirm*").And.HaveTextBodyContaining("valid 10 minutes")
            .And.HaveAttachment("terms.pdf");
    }

    [Fact]
    public async Task An_html_only_message_gives_its_code_from_the_visible_text_and_the_assertions_say_what_it_had()
    {
        await using var mail = await TestMailServer.StartAsync();
        var body = new BodyBuilder { HtmlBody = "<style>.x{width:123456px}</style><table><tr><td>Code</td><td>7731</td><td>09</td></tr></table><a href=\"https://a.example/x\">x</a>" };

        var msg = await SendAsync(mail, body);

        msg.TextBody.Should().BeNull();
        msg.FindCode().Should().BeNull("the style's 123456 is not shown and 7731 and 09 are separate cells");
        msg.FindCode(4).Should().Be("7731");
        msg.Invoking(m => m.Should().HaveLink("https://b.example/")).Should().Throw<Exception>().WithMessage("*https://b.example/*https://a.example/x*");
        msg.Invoking(m => m.Should().HaveTextBodyContaining("Code")).Should().Throw<Exception>().WithMessage("*no text body*");
    }
}

using MailKit.Security;
using MailLab.Testing.Xunit;
using MimeKit;
using static MailLab.Testing.Tests.CatchAllTests;

namespace MailLab.Testing.Tests;

/// <summary>The xUnit class fixture shared by tests, and the FluentAssertions extensions on what arrived.</summary>
public sealed class FixtureAndAssertionTests(FixtureAndAssertionTests.SecuredFixture fixture) : IClassFixture<FixtureAndAssertionTests.SecuredFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public sealed class SecuredFixture : MailServerFixture
    {
        protected override void Configure(TestMailServerOptions options) => options.AddAccount("app@shop.example", "pw").RequireAuthentication();
    }

    [Fact]
    public async Task The_extensions_pass_on_a_message_that_matches()
    {
        var cursor = fixture.Mark();
        var letter = Letter("app@shop.example", "Invoice 7", "carol@example.com");
        var body = new BodyBuilder { TextBody = "See attached." };
        body.Attachments.Add("invoice-7.pdf", "%PDF-1.4"u8.ToArray());
        letter.Body = body.ToMessageBody();

        await SendAsync(fixture.Server, letter, SecureSocketOptions.StartTls, ("app@shop.example", "pw"));

        var msg = await cursor.WaitForMessageAsync(m => m.To.Contains("carol@example.com"), Wait);
        msg.Should().HaveSubject("Invoice 7").And.BeSentTo("carol@example.com").And.HaveAttachment("invoice-7.pdf");
        msg.Journey.Should().PassThrough("maillab.test").And.HaveUsedTls().And.HaveUsedAuthentication().And.HaveAuthenticatedAs("app@shop.example");
        msg.Journey.Invoking(j => j.Should().HaveAuthenticatedAs("someone@else.example")).Should().Throw<Exception>().WithMessage("*someone@else.example*app@shop.example*");
    }

    [Fact]
    public async Task The_extensions_fail_with_what_the_message_had()
    {
        var cursor = fixture.Mark();
        await SendAsync(fixture.Server, Letter("app@shop.example", "Plain", "dave@example.com"), SecureSocketOptions.None, ("app@shop.example", "pw"));
        var msg = await cursor.WaitForMessageAsync(m => m.To.Contains("dave@example.com"), Wait);

        msg.Invoking(m => m.Should().HaveSubject("Other")).Should().Throw<Exception>().WithMessage("*\"Other\"*\"Plain\"*");
        msg.Invoking(m => m.Should().HaveAttachment("a.pdf")).Should().Throw<Exception>().WithMessage("*a.pdf*");
        msg.Invoking(m => m.Journey.Should().PassThrough("mail.ru", "rosnou.ru")).Should().Throw<Exception>().WithMessage("*maillab.test*");
        msg.Invoking(m => m.Journey.Should().HaveUsedTls()).Should().Throw<Exception>().WithMessage("*TLS*");
    }
}

using MailLab.Protocol.Smtp;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests;

/// <summary>SmtpServerOptions.Extensions: what is switched off is not advertised and is refused when used anyway.</summary>
public sealed class ExtensionToggleTests
{
    private static SessionDriver Without(SmtpExtensions off) =>
        new(SessionDriver.DefaultOptions() with { Extensions = SmtpExtensions.All & ~off, TlsAvailable = true });

    [Fact]
    public void All_extensions_are_advertised_by_default()
    {
        using var driver = Without(SmtpExtensions.None);

        driver.TakeLines();
        driver.Command("EHLO client.example").Select(l => l[4..]).Should().Contain(["PIPELINING", "8BITMIME", "STARTTLS", "SMTPUTF8", "CHUNKING"]);
    }

    [Fact]
    public void Switched_off_extensions_leave_the_EHLO_reply_and_their_parameters_and_verbs_are_refused()
    {
        using var driver = Without(SmtpExtensions.Pipelining | SmtpExtensions.Chunking | SmtpExtensions.EightBitMime | SmtpExtensions.SmtpUtf8);
        driver.TakeLines();

        driver.Command("EHLO client.example").Select(l => l[4..]).Should().NotContain(["PIPELINING", "8BITMIME", "SMTPUTF8", "CHUNKING"]).And.Contain("STARTTLS");
        driver.TakeSingleOf("MAIL FROM:<a@example.org> BODY=8BITMIME").Should().Be("555 5.5.4 Unsupported parameter: BODY=8BITMIME");
        driver.TakeSingleOf("MAIL FROM:<a@example.org> SMTPUTF8").Should().Be("555 5.5.4 Unsupported parameter: SMTPUTF8");
        driver.TakeSingleOf("MAIL FROM:<a@example.org> BODY=7BIT").Should().Be("250 2.1.0 Sender OK");
        driver.TakeSingleOf("RCPT TO:<bob@maillab.test>").Should().StartWith("250");
        driver.TakeSingleOf("BDAT 3 LAST").Should().Be("500 5.5.1 Command unrecognized: \"BDAT\"");
    }

    [Fact]
    public void Without_ehlo_the_client_gets_500_and_HELO_still_works()
    {
        using var driver = Without(SmtpExtensions.Ehlo);
        driver.TakeLines();

        driver.TakeSingleOf("EHLO client.example").Should().Be("500 5.5.1 Command unrecognized: \"EHLO\"");
        driver.TakeSingleOf("HELO client.example").Should().StartWith("250 ");
        driver.TakeSingleOf("MAIL FROM:<a@example.org>").Should().Be("250 2.1.0 Sender OK");
    }
}

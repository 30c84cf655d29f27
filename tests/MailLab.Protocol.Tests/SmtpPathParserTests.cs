using MailLab.Protocol.Smtp;

namespace MailLab.Protocol.Tests;

/// <summary>ESMTP parameters after a path (RFC 5321 §4.1.2): names in upper case whatever the client wrote, values as written.</summary>
public sealed class SmtpPathParserTests
{
    [Fact]
    public void Parameter_names_come_back_upper_case_and_values_as_written()
    {
        SmtpPathParser.TryParse("FROM:<a@example.org> size=1234 Body=8bitmime smtputf8 x-Custom=Value", "FROM", allowNullPath: true, out var mailbox, out var parameters, out var error, out _)
            .Should().BeTrue(error);

        mailbox!.Address.Should().Be("a@example.org");
        parameters.Should().Equal(
            new KeyValuePair<string, string?>("SIZE", "1234"),
            new KeyValuePair<string, string?>("BODY", "8bitmime"),
            new KeyValuePair<string, string?>("SMTPUTF8", null),
            new KeyValuePair<string, string?>("X-CUSTOM", "Value"));
    }

    [Fact]
    public void A_path_without_parameters_has_none()
    {
        SmtpPathParser.TryParse("TO:<b@example.org>", "TO", allowNullPath: false, out _, out var parameters, out var error, out _).Should().BeTrue(error);

        parameters.Should().BeEmpty();
    }
}

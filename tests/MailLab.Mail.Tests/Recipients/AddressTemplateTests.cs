using MailLab.Mail.Recipients;

namespace MailLab.Mail.Tests.Recipients;

/// <summary>Recipient policy address templates with Exchange 2003's replacement strings (KB 285136).</summary>
public sealed class AddressTemplateTests
{
    private static readonly DirectoryUser Petr = new("student@rosnou.ru", "student") { FirstName = "Petr", LastName = "Sidorov", DisplayName = "Petr Sidorov" };

    [Theory]
    [InlineData("%m@rosnou.ru", "student@rosnou.ru")]
    [InlineData("@rosnou.ru", "student@rosnou.ru")]
    [InlineData("%g.%s@rosnou.ru", "petr.sidorov@rosnou.ru")]
    [InlineData("%1g%s@rosnou.ru", "psidorov@rosnou.ru")]
    [InlineData("%s%2g@rosnou.ru", "sidorovpe@rosnou.ru")]
    [InlineData("%d@rosnou.ru", "petrsidorov@rosnou.ru")]
    [InlineData("%r _%d@rosnou.ru", "petr_sidorov@rosnou.ru")]
    [InlineData("%rooo%s@rosnou.ru", "sidrv@rosnou.ru")]
    [InlineData("100%%%m@rosnou.ru", "100%student@rosnou.ru")]
    public void AUsersAddress_FollowsTheTemplate(string template, string expected)
    {
        AddressTemplate.Expand(template, Petr).Should().Be(expected);
    }

    [Fact]
    public void APartTheRecipientLacks_GivesNoAddress()
    {
        var group = new DistributionGroup("students", "students");

        AddressTemplate.Expand("%g.%s@rosnou.ru", group).Should().BeNull();
        AddressTemplate.Expand("%m@rosnou.ru", group).Should().Be("students@rosnou.ru");
    }
}

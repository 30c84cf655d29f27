using MailLab.Scenarios.Driver;

namespace MailLab.Specs.Runtime;

public sealed class ReplyExpectationTests
{
    private static readonly ServerReply Greeting = new(220, ["220 rosnou.ru Microsoft ESMTP MAIL Service ready"]);
    private static readonly ServerReply Ehlo = new(250, ["250-rosnou.ru Hello [127.0.0.1]", "250-SIZE 2097152", "250 HELP"]);
    private static readonly ServerReply Relay = new(550, ["550 5.7.1 Unable to relay"]);

    [Theory]
    [InlineData("220", true)]
    [InlineData("220 rosnou.ru", true)]
    [InlineData("221", false)]
    [InlineData("220 mail.ru", false)]
    public void Greeting_MatchesACodeOrTheStartOfItsText(string expected, bool matches) =>
        ReplyExpectation.Matches(expected, Greeting).Should().Be(matches);

    [Theory]
    [InlineData("250", true)]
    [InlineData("250 rosnou.ru", true)]
    [InlineData("250 SIZE 2097152", true)]
    [InlineData("250 size", true)]
    [InlineData("250 STARTTLS", false)]
    public void MultiLineReply_CountsOnce_AndAnyLineMayMatch(string expected, bool matches) =>
        ReplyExpectation.Matches(expected, Ehlo).Should().Be(matches);

    [Fact]
    public void SameRepliesInOrder_Match() =>
        ReplyExpectation.Compare(["220", "250", "550 5.7.1"], [Greeting, Ehlo, Relay], closedEarly: false).Should().BeNull();

    [Fact]
    public void AnExtraReply_IsADifference() =>
        ReplyExpectation.Compare(["220", "250"], [Greeting, Ehlo, Relay], closedEarly: false)
            .Should().Be("the server gave 3 replies but 2 were expected; the first one not expected is \"550 5.7.1 Unable to relay\"");

    [Fact]
    public void AMissingReply_IsADifference_WhileTheConnectionIsOpen() =>
        ReplyExpectation.Compare(["220", "250", "550"], [Greeting, Ehlo], closedEarly: false)
            .Should().Be("the server gave 2 replies but 3 were expected; the first one it never gave is \"550\"");

    [Fact]
    public void AfterAnEarlyClose_AnExpectedReplyNeverGiven_IsADifference() =>
        ReplyExpectation.Compare(["421 4.3.2", "250", "250", "221"], [new ServerReply(421, ["421 4.3.2 Service not available"])], closedEarly: true)
            .Should().Be("the server closed the connection after 1 reply but 4 were expected; the first one it never gave is \"250\"");

    [Fact]
    public void AfterAnEarlyClose_TheRepliesGivenAreCompared()
    {
        ReplyExpectation.Compare(["421 4.3.2"], [new ServerReply(421, ["421 4.3.2 Service not available"])], closedEarly: true).Should().BeNull();
        ReplyExpectation.Compare(["220"], [new ServerReply(421, ["421 4.3.2 Service not available"])], closedEarly: true)
            .Should().Be("reply 1 (the greeting) is \"421 4.3.2 Service not available\", expected \"220\"");
    }

    [Fact]
    public void ALineThatIsNotAReply_IsAnError()
    {
        var act = () => ReplyExpectation.Compare(["OK"], [Greeting], closedEarly: false);
        act.Should().Throw<ScenarioSetupException>().WithMessage("\"OK\" is not a reply expectation*");
    }

    [Fact]
    public void BlankLinesAndIndentation_AreIgnored() =>
        ReplyExpectation.Parse("  220\n\n  250 2.1.0  \n").Should().Equal("220", "250 2.1.0");
}

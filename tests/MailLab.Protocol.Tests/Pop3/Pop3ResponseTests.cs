using MailLab.Protocol.Common;
using MailLab.Protocol.Pop3;
using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Pop3;

/// <summary>Status lines (RFC 1939 §3) with response codes (RFC 2449 §8), kept within RFC 2449 §4's 512 octets.</summary>
public sealed class Pop3ResponseTests
{
    [Fact]
    public void Line_FormatsIndicatorCodeAndText()
    {
        Pop3Response.Ok().Line.Should().Be("+OK");
        Pop3Response.Ok("2 200").Line.Should().Be("+OK 2 200");
        Pop3Response.Err("unable to lock maildrop", Pop3ResponseCodes.InUse).Line.Should().Be("-ERR [IN-USE] unable to lock maildrop");
        Pop3Response.Err(string.Empty, Pop3ResponseCodes.SysTemp).Line.Should().Be("-ERR [SYS/TEMP]");
    }

    [Fact]
    public void Line_ReplacesControlAndNonAsciiCharacters_SoAHandlerTextCannotInjectALine()
    {
        var response = Pop3Response.Err("bad\r\n+OK fake\tüser");

        response.Line.Should().Be("-ERR bad??+OK fake??ser");
    }

    [Fact]
    public void WireLine_IsAtMost512OctetsWithCrlf()
    {
        var response = Pop3Response.Err(new string('x', 2000), Pop3ResponseCodes.SysPerm);
        using var output = new PooledByteBuffer();

        response.WriteTo(output);

        output.Count.Should().Be(Pop3Limits.ResponseLine);
        Bytes.Text(output.WrittenSpan).Should().StartWith("-ERR [SYS/PERM] xxx").And.EndWith("x\r\n");
    }
}

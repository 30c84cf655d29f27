using MailLab.Protocol.Tests.Harness;

namespace MailLab.Protocol.Tests.Pop3.Harness;

/// <summary>A stored message as the fake store keeps it.</summary>
internal sealed record FakeMessage(string UniqueId, byte[] Content);

/// <summary>
/// The messages in alice's maildrop. The first has lines that start with "." (one is a lone "."),
/// so RETR must byte-stuff them; the second has a three-line body for TOP.
/// </summary>
internal static class Pop3TestMessages
{
    public const string DotsText =
        "From: bob@maillab.test\r\n" +
        "To: alice@maillab.test\r\n" +
        "Subject: Dots\r\n" +
        "\r\n" +
        "Hello Alice,\r\n" +
        ".signature follows\r\n" +
        "..two dots\r\n" +
        ".\r\n" +
        "Bye\r\n";

    public const string LunchText =
        "From: carol@maillab.test\r\n" +
        "To: alice@maillab.test\r\n" +
        "Subject: Lunch\r\n" +
        "\r\n" +
        "Line 1\r\n" +
        "Line 2\r\n" +
        "Line 3\r\n";

    public static FakeMessage Dots() => new("20240102.0001.alice", Bytes.Of(DotsText));

    public static FakeMessage Lunch() => new("20240102.0002.alice", Bytes.Of(LunchText));
}

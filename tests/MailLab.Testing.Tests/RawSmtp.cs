using System.Net.Sockets;
using System.Text;

namespace MailLab.Testing.Tests;

/// <summary>A client that sends exactly what it is told over TCP, one command at a time: for what no well-behaved client sends.</summary>
internal static class RawSmtp
{
    /// <summary>Sends each command after the previous reply and QUIT at the end; returns every reply line, the greeting's first.</summary>
    public static async Task<IReadOnlyList<string>> TalkAsync(TestMailServer mail, params string[] commands)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(mail.SmtpHost, mail.SmtpPort);
        using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var replies = new List<string>();
        await ReadReplyAsync(reader, replies);
        foreach (var command in commands.Append("QUIT"))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            await ReadReplyAsync(reader, replies);
        }

        return replies;
    }

    // RFC 5321 §4.2.1: a reply's last line has a space after the code, the others a hyphen.
    private static async Task ReadReplyAsync(StreamReader reader, List<string> replies)
    {
        string? line;
        do
        {
            line = await reader.ReadLineAsync() ?? throw new IOException("The server closed the connection.");
            replies.Add(line);
        }
        while (line.Length > 3 && line[3] == '-');
    }
}

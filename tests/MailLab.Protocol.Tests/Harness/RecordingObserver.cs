using MailLab.Protocol.Smtp;

namespace MailLab.Protocol.Tests.Harness;

/// <summary>Records what an <see cref="ISmtpSessionObserver"/> sees as <c>C:</c>, <c>S:</c> and <c>D:</c> lines.</summary>
internal sealed class RecordingObserver : ISmtpSessionObserver
{
    public List<string> Lines { get; } = [];

    public void OnClientLine(string line) => Lines.Add("C: " + line);

    public void OnServerReply(SmtpReply reply)
    {
        foreach (var line in reply.ToWireString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Lines.Add("S: " + line);
        }
    }

    public void OnClientData(long octets) => Lines.Add($"D: {octets} octets");
}

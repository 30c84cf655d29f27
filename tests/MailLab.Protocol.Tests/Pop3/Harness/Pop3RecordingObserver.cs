using MailLab.Protocol.Pop3;

namespace MailLab.Protocol.Tests.Pop3.Harness;

/// <summary>Records what an <see cref="IPop3SessionObserver"/> sees as <c>C:</c>, <c>S:</c> and <c>D:</c> (multi-line body size) lines.</summary>
internal sealed class Pop3RecordingObserver : IPop3SessionObserver
{
    public List<string> Lines { get; } = [];

    public void OnClientLine(string line) => Lines.Add("C: " + line);

    public void OnServerResponse(string line, long? multiLineOctets)
    {
        Lines.Add("S: " + line);
        if (multiLineOctets is { } octets)
        {
            Lines.Add($"D: {octets} octets");
        }
    }
}

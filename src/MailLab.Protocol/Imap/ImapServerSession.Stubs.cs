using System.Text;

namespace MailLab.Protocol.Imap;

public sealed partial class ImapServerSession
{
    private string? _idleTag = null;

    private void InitialiseParser() { }

    private void ResetParser() => _idleTag = null;

    private void DisposeParser() { }

    private int ReceiveSome(ReadOnlySpan<byte> input) => throw new NotImplementedException();

    private string CapabilityList() => "IMAP4rev2 IMAP4rev1";

    private void WriteLine(string line)
    {
        _output.Write(Encoding.UTF8.GetBytes(line + "\r\n"));
        _observer?.OnServerLine(line);
    }

    private void ReleaseAll() { }

    private void ReportChanges(bool allowExpunge) => throw new NotImplementedException();
}

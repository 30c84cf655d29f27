using System.Reflection;

namespace MailLab.Protocol.Tests.Imap.Transcripts;

/// <summary>Every golden IMAP transcript (a const string in one of the partial files), by name.</summary>
internal static partial class ImapTranscripts
{
    public static IReadOnlyDictionary<string, string> All { get; } =
        typeof(ImapTranscripts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);
}

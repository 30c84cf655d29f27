using System.Reflection;

namespace MailLab.Protocol.Tests.Pop3.Transcripts;

/// <summary>
/// Golden POP3 transcripts, one <c>const string</c> each in the partial files beside this one, in
/// the format of <see cref="Harness.Pop3TranscriptRunner"/>. They live in C# rather than in
/// Transcripts/*.txt because the SMTP transcript theory replays every file in that folder. Each
/// session starts with the greeting; the fake store (<see cref="Harness.FakePop3Handler"/>) has
/// alice/secret with two messages (119 and 92 octets) and bob/hunter2 with none; the banner is
/// <c>&lt;1896.1704164645@pop.maillab.test&gt;</c> and CRAM-MD5 challenges count on from 1897.
/// </summary>
internal static partial class Pop3Transcripts
{
    /// <summary>Every transcript by name.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } =
        typeof(Pop3Transcripts).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!, StringComparer.Ordinal);
}

using System.Text;

namespace MailLab.Protocol.Tests.Harness;

/// <summary>Byte/text conversions that keep every byte value (Latin-1), so tests can spell 8-bit data.</summary>
internal static class Bytes
{
    public static byte[] Of(string latin1) => Encoding.Latin1.GetBytes(latin1);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Shows CR and LF so a failure message is readable.</summary>
    public static string Visible(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

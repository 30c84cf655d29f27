namespace MailLab.Mail.Pop3;

/// <summary>What a winpop command printed and its exit code (0 success, 1 refused, 2 bad syntax).</summary>
public sealed record WinpopResult(int ExitCode, string Output, string Error)
{
    public static WinpopResult Ok(string output) => new(0, output, string.Empty);

    public static WinpopResult Failed(string reason) => new(1, string.Empty, $"winpop: {reason}\n");

    public static WinpopResult BadSyntax(string reason) => new(2, string.Empty, $"winpop: {reason}\n\n{Winpop.Usage}");
}

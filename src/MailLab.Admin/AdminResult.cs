namespace MailLab.Admin;

/// <summary>What an administration command printed and its exit code (0: it worked).</summary>
public sealed record AdminResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    public static AdminResult Ok(string output) => new(0, output);

    public static AdminResult Error(string output) => new(1, output);
}

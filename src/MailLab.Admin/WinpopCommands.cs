using MailLab.Mail.Pop3;
using MailLab.Mail.World;

namespace MailLab.Admin;

/// <summary>
/// <c>winpop ...</c> (or <c>maillab winpop ...</c>): the Windows Server 2003 POP3 tool, run in process
/// on one host's POP3 service (<see cref="AdminGrammar.Winpop"/> reads the line). The host is <c>--host HOST</c> when given, else the one
/// <see cref="WinpopHost.For"/> picks, as for <c>maillab winpop</c>. What winpop prints on standard output and standard error is the output.
/// </summary>
public static class WinpopCommands
{
    /// <summary>The host <c>maillab winpop</c> administers by default.</summary>
    public const string DefaultHost = WinpopHost.Default;

    /// <summary>Runs winpop's words on <paramref name="hostName"/>, or with none on the host <see cref="WinpopHost.For"/> picks.</summary>
    public static AdminResult Run(MailWorld world, string? hostName, IReadOnlyList<string> args)
    {
        var host = hostName is null ? WinpopHost.For(world, args) : world.FindHost(hostName);
        if (host is null)
        {
            return AdminResult.Error($"winpop: there is no host \"{hostName ?? DefaultHost}\"; hosts: {string.Join(", ", world.Hosts.Select(h => h.Name))}. Name one with --host HOST.");
        }

        var result = Winpop.Run(host.Pop3, args);
        return new AdminResult(result.ExitCode, (result.Output + result.Error).TrimEnd('\n', '\r'));
    }
}

using System.CommandLine;
using MailLab.Admin;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab network …</c> (the hosts' addresses, static or DHCP) and <c>maillab dns …</c> (the DNS
/// server's A and MX records) on a running <c>maillab up</c> over its REST API. The grammar is
/// <see cref="AdminGrammar.Network"/> and <see cref="AdminGrammar.Dns"/>, the checks and output those
/// the scenarios run in process (<see cref="NetworkCommands"/>).
/// </summary>
public static class NetworkCommand
{
    public static Command Create() => SmtpCommand.FromGrammar(AdminGrammar.Network());

    public static Command CreateDns() => SmtpCommand.FromGrammar(AdminGrammar.Dns());
}

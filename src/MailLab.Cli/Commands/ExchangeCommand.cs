using System.CommandLine;
using MailLab.Admin;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab exchange …</c>: the Services console and Exchange System Manager's stores, mailboxes and
/// logons on a running <c>maillab up</c> over its REST API. The grammar is <see cref="AdminGrammar.Exchange"/>,
/// the checks and output those the scenarios run in process (<see cref="ExchangeCommands"/>).
/// </summary>
public static class ExchangeCommand
{
    public static Command Create() => SmtpCommand.FromGrammar(AdminGrammar.Exchange());
}

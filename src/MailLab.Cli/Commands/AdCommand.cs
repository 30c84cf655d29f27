using System.CommandLine;
using MailLab.Admin;

namespace MailLab.Cli.Commands;

/// <summary>
/// <c>maillab ad user|contact|group …</c>: Active Directory Users and Computers with the Exchange tabs,
/// on a running <c>maillab up</c> over its REST API. The grammar is <see cref="AdminGrammar.Ad"/>, the
/// checks and output those the scenarios run in process (<see cref="DirectoryCommands"/>).
/// </summary>
public static class AdCommand
{
    public static Command Create() => SmtpCommand.FromGrammar(AdminGrammar.Ad());
}

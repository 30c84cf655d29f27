using System.CommandLine;
using MailLab.Cli.Commands;

var root = new RootCommand("MailLab: an in-memory mail system (SMTP now; POP3, IMAP and DNS/MX to come) for tests and classrooms.");
root.Subcommands.Add(UpCommand.Create());
return await root.Parse(args).InvokeAsync();

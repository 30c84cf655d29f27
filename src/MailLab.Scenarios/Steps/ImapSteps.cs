using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>IMAP (MailLab's own service): typing it by hand, a mail client reading and moving mail, folders and flags.</summary>
[Binding]
public sealed class ImapSteps(ScenarioWorld world)
{
    [StepDefinition(@"a client connects to IMAP on ""([^""]*)"" and sends:")]
    [StepDefinition(@"клиент подключается к IMAP на ""([^""]*)"" и отправляет:")]
    public Task Converse(string host, string script) => world.ConverseImapAsync(host, script);

    [StepDefinition(@"""([^""]*)"" reads the mailbox over IMAP")]
    [StepDefinition(@"""([^""]*)"" читает почтовый ящик по IMAP")]
    public Task Read(string address) => world.ReadOverImapAsync(address);

    [StepDefinition(@"""([^""]*)"" with password ""([^""]*)"" reads the mailbox over IMAP")]
    [StepDefinition(@"""([^""]*)"" с паролем ""([^""]*)"" читает почтовый ящик по IMAP")]
    public Task ReadWithPassword(string address, string password) => world.ReadOverImapAsync(address, password);

    [StepDefinition(@"""([^""]*)"" moves the message ""([^""]*)"" to ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" перемещает письмо ""([^""]*)"" в ""([^""]*)""")]
    public Task Move(string address, string subject, string folder) => world.MoveOverImapAsync(address, subject, folder);

    [StepDefinition(@"the folder ""([^""]*)"" of ""([^""]*)"" contains (\d+) messages?")]
    [StepDefinition(@"папка ""([^""]*)"" ящика ""([^""]*)"" содержит (\d+) (?:писем|письмо|письма)")]
    [ReadsOnly]
    public Task FolderCount(string folder, string address, int count) => world.CheckFolderCountAsync(folder, address, count);

    [StepDefinition(@"the message ""([^""]*)"" in the folder ""([^""]*)"" of ""([^""]*)"" has the flag ""([^""]*)""")]
    [StepDefinition(@"письмо ""([^""]*)"" в папке ""([^""]*)"" ящика ""([^""]*)"" имеет флаг ""([^""]*)""")]
    [ReadsOnly]
    public Task HasFlag(string subject, string folder, string address, string flag) => world.CheckFlagAsync(subject, folder, address, flag, expected: true);

    [StepDefinition(@"the message ""([^""]*)"" in the folder ""([^""]*)"" of ""([^""]*)"" does not have the flag ""([^""]*)""")]
    [StepDefinition(@"письмо ""([^""]*)"" в папке ""([^""]*)"" ящика ""([^""]*)"" не имеет флага ""([^""]*)""")]
    [ReadsOnly]
    public Task HasNoFlag(string subject, string folder, string address, string flag) => world.CheckFlagAsync(subject, folder, address, flag, expected: false);

    [StepDefinition(@"""([^""]*)"" reads (\d+) messages? over IMAP")]
    [StepDefinition(@"""([^""]*)"" прочитал (\d+) (?:писем|письмо|письма) по IMAP")]
    public void ReadCount(string address, int count) => world.CheckImapReadCount(address, count);

    [StepDefinition(@"the IMAP logon of ""([^""]*)"" succeeds")]
    [StepDefinition(@"вход ""([^""]*)"" по IMAP выполнен")]
    public void LogonSucceeded(string address) => world.CheckImapLogonSucceeded(address);
}

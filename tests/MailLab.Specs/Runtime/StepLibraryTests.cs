using MailLab.Scenarios.Runner;

namespace MailLab.Specs.Runtime;

/// <summary>The phrasings the issue promises, each matching exactly one step; and the reference page listing them all.</summary>
public sealed class StepLibraryTests
{
    /// <summary>The phrasings, with example values, as labs and CI suites will write them.</summary>
    public static TheoryData<string, string> Promised => new()
    {
        { "Given", "the default topology" },
        { "Given", "the topology \"scenarios/topologies/mailru-rosnou.yaml\"" },
        { "Given", "the virtual server \"Default SMTP Virtual Server\" on \"rosnou.ru\" is paused" },
        { "Given", "the virtual server \"Default SMTP Virtual Server\" on \"rosnou.ru\" is stopped" },
        { "Given", "the virtual server \"Default SMTP Virtual Server\" on \"rosnou.ru\" is running" },
        { "Given", "the SMTP service on \"rosnou.ru\" is stopped" },
        { "Given", "on \"rosnou.ru\" the virtual server \"Default SMTP Virtual Server\" has \"maxMessageSizeKb\" set to \"1\"" },
        { "Given", "the mailbox \"petr@rosnou.ru\" with password \"petr123\"" },
        { "Given", "\"rosnou.ru\" is unreachable" },
        { "When", "\"rosnou.ru\" becomes reachable" },
        { "When", "\"ivan@mail.ru\" sends a message to \"student@rosnou.ru\" with subject \"Hello\"" },
        { "When", "\"ivan@mail.ru\" sends a message to \"student@rosnou.ru, ivan@mail.ru\" with subject \"Hello\"" },
        { "When", "a client connects to SMTP on \"rosnou.ru\" and sends:" },
        { "Then", "the server replies:" },
        { "When", "15 minutes pass" },
        { "When", "1 minute passes" },
        { "When", "12 hours pass" },
        { "When", "2 days pass" },
        { "When", "the administrator runs \"winpop add rosnou.ru\"" },
        { "When", "the administrator runs \"maillab smtp vs pause \"Default SMTP Virtual Server\" --host rosnou.ru\"" },
        { "Then", "the command output is:" },
        { "Then", "the command fails" },
        { "Then", "the mailbox \"student@rosnou.ru\" contains 1 message" },
        { "Then", "the mailbox \"student@rosnou.ru\" contains 2 messages" },
        { "Then", "the mailbox \"student@rosnou.ru\" contains a message with subject \"Hello\"" },
        { "Then", "the message \"Hello\" travelled through \"mail.ru\", \"rosnou.ru\"" },
        { "Then", "\"ivan@mail.ru\" receives a delivery status notification for \"student@rosnou.ru\"" },
        { "Then", "the queue of \"mail.ru\" holds 1 message" },
        { "Then", "the queue of \"mail.ru\" holds 0 messages" },
        { "Then", "the BadMail folder of \"mail.ru\" holds 2 files" },
        { "Then", "the BadMail folder of \"mail.ru\" holds 1 file" },
        { "Given", "топология по умолчанию" },
        { "Given", "топология \"scenarios/topologies/mailru-rosnou.yaml\"" },
        { "Given", "виртуальный сервер \"Default SMTP Virtual Server\" на \"rosnou.ru\" приостановлен" },
        { "Given", "служба SMTP на \"rosnou.ru\" остановлена" },
        { "Given", "на \"rosnou.ru\" у виртуального сервера \"Default SMTP Virtual Server\" параметр \"maxMessageSizeKb\" равен \"1\"" },
        { "Given", "почтовый ящик \"petr@rosnou.ru\" с паролем \"petr123\"" },
        { "Given", "\"rosnou.ru\" недоступен" },
        { "When", "\"rosnou.ru\" становится доступен" },
        { "When", "\"ivan@mail.ru\" отправляет письмо \"student@rosnou.ru\" с темой \"Привет\"" },
        { "When", "клиент подключается к SMTP на \"rosnou.ru\" и отправляет:" },
        { "Then", "сервер отвечает:" },
        { "When", "проходит 15 минут" },
        { "When", "проходят 12 часов" },
        { "When", "прошло 2 дня" },
        { "When", "администратор выполняет \"winpop add rosnou.ru\"" },
        { "Then", "команда выводит:" },
        { "Then", "команда завершается с ошибкой" },
        { "Then", "почтовый ящик \"student@rosnou.ru\" содержит 1 письмо" },
        { "Then", "почтовый ящик \"student@rosnou.ru\" содержит 5 писем" },
        { "Then", "почтовый ящик \"student@rosnou.ru\" содержит письмо с темой \"Привет\"" },
        { "Then", "письмо \"Привет\" прошло через \"mail.ru\", \"rosnou.ru\"" },
        { "Then", "\"ivan@mail.ru\" получает уведомление о состоянии доставки для \"student@rosnou.ru\"" },
        { "Then", "очередь \"mail.ru\" содержит 1 письмо" },
        { "Then", "папка BadMail на \"mail.ru\" содержит 2 файла" },
        { "When", "a client connects to POP3 on \"rosnou.ru\" and sends:" },
        { "When", "\"petr@rosnou.ru\" with password \"Secret1\" retrieves mail over POP3 from \"rosnou.ru\"" },
        { "When", "\"petr@rosnou.ru\" with password \"Secret1\" retrieves mail over POP3 from \"rosnou.ru\" and deletes them" },
        { "When", "\"petr@rosnou.ru\" with password \"Secret1\" retrieves mail over POP3 from \"rosnou.ru\" using \"APOP\"" },
        { "Then", "\"petr@rosnou.ru\" retrieves 1 message over POP3" },
        { "Then", "\"petr@rosnou.ru\" retrieves 2 messages over POP3" },
        { "Then", "\"petr@rosnou.ru\" retrieves 2 messages over POP3 and deletes them" },
        { "Then", "\"petr@rosnou.ru\" получает 1 письмо по POP3 и удаляет его" },
        { "Then", "the POP3 logon of \"petr@rosnou.ru\" is refused with \"-ERR [AUTH]\"" },
        { "Then", "the message \"Hello\" was retrieved over POP3 by \"petr@rosnou.ru\"" },
        { "Given", "the POP3 authentication method on \"rosnou.ru\" is \"encrypted password file\"" },
        { "Given", "POP3 on \"rosnou.ru\" requires secure password authentication" },
        { "Given", "the POP3 mailbox \"petr@rosnou.ru\" with password \"Secret1\"" },
        { "Given", "the mailboxes:" },
        { "Given", "on \"rosnou.ru\" the virtual server \"Default SMTP Virtual Server\" has these settings:" },
        { "When", "\"ivan@mail.ru\" sends these messages:" },
        { "When", "клиент подключается к POP3 на \"rosnou.ru\" и отправляет:" },
        { "When", "\"petr@rosnou.ru\" с паролем \"Secret1\" забирает почту по POP3 с \"rosnou.ru\"" },
        { "When", "\"petr@rosnou.ru\" с паролем \"Secret1\" забирает почту по POP3 с \"rosnou.ru\" и удаляет её" },
        { "Then", "\"petr@rosnou.ru\" получает 1 письмо по POP3" },
        { "Then", "вход \"petr@rosnou.ru\" по POP3 отклонён с ответом \"-ERR [AUTH]\"" },
        { "Given", "почтовый ящик POP3 \"petr@rosnou.ru\" с паролем \"Secret1\"" },
        { "Given", "почтовые ящики:" },
        { "When", "\"ivan@mail.ru\" отправляет письма:" },

        // Issue 14's Exchange steps, as it spells them.
        { "Given", "the Exchange service \"Microsoft Exchange Information Store\" on \"rosnou.ru\" is stopped" },
        { "Then", "the Exchange service \"Microsoft Exchange Information Store\" on \"rosnou.ru\" is running" },
        { "Given", "the store \"Mailbox Store (ROSNOU)\" on \"rosnou.ru\" is dismounted" },
        { "Then", "the store \"Mailbox Store (ROSNOU)\" on \"rosnou.ru\" is mounted" },
        { "Given", "служба Exchange \"Microsoft Exchange Information Store\" на \"rosnou.ru\" остановлена" },
        { "Then", "хранилище \"Mailbox Store (ROSNOU)\" на \"rosnou.ru\" подключено" },
        { "Given", "the Active Directory user \"petr\" has a mailbox \"petr@rosnou.ru\" on the store \"Mailbox Store (ROSNOU)\" of \"rosnou.ru\"" },
        { "Given", "у пользователя Active Directory \"petr\" есть почтовый ящик \"petr@rosnou.ru\" в хранилище \"Mailbox Store (ROSNOU)\" на \"rosnou.ru\"" },
        { "Given", "on \"rosnou.ru\" the store \"Mailbox Store (ROSNOU)\" has \"prohibitSendAndReceiveKb\" set to \"100\"" },
        { "Given", "на \"rosnou.ru\" у хранилища \"Mailbox Store (ROSNOU)\" параметр \"issueWarningKb\" равен \"50\"" },
        { "Given", "on \"rosnou.ru\" the user \"student@rosnou.ru\" has \"prohibitSendAndReceiveKb\" set to \"100\"" },
        { "Given", "на \"rosnou.ru\" у пользователя \"student@rosnou.ru\" параметр \"useStoreDefaults\" равен \"true\"" },
        { "Given", "on \"rosnou.ru\" the user \"student@rosnou.ru\" has \"maxReceivingSizeKb\" set to \"1024\"" },
        { "Given", "на \"rosnou.ru\" у пользователя \"student@rosnou.ru\" параметр \"pop3\" равен \"disabled\"" },
    };

    [Theory]
    [MemberData(nameof(Promised))]
    public void PromisedPhrasing_MatchesExactlyOneStep(string kind, string text)
    {
        var matches = StepCatalog.Default.Match(Enum.Parse<StepKind>(kind), text);
        matches.Should().ContainSingle($"\"{kind} {text}\" must match one step");
        matches[0].Definition.Method.Name.Should().NotBe("NotYetAvailable");
    }

    [Fact]
    public void TheReferencePage_ListsEveryPhrasing()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Scenarios, "STEPS.md"));
        var missing = StepCatalog.Default.Definitions
            .Where(d => !d.Method.Name.StartsWith("NotYetAvailable", StringComparison.Ordinal))
            .Select(d => d.Phrasing)
            .Distinct()
            .Where(p => !page.Contains(p, StringComparison.Ordinal))
            .ToArray();
        missing.Should().BeEmpty("scenarios/STEPS.md is the reference of every phrasing");
    }

    [Fact]
    public void ServicesNotYetBuilt_AreCaughtOnlyOutsideQuotes()
    {
        StepCatalog.Default.Match(StepKind.When, "\"student@rosnou.ru\" logs on to Exchange with password \"x\"")
            .Should().ContainSingle().Which.Definition.Method.Name.Should().Be("NotYetAvailable");
        StepCatalog.Default.Match(StepKind.When, "\"ivan@mail.ru\" sends a message to \"student@rosnou.ru\" with subject \"About Exchange\"")
            .Should().ContainSingle().Which.Definition.Method.Name.Should().Be("Send");
        StepCatalog.Default.Match(StepKind.When, "the administrator runs \"winpop add Exchange\"")
            .Should().ContainSingle().Which.Definition.Method.Name.Should().Be("Run");
    }
}

using MailLab.Scenarios.Driver;

namespace MailLab.Scenarios.Steps;

/// <summary>Where mail ended up: mailboxes, hops, notifications, the queue and the home-directory folders.</summary>
[Binding]
public sealed class DeliveryCheckSteps(ScenarioWorld world)
{
    [StepDefinition(@"the mailbox ""([^""]*)"" contains (\d+) messages?")]
    [StepDefinition(@"почтовый ящик ""([^""]*)"" содержит (\d+) (?:писем|письмо|письма)")]
    [ReadsOnly]
    public Task MailboxCount(string address, int count) => world.CheckMailboxCountAsync(address, count);

    [StepDefinition(@"the mailbox ""([^""]*)"" contains a message with subject ""([^""]*)""")]
    [StepDefinition(@"почтовый ящик ""([^""]*)"" содержит письмо с темой ""([^""]*)""")]
    [ReadsOnly]
    public Task MailboxSubject(string address, string subject) => world.CheckMailboxHasSubjectAsync(address, subject);

    [StepDefinition(@"the message ""([^""]*)"" (?:travelled|traveled) through (.+)")]
    [StepDefinition(@"письмо ""([^""]*)"" прошло через (.+)")]
    [ReadsOnly]
    public Task Route(string subject, string hosts) => world.CheckRouteAsync(subject, hosts);

    [StepDefinition(@"""([^""]*)"" receives a delivery status notification for ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" получает уведомление о (?:состоянии доставки|доставке) для ""([^""]*)""")]
    [ReadsOnly]
    public Task Notification(string address, string recipient) => world.CheckNotificationAsync(address, recipient, action: null);

    [StepDefinition(@"""([^""]*)"" receives a non-delivery report for ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" получает отч[ёе]т о недоставке для ""([^""]*)""")]
    [ReadsOnly]
    public Task NonDelivery(string address, string recipient) => world.CheckNotificationAsync(address, recipient, action: "failed");

    [StepDefinition(@"""([^""]*)"" receives a delay notification for ""([^""]*)""")]
    [StepDefinition(@"""([^""]*)"" получает уведомление о задержке для ""([^""]*)""")]
    [ReadsOnly]
    public Task Delay(string address, string recipient) => world.CheckNotificationAsync(address, recipient, action: "delayed");

    [StepDefinition(@"the queue of ""([^""]*)"" holds (\d+) messages?")]
    [StepDefinition(@"очередь (?:на |)""([^""]*)"" содержит (\d+) (?:писем|письмо|письма|сообщений|сообщение|сообщения)")]
    [ReadsOnly]
    public Task Queue(string host, int count) => world.CheckQueueAsync(host, count);

    [StepDefinition(@"the (?:BadMail|Badmail|badmail) folder of ""([^""]*)"" holds (\d+) files?")]
    [StepDefinition(@"папка (?:BadMail|Badmail) (?:на |)""([^""]*)"" содержит (\d+) (?:файлов|файл|файла)")]
    [ReadsOnly]
    public Task BadMail(string host, int count) => world.CheckBadMailAsync(host, count);

    [StepDefinition(@"the Drop folder of ""([^""]*)"" holds (\d+) files?")]
    [StepDefinition(@"папка Drop (?:на |)""([^""]*)"" содержит (\d+) (?:файлов|файл|файла)")]
    [ReadsOnly]
    public Task Drop(string host, int count) => world.CheckDropAsync(host, count);

    [StepDefinition(@"the message was accepted")]
    [StepDefinition(@"письмо принято")]
    public void Accepted() => world.CheckAccepted();

    [StepDefinition(@"the message was refused with ""([^""]*)""")]
    [StepDefinition(@"письмо отклонено с ответом ""([^""]*)""")]
    public void Refused(string reply) => world.CheckRefused(reply);
}

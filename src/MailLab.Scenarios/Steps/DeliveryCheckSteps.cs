using MailLab.Scenarios.Driver;
using TechTalk.SpecFlow;

namespace MailLab.Scenarios.Steps;

/// <summary>Where mail ended up: mailboxes, hops, notifications, the queue and the home-directory folders.</summary>
[Binding]
public sealed class DeliveryCheckSteps(ScenarioWorld world)
{
    [Then(@"the mailbox ""([^""]*)"" contains (\d+) messages?")]
    [Then(@"почтовый ящик ""([^""]*)"" содержит (\d+) (?:писем|письмо|письма)")]
    public Task MailboxCount(string address, int count) => world.CheckMailboxCountAsync(address, count);

    [Then(@"the mailbox ""([^""]*)"" contains a message with subject ""([^""]*)""")]
    [Then(@"почтовый ящик ""([^""]*)"" содержит письмо с темой ""([^""]*)""")]
    public Task MailboxSubject(string address, string subject) => world.CheckMailboxHasSubjectAsync(address, subject);

    [Then(@"the message ""([^""]*)"" (?:travelled|traveled) through (.+)")]
    [Then(@"письмо ""([^""]*)"" прошло через (.+)")]
    public Task Route(string subject, string hosts) => world.CheckRouteAsync(subject, hosts);

    [Then(@"""([^""]*)"" receives a delivery status notification for ""([^""]*)""")]
    [Then(@"""([^""]*)"" получает уведомление о (?:состоянии доставки|доставке) для ""([^""]*)""")]
    public Task Notification(string address, string recipient) => world.CheckNotificationAsync(address, recipient, action: null);

    [Then(@"""([^""]*)"" receives a non-delivery report for ""([^""]*)""")]
    [Then(@"""([^""]*)"" получает отч[ёе]т о недоставке для ""([^""]*)""")]
    public Task NonDelivery(string address, string recipient) => world.CheckNotificationAsync(address, recipient, action: "failed");

    [Then(@"""([^""]*)"" receives a delay notification for ""([^""]*)""")]
    [Then(@"""([^""]*)"" получает уведомление о задержке для ""([^""]*)""")]
    public Task Delay(string address, string recipient) => world.CheckNotificationAsync(address, recipient, action: "delayed");

    [Then(@"the queue of ""([^""]*)"" holds (\d+) messages?")]
    [Then(@"очередь (?:на |)""([^""]*)"" содержит (\d+) (?:писем|письмо|письма|сообщений|сообщение|сообщения)")]
    public Task Queue(string host, int count) => world.CheckQueueAsync(host, count);

    [Then(@"the (?:BadMail|Badmail|badmail) folder of ""([^""]*)"" holds (\d+) files?")]
    [Then(@"папка (?:BadMail|Badmail) (?:на |)""([^""]*)"" содержит (\d+) (?:файлов|файл|файла)")]
    public Task BadMail(string host, int count) => world.CheckBadMailAsync(host, count);

    [Then(@"the Drop folder of ""([^""]*)"" holds (\d+) files?")]
    [Then(@"папка Drop (?:на |)""([^""]*)"" содержит (\d+) (?:файлов|файл|файла)")]
    public Task Drop(string host, int count) => world.CheckDropAsync(host, count);

    [Then(@"the message was accepted")]
    [Then(@"письмо принято")]
    public void Accepted() => world.CheckAccepted();

    [Then(@"the message was refused with ""([^""]*)""")]
    [Then(@"письмо отклонено с ответом ""([^""]*)""")]
    public void Refused(string reply) => world.CheckRefused(reply);
}

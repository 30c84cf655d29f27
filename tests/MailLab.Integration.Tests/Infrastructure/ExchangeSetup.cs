using MailLab.Mail.Exchange;
using MailLab.Mail.World;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>A host of a running world made an Exchange 2003 server, its accounts' mailboxes on setup's mailbox store.</summary>
public static class ExchangeSetup
{
    public static ExchangeServer Install(MailHost host, ExchangeEdition edition = ExchangeEdition.Standard)
    {
        var exchange = ExchangeServer.Install(host.Name, "RosNOU", edition);
        host.Exchange = exchange;
        foreach (var account in host.Accounts.All)
        {
            exchange.CreateMailbox(account.Address, exchange.FindStore(exchange.DefaultMailboxStoreName)!);
        }

        return exchange;
    }
}

using MailLab.Mail.Accounts;
using MailLab.Mail.Smtp;
using MailLab.Mail.Stores;

namespace MailLab.Mail.World;

/// <summary>A mail server computer (mail.ru, rosnou.ru): its SMTP service, accounts and mailbox store.</summary>
public sealed class MailHost
{
    internal MailHost(MailWorld world, string name)
    {
        World = world;
        Name = name;
        Smtp = new SmtpService(this);
        Pop3 = new Pop3.Pop3Service(this);
        Mailboxes.Clock = world.Clock;
        Imap = new Imap.ImapService(this);
    }

    public MailWorld World { get; }

    public string Name { get; }

    /// <summary>
    /// The host's address in the simulated network (what DNS A records point at and what peers see
    /// as the client address of its outgoing connections). Not a socket address: listeners stay on loopback.
    /// </summary>
    public System.Net.IPAddress? Address { get; set; }

    /// <summary>Whether <see cref="Address"/> is static or the one DHCP leased (the topology's <c>addressing</c>).</summary>
    public HostAddressing Addressing { get; set; } = HostAddressing.Static;

    /// <summary>
    /// Configures the address by hand, or hands it to DHCP as the current lease (netsh interface ip set
    /// address … static|dhcp). An address another host of the world has is refused (ArgumentException).
    /// </summary>
    public void SetAddress(System.Net.IPAddress address, HostAddressing addressing)
    {
        if (World.FindHostByAddress(address) is { } other && other != this)
        {
            throw new ArgumentException($"{address} is already the address of {other.Name}.", nameof(address));
        }

        Address = address;
        Addressing = addressing;
    }

    public SmtpService Smtp { get; }

    /// <summary>The Windows POP3 service: how the host's users fetch their mail.</summary>
    public Pop3.Pop3Service Pop3 { get; }

    /// <summary>The IMAP service over the same mailboxes (folders), with the POP3 service's logon.</summary>
    public Imap.ImapService Imap { get; }

    /// <summary>The host's Exchange Server 2003 server, when the topology makes it one (its <c>exchange</c> block).</summary>
    public Exchange.ExchangeServer? Exchange
    {
        get => _exchange;
        set
        {
            _exchange = value;
            if (value is not null)
            {
                Delivery.ExchangeLocalDelivery.Attach(this, value);
            }
        }
    }

    private Exchange.ExchangeServer? _exchange;

    public AccountDirectory Accounts { get; } = new();

    public MailboxStore Mailboxes { get; } = new();

    /// <summary>Creates an account with a mailbox in the store.</summary>
    public MailAccount AddAccount(string address, string password)
    {
        var account = Accounts.Add(address, password);
        Mailboxes.Create(account.Address);
        return account;
    }
}

using System.Text;
using MailLab.Mail.Stores;

namespace MailLab.Mail.Tests.MailboxStores;

internal static class StoreTestSupport
{
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private static long _sequence;

    public static Mailbox NewMailbox(string address = "student@rosnou.ru") =>
        new(address, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start));

    public static StoredMessage Message(string subject, long? sequence = null) =>
        new(sequence ?? Interlocked.Increment(ref _sequence) + 1000, "rosnou.ru", "ivan@mail.ru", ["student@rosnou.ru"], Encoding.ASCII.GetBytes($"Subject: {subject}\r\n\r\nbody of {subject}\r\n"), Start);
}

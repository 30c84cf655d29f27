namespace MailLab.Mail.Stores;

/// <summary>
/// One copy of the texts that many stored messages carry alike: their envelope sender and
/// recipients, Subject and From. A store of a hundred thousand messages from one sender to one
/// mailbox would otherwise hold a hundred thousand equal strings of each. A fixed table, lock-free:
/// a text is looked up by its hash, and a different text with the same slot takes it over, so
/// sharing is best effort and never wrong (a text is only ever replaced by an equal one).
/// </summary>
internal static class SharedText
{
    private const int Slots = 4096;
    private const int MaxLength = 256;

    private static readonly string?[] Texts = new string?[Slots];
    private static readonly string[]?[] SingleLists = new string[]?[Slots];

    /// <summary>The copy already kept of a text equal to <paramref name="value"/>, or <paramref name="value"/>, now kept.</summary>
    public static string Share(string value)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return value;
        }

        ref var slot = ref Texts[SlotOf(value)];
        var known = Volatile.Read(ref slot);
        if (known is not null && string.Equals(known, value, StringComparison.Ordinal))
        {
            return known;
        }

        Volatile.Write(ref slot, value);
        return value;
    }

    /// <summary>
    /// A list of recipients with each address shared; a list of one address is itself shared (the
    /// common case: every message to one mailbox holds the same one-element list).
    /// </summary>
    public static IReadOnlyList<string> Share(IReadOnlyList<string> addresses)
    {
        if (addresses.Count != 1)
        {
            if (addresses is string[] array)
            {
                for (var i = 0; i < array.Length; i++)
                {
                    array[i] = Share(array[i]);
                }
            }

            return addresses;
        }

        var only = Share(addresses[0]);
        ref var slot = ref SingleLists[SlotOf(only)];
        if (Volatile.Read(ref slot) is { } known && ReferenceEquals(known[0], only))
        {
            return known;
        }

        var list = new[] { only };
        Volatile.Write(ref slot, list);
        return list;
    }

    private static int SlotOf(string value) => string.GetHashCode(value, StringComparison.Ordinal) & (Slots - 1);
}

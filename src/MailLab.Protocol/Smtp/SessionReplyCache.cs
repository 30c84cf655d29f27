namespace MailLab.Protocol.Smtp;

/// <summary>
/// The greeting and the HELO/EHLO reply a server session sends, kept per thread for the last few
/// option sets (a virtual server reuses its options while its settings are unchanged): every
/// connection to a busy server would otherwise build the same lines, and a reply sent more than
/// once also keeps its wire bytes (<see cref="SmtpReply"/>). An entry is used only for the same
/// options object, client address text, TLS state and HELO/EHLO, which is everything the reply is made of.
/// </summary>
internal static class SessionReplyCache
{
    private const int Size = 4;

    [ThreadStatic]
    private static Entry?[]? Entries;

    [ThreadStatic]
    private static int Next;

    public static SmtpReply Greeting(SmtpServerOptions options, Func<SmtpServerOptions, SmtpReply> build)
    {
        var entry = EntryFor(options);
        return entry.Greeting ??= build(options);
    }

    public static SmtpReply Hello<TState>(SmtpServerOptions options, string? remote, bool secure, bool extended, TState state, Func<TState, SmtpReply> build)
    {
        var entry = EntryFor(options);
        if (entry.Hello is { } hello && ReferenceEquals(entry.Remote, remote) && entry.Secure == secure && entry.Extended == extended)
        {
            return hello;
        }

        hello = build(state);
        entry.Remote = remote;
        entry.Secure = secure;
        entry.Extended = extended;
        entry.Hello = hello;
        return hello;
    }

    private static Entry EntryFor(SmtpServerOptions options)
    {
        var entries = Entries ??= new Entry?[Size];
        foreach (var entry in entries)
        {
            if (entry is not null && ReferenceEquals(entry.Options, options))
            {
                return entry;
            }
        }

        var created = new Entry(options);
        entries[Next] = created;
        Next = (Next + 1) % Size;
        return created;
    }

    private sealed class Entry(SmtpServerOptions options)
    {
        public SmtpServerOptions Options { get; } = options;

        public SmtpReply? Greeting { get; set; }

        public string? Remote { get; set; }

        public bool Secure { get; set; }

        public bool Extended { get; set; }

        public SmtpReply? Hello { get; set; }
    }
}

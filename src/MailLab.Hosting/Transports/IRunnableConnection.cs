namespace MailLab.Hosting.Transports;

/// <summary>
/// What <see cref="ConnectionRunner"/> needs from a protocol's inbound connection: its sans-I/O
/// session's bytes and actions, its idle time-out, and how it ends.
/// </summary>
internal interface IRunnableConnection : IDisposable
{
    TimeSpan IdleTimeout { get; }

    ReadOnlyMemory<byte> Output { get; }

    bool IsClosed { get; }

    /// <summary>The session asked for TLS (STARTTLS, STLS): unconsumed input is discarded (RFC 3207 §4.2, RFC 2595 §4).</summary>
    bool WantsTls { get; }

    void ClearOutput();

    /// <summary>Gives the session the bytes read. False: cut the connection now (fault injection), after writing what the session has said.</summary>
    bool Receive(ReadOnlySpan<byte> input);

    void TlsEstablished();

    /// <summary>The client stayed silent for the whole idle time-out.</summary>
    void TimedOut();

    /// <summary>The listener is closing (the server was stopped).</summary>
    void ShuttingDown();

    /// <summary>Something the session waits for before it reads on (an SMTP recipient's directory lookup), or null.</summary>
    Task? Waiting => null;

    /// <summary>What <see cref="Waiting"/> waited for is in: the session goes on (false: cut the connection, as <see cref="Receive"/>).</summary>
    bool Resume() => true;

    /// <summary>
    /// Set when the session has output without input (IMAP IDLE updates); null for protocols that
    /// only answer (SMTP, POP3), whose runner then just reads.
    /// </summary>
    WakeSignal? Wakeup => null;

    /// <summary>Called on the runner's thread after <see cref="Wakeup"/> was set: the session writes what it has to say.</summary>
    void Wake()
    {
    }
}

namespace MailLab.Mail.Tracing;

/// <summary>
/// What many stage events have alike, kept once for all of them: the host, the peer, the
/// recipients, and a session id past the 32 bits a slot has room for. A host's events of one kind
/// mostly name the same peer and recipient list, so a world keeps a handful of these however many
/// events its ring holds.
/// </summary>
internal sealed record StageContext(string Host, string? Peer, IReadOnlyList<string>? Recipients, long? SessionId)
{
    /// <summary>
    /// A fixed table of the contexts last used, lock-free: a context is looked up by its fields (the
    /// recipient list by reference: one recipient's is shared, see SharedText), and
    /// a different one with the same slot takes it over, so sharing is best effort and never wrong.
    /// </summary>
    internal sealed class Table
    {
        private const int Slots = 256;
        private readonly StageContext?[] _known = new StageContext?[Slots];

        public StageContext Of(string host, string? peer, IReadOnlyList<string>? recipients, long? sessionId)
        {
            ref var slot = ref _known[HashCode.Combine(string.GetHashCode(host, StringComparison.Ordinal), peer is null ? 0 : string.GetHashCode(peer, StringComparison.Ordinal), Identity(recipients), sessionId) & (Slots - 1)];
            if (Volatile.Read(ref slot) is { } known && string.Equals(known.Host, host, StringComparison.Ordinal) && string.Equals(known.Peer, peer, StringComparison.Ordinal)
                && ReferenceEquals(known.Recipients, recipients) && known.SessionId == sessionId)
            {
                return known;
            }

            var created = new StageContext(host, peer, recipients, sessionId);
            Volatile.Write(ref slot, created);
            return created;
        }

        private static int Identity(object? value) => value is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value);
    }
}

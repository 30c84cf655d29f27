namespace MailLab.Testing;

/// <summary>
/// A wait ran out: its message lists what did arrive (from, to, subject), each traced recipient's
/// status and the transcripts of the connections opened since its cursor (<see cref="Transcripts"/>).
/// </summary>
public sealed class MailWaitTimeoutException(string message, IReadOnlyList<ConnectionTranscript> transcripts) : TimeoutException(message)
{
    public IReadOnlyList<ConnectionTranscript> Transcripts { get; } = transcripts;
}

/// <summary>A message arrived that the test expected not to: its message names it and its journey.</summary>
public sealed class UnexpectedMailException(string message) : Exception(message);

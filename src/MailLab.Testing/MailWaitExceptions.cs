namespace MailLab.Testing;

/// <summary>A wait ran out: its message lists what did arrive (from, to, subject) and each traced recipient's status.</summary>
public sealed class MailWaitTimeoutException(string message) : TimeoutException(message);

/// <summary>A message arrived that the test expected not to: its message names it and its journey.</summary>
public sealed class UnexpectedMailException(string message) : Exception(message);

namespace MailLab.Admin;

/// <summary>A host as the admin commands see it: its SMTP service's state and virtual servers.</summary>
public sealed record HostView(string Name, string SmtpState, IReadOnlyList<VirtualServerView> VirtualServers);

/// <summary>A virtual server's name and state (running, paused, stopped).</summary>
public sealed record VirtualServerView(string Name, string State);

/// <summary>A domain: type Local (the default), Alias or Remote, with a remote domain's options.</summary>
public sealed record DomainView(string Name, string Type, bool AllowRelay = false, string? SmartHost = null, bool RequireTls = false, int? OutboundPort = null);

/// <summary>The New SMTP Virtual Server wizard's four steps.</summary>
public sealed record NewVirtualServer(string Name, string IpAddress, int Port, string HomeDirectory, string DefaultDomain);

/// <summary>A message waiting in a virtual server's queue: the recipients still to deliver and the failed attempts so far.</summary>
public sealed record QueueEntryView(string Id, string Subject, IReadOnlyList<string> Pending, int Attempts);

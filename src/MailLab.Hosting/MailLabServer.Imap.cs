using System.Net;
using MailLab.Hosting.Transports;
using MailLab.Mail.Imap;
using MailLab.Mail.World;

namespace MailLab.Hosting;

/// <summary>
/// The IMAP listeners (MailLab's own service): per host whose IMAP service is enabled, one for
/// IMAP with STARTTLS and, when it has an implicit-TLS port, one for IMAPS (RFC 8314), both on
/// loopback with the server's certificate. A port-0 listener comes back on the port it had after a reset.
/// </summary>
public sealed partial class MailLabServer
{
    private readonly Dictionary<ImapService, (LoopbackTcpListener Plain, LoopbackTcpListener? Tls)> _imapListeners = [];

    /// <summary>Ports chosen for port-0 IMAP listeners, by host name, so a reset keeps them.</summary>
    private readonly Dictionary<string, (int Plain, int? Tls)> _imapBoundPorts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The TCP endpoint of a host's IMAP (STARTTLS) listener, or null while it has none.</summary>
    public IPEndPoint? GetImapEndPoint(ImapService service)
    {
        lock (_imapListeners)
        {
            return _imapListeners.TryGetValue(service, out var listeners) ? listeners.Plain.EndPoint : null;
        }
    }

    /// <summary>The TCP endpoint of a host's IMAPS (implicit TLS) listener, or null while it has none.</summary>
    public IPEndPoint? GetImapsEndPoint(ImapService service)
    {
        lock (_imapListeners)
        {
            return _imapListeners.TryGetValue(service, out var listeners) ? listeners.Tls?.EndPoint : null;
        }
    }

    private async Task OpenImapAsync(MailWorld world)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed || !_tcp)
            {
                return;
            }

            foreach (var service in world.Hosts.Select(h => h.Imap).Where(s => s.Enabled))
            {
                lock (_imapListeners)
                {
                    if (_imapListeners.ContainsKey(service))
                    {
                        continue;
                    }
                }

                _imapBoundPorts.TryGetValue(service.Host.Name, out var before);
                var plain = ProtocolListeners.OpenImap(service, Certificate, implicitTls: false, service.Port == 0 ? before.Plain : null);
                LoopbackTcpListener? tls = null;
                try
                {
                    // No implicitTlsPort: no IMAPS listener.
                    if (service.ImplicitTlsPort is { } tlsPort)
                    {
                        tls = ProtocolListeners.OpenImap(service, Certificate, implicitTls: true, tlsPort == 0 ? before.Tls ?? 0 : null);
                    }
                }
                catch
                {
                    await plain.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                _imapBoundPorts[service.Host.Name] = (plain.EndPoint.Port, tls?.EndPoint.Port);
                service.BoundPort = plain.EndPoint.Port;
                service.BoundImplicitTlsPort = tls?.EndPoint.Port;
                lock (_imapListeners)
                {
                    _imapListeners[service] = (plain, tls);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseImapAsync()
    {
        (LoopbackTcpListener Plain, LoopbackTcpListener? Tls)[] listeners;
        lock (_imapListeners)
        {
            listeners = [.. _imapListeners.Values];
            _imapListeners.Clear();
        }

        foreach (var (plain, tls) in listeners)
        {
            await plain.DisposeAsync().ConfigureAwait(false);
            if (tls is not null)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}

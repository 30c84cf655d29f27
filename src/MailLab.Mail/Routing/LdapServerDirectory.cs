using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Net;
using MailLab.Mail.Smtp;
using MailLab.Mail.Smtp.Settings;

namespace MailLab.Mail.Routing;

/// <summary>
/// LDAP routing to a real directory server (the LDAP Routing tab's Server) through
/// System.DirectoryServices.Protocols (OpenLDAP's libldap on Linux): each lookup binds as the tab says
/// (anonymous; plain text, a simple bind as the user name's DN, RFC 4513 §5.1.3; Windows SSPI or the
/// service account, a negotiated bind), searches the base for the address with the schema's filter
/// (<see cref="LdapSchemaMap"/>), and for a group reads each member entry, nested groups too. The LDAP
/// calls run on a thread of their own, never the session's or the pool's; the wait for them is bounded on the world's clock. Any failure
/// (no server, the bind refused, no answer in time) is an <see cref="DirectoryOutcome.Unavailable"/>
/// answer that says why.
/// </summary>
public sealed class LdapServerDirectory : IRecipientDirectory
{
    /// <summary>How deep nested groups are followed.</summary>
    private const int MaxNesting = 8;

    private readonly SmtpLdapRoutingSettings _settings;
    private readonly LdapSchemaMap _map;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private readonly string _host;
    private readonly int _port;

    public LdapServerDirectory(SmtpLdapRoutingSettings settings, TimeProvider clock, TimeSpan timeout)
    {
        _settings = settings;
        _map = LdapSchemaMap.For(settings.Schema);
        _clock = clock;
        _timeout = timeout;
        var server = settings.Server ?? throw new ArgumentException("An LDAP server is needed.", nameof(settings));
        var colon = server.LastIndexOf(':');
        (_host, _port) = colon > 0 && int.TryParse(server[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            ? (server[..colon], port)
            : (server, 389);
    }

    public string Name => $"ldap://{_host}:{_port} ({_map.Name} schema)";

    public async ValueTask<DirectoryAnswer> LookupAsync(string address, CancellationToken cancel)
    {
        var filter = _map.Filter(address);
        try
        {
            // System.DirectoryServices.Protocols has only blocking calls (its Begin/EndSendRequest poll
            // libldap on a pool thread too), so each lookup blocks a thread of its own, not the pool's.
            var search = Task.Factory.StartNew(() => Search(filter), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            return await search.WaitAsync(_timeout, _clock, cancel).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return Unavailable(filter, $"no answer within {_timeout.TotalSeconds:0.#} s");
        }
        catch (LdapException e)
        {
            return Unavailable(filter, Describe(e.ErrorCode, e.Message));
        }
        catch (DirectoryOperationException e)
        {
            return Unavailable(filter, Describe((int)(e.Response?.ResultCode ?? ResultCode.Other), e.Message));
        }
        catch (Exception e) when (e is DirectoryException or InvalidOperationException or PlatformNotSupportedException or DllNotFoundException or TypeInitializationException)
        {
            return Unavailable(filter, e.Message);
        }
    }

    private DirectoryAnswer Search(string filter)
    {
        using var connection = Connect();
        var baseDn = _settings.Base ?? NamingContext(connection);
        var response = (SearchResponse)connection.SendRequest(new SearchRequest(baseDn, filter, SearchScope.Subtree, _map.Attributes) { SizeLimit = 2 });
        if (response.Entries.Count == 0)
        {
            return new DirectoryAnswer(DirectoryOutcome.NotFound, $"{filter} under {baseDn}");
        }

        var entry = response.Entries[0];
        if (_map.IsGroup(Values(entry, "objectClass")))
        {
            var members = new List<string>();
            Expand(connection, entry, members, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { entry.DistinguishedName }, depth: 0);
            return new DirectoryAnswer(DirectoryOutcome.Group, $"{filter} under {baseDn}", entry.DistinguishedName, Members: members);
        }

        return Target(entry) is { } mailbox
            ? new DirectoryAnswer(DirectoryOutcome.User, $"{filter} under {baseDn}", entry.DistinguishedName, mailbox)
            : new DirectoryAnswer(DirectoryOutcome.NotFound, $"{filter} under {baseDn}", entry.DistinguishedName);
    }

    /// <summary>A group's members' addresses, each once; a member entry that is gone or has no address is skipped.</summary>
    private void Expand(LdapConnection connection, SearchResultEntry group, List<string> members, HashSet<string> seen, int depth)
    {
        foreach (var dn in Values(group, _map.MemberAttribute))
        {
            if (!seen.Add(dn))
            {
                continue;
            }

            SearchResultEntry member;
            try
            {
                var read = (SearchResponse)connection.SendRequest(new SearchRequest(dn, "(objectClass=*)", SearchScope.Base, _map.Attributes));
                if (read.Entries.Count == 0)
                {
                    continue;
                }

                member = read.Entries[0];
            }
            catch (DirectoryOperationException e) when (e.Response?.ResultCode == ResultCode.NoSuchObject)
            {
                continue;
            }

            if (_map.IsGroup(Values(member, "objectClass")))
            {
                if (depth < MaxNesting)
                {
                    Expand(connection, member, members, seen, depth + 1);
                }
            }
            else if (Target(member) is { } address && !members.Contains(address, StringComparer.OrdinalIgnoreCase))
            {
                members.Add(address);
            }
        }
    }

    /// <summary>Where mail for an entry goes: a contact's target address, else its (first) mail address.</summary>
    private string? Target(SearchResultEntry entry)
    {
        if (_map.TargetAttribute is { } target && Values(entry, target).FirstOrDefault() is { } external)
        {
            return external.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? external[5..] : external;
        }

        return _map.MailAttributes.Append("mail").SelectMany(a => Values(entry, a)).FirstOrDefault();
    }

    private LdapConnection Connect()
    {
        var connection = new LdapConnection(new LdapDirectoryIdentifier(_host, _port, fullyQualifiedDnsHostName: false, connectionless: false))
        {
            // The library's own bound on each operation (real time); the lookup's is on the world's clock.
            Timeout = _timeout,
        };
        connection.SessionOptions.ProtocolVersion = 3;
        try
        {
            switch (_settings.Binding)
            {
                case LdapBindingType.Anonymous:
                    connection.AuthType = AuthType.Anonymous;
                    connection.Bind();
                    break;
                case LdapBindingType.PlainText:
                    connection.AuthType = AuthType.Basic;
                    connection.Bind(new NetworkCredential(_settings.UserName ?? "", _settings.Password ?? ""));
                    break;
                case LdapBindingType.WindowsSspi:
                    connection.AuthType = AuthType.Negotiate;
                    connection.Bind(new NetworkCredential(_settings.UserName ?? "", _settings.Password ?? "", _settings.Domain ?? ""));
                    break;
                default:
                    connection.AuthType = AuthType.Negotiate;
                    connection.Bind();
                    break;
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return connection;
    }

    /// <summary>With no base on the tab: the server's first naming context (its root DSE, RFC 4512 §5.1).</summary>
    private static string NamingContext(LdapConnection connection)
    {
        var root = (SearchResponse)connection.SendRequest(new SearchRequest("", "(objectClass=*)", SearchScope.Base, "namingContexts"));
        return root.Entries.Count > 0 ? Values(root.Entries[0], "namingContexts").FirstOrDefault() ?? "" : "";
    }

    private static IEnumerable<string> Values(SearchResultEntry entry, string attribute) =>
        entry.Attributes[attribute] is { } values ? values.GetValues(typeof(string)).Cast<string>() : [];

    private string Describe(int code, string message) => code switch
    {
        49 => $"the {LdapNames.Binding(_settings.Binding)} bind as \"{_settings.UserName}\" was refused: invalid credentials (LDAP result 49)",
        81 => $"the server {_host}:{_port} cannot be reached (LDAP result 81, server down)",
        _ when IsNegotiate && !OperatingSystem.IsWindows() => NegotiateOutsideWindows(code, message),
        _ => $"{message} (LDAP result {code})",
    };

    private bool IsNegotiate => _settings.Binding is LdapBindingType.WindowsSspi or LdapBindingType.ServiceAccount;

    /// <summary>
    /// Why a Windows bind fails off Windows: there System.DirectoryServices.Protocols refuses a Negotiate
    /// bind with a user name and password (it answers "not supported" without asking the server), and a
    /// bind without them is Kerberos through SASL GSSAPI, which needs a Kerberos ticket for the server.
    /// </summary>
    private string NegotiateOutsideWindows(int code, string message) => _settings.Binding == LdapBindingType.WindowsSspi
        ? $"the {LdapNames.Binding(_settings.Binding)} bind as \"{(_settings.Domain is { Length: > 0 } domain ? domain + "\\" : "")}{_settings.UserName}\" cannot be made outside Windows: there a Windows bind takes no user name and password, only a Kerberos ticket (LDAP result {code}: {message.Trim()})"
        : $"the {LdapNames.Binding(_settings.Binding)} bind cannot be made outside Windows without Kerberos: there it is a Kerberos bind (SASL GSSAPI), which needs a ticket for {_host} (LDAP result {code}: {message.Trim()})";

    private static DirectoryAnswer Unavailable(string filter, string problem) => new(DirectoryOutcome.Unavailable, filter, Problem: problem);
}

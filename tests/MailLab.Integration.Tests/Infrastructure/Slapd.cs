using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// A private OpenLDAP <c>slapd</c> (Debian's package) on 127.0.0.1 and a free port, for the LDAP routing
/// tests: a temporary directory with a generated slapd.conf (schemas core, cosine, inetorgperson; an mdb
/// database for <see cref="Base"/>; the admin <see cref="AdminDn"/> / <see cref="AdminPassword"/> for
/// "Plain text" binding; anonymous read for "Anonymous"), loaded with <see cref="Ldif"/> by slapadd before it
/// starts. slapd detaches once it listens, so the start waits for its first process to exit; the
/// server is killed (by the pid it wrote) and its directory removed at the end. When slapd is missing or
/// does not start, <see cref="SkipReason"/> says why and only the tests that need it skip. A subclass
/// gives another directory: more schema files (<see cref="Schemas"/>) and its own entries (<see cref="Entries"/>).
/// </summary>
public class Slapd : IAsyncLifetime
{
    public const string Base = "dc=rosnou,dc=ru";
    public const string AdminDn = "cn=admin,dc=rosnou,dc=ru";
    public const string AdminPassword = "admin-secret";

    /// <summary>The entry of <see cref="Base"/>, the first of every test directory, and the blank line that ends it.</summary>
    public const string BaseEntry = """
        dn: dc=rosnou,dc=ru
        objectClass: dcObject
        objectClass: organization
        o: RosNOU
        dc: rosnou


        """;

    /// <summary>
    /// People and a distribution list the Exchange LDAP Service schema finds (person, groupOfNames,
    /// rfc822Mailbox = mail): student has a second address; students has student and teacher, and the
    /// nested group staff, whose member is teacher again (delivered once).
    /// </summary>
    public const string Ldif = BaseEntry + """
        dn: ou=people,dc=rosnou,dc=ru
        objectClass: organizationalUnit
        ou: people

        dn: uid=student,ou=people,dc=rosnou,dc=ru
        objectClass: inetOrgPerson
        uid: student
        cn: Student
        sn: Student
        mail: student@rosnou.ru
        mail: s.student@rosnou.ru

        dn: uid=teacher,ou=people,dc=rosnou,dc=ru
        objectClass: inetOrgPerson
        uid: teacher
        cn: Teacher
        sn: Teacher
        mail: teacher@rosnou.ru

        dn: cn=staff,dc=rosnou,dc=ru
        objectClass: groupOfNames
        objectClass: extensibleObject
        cn: staff
        mail: staff@rosnou.ru
        member: uid=teacher,ou=people,dc=rosnou,dc=ru

        dn: cn=students,dc=rosnou,dc=ru
        objectClass: groupOfNames
        objectClass: extensibleObject
        cn: students
        mail: students@rosnou.ru
        member: uid=student,ou=people,dc=rosnou,dc=ru
        member: uid=teacher,ou=people,dc=rosnou,dc=ru
        member: cn=staff,dc=rosnou,dc=ru

        """;

    /// <summary>The schema files slapd includes after core, cosine and inetorgperson.</summary>
    protected virtual IReadOnlyList<string> Schemas => [];

    /// <summary>The directory's entries, loaded by slapadd (LDIF).</summary>
    protected virtual string Entries => Ldif;

    private string? _directory;
    private int? _pid;

    /// <summary>Why slapd is not there for the tests (null when it runs).</summary>
    public string? SkipReason { get; private set; }

    public int Port { get; private set; }

    /// <summary>The LDAP Routing tab's Server for this slapd.</summary>
    public string Server => $"127.0.0.1:{Port}";

    public async Task InitializeAsync()
    {
        var slapd = Find("slapd");
        var slapadd = Find("slapadd");
        if (slapd is null || slapadd is null)
        {
            SkipReason = "OpenLDAP's slapd and slapadd are not installed (scripts/test.sh installs Debian's slapd and ldap-utils when it can)";
            return;
        }

        _directory = Directory.CreateTempSubdirectory("maillab-slapd-").FullName;
        Directory.CreateDirectory(Path.Combine(_directory, "db"));
        Port = FreePort();
        var config = Path.Combine(_directory, "slapd.conf");
        await File.WriteAllTextAsync(config, Config(_directory));
        var ldif = Path.Combine(_directory, "data.ldif");
        await File.WriteAllTextAsync(ldif, Entries.Replace("\r\n", "\n"));

        var (added, addOutput) = await ProcessRunner.RunAsync(slapadd, $"-f {config} -l {ldif}");
        if (added != 0)
        {
            SkipReason = $"slapadd could not load the test directory (exit {added}): {addOutput.Trim()}";
            return;
        }

        var (started, startOutput) = await ProcessRunner.RunAsync(slapd, $"-f {config} -h ldap://127.0.0.1:{Port}/");
        var pidFile = Path.Combine(_directory, "slapd.pid");
        if (started != 0 || !File.Exists(pidFile))
        {
            SkipReason = $"slapd did not start on 127.0.0.1:{Port} (exit {started}): {startOutput.Trim()}";
            return;
        }

        _pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task DisposeAsync()
    {
        if (_pid is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await process.WaitForExitAsync(limit.Token);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private string Config(string directory) => $"""
        include /etc/ldap/schema/core.schema
        include /etc/ldap/schema/cosine.schema
        include /etc/ldap/schema/inetorgperson.schema
        {string.Concat(Schemas.Select(f => $"include {f}\n"))}pidfile {directory}/slapd.pid
        modulepath /usr/lib/ldap
        moduleload back_mdb
        database mdb
        suffix "{Base}"
        rootdn "{AdminDn}"
        rootpw {AdminPassword}
        directory {directory}/db
        access to attrs=userPassword by anonymous auth by * none
        access to * by * read

        """;

    private static string? Find(string program) =>
        new[] { "/usr/sbin", "/usr/local/sbin", "/usr/bin" }.Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

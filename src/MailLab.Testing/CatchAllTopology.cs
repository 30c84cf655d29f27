using System.Text;

namespace MailLab.Testing;

/// <summary>
/// The world of a catch-all <see cref="TestMailServer"/> as a topology file (the schema of
/// scenarios/topologies/mailru-rosnou.yaml): one host, every listener on a free port of 127.0.0.1,
/// and the options' accounts and access settings. Catch-all itself is switched on after loading.
/// </summary>
internal static class CatchAllTopology
{
    public static string Write(TestMailServerOptions options)
    {
        var yaml = new StringBuilder();
        yaml.Append($"""
            hosts:
              - name: {options.HostName}
                address: 192.0.2.25
                smtp:
                  virtualServers:
                    - name: Default SMTP Virtual Server
                      address: 127.0.0.1
                      port: 0
                      fqdn: {options.HostName}
                      access:
                        anonymousAccess: {Bool(!options.AuthenticationRequired)}
                        basicAuthentication: true
                        requireTls: {Bool(options.TlsRequired)}
                      domains:
                        - {"{"} name: {options.HostName}, type: local {"}"}
                pop3:
                  port: 0
                imap:
                  port: 0
                  implicitTlsPort: 0

            """);
        if (options.Accounts.Count > 0)
        {
            yaml.Append("    accounts:\n");
            foreach (var (address, password) in options.Accounts)
            {
                yaml.Append($"      - {{ address: '{address.Replace("'", "''", StringComparison.Ordinal)}', password: '{password.Replace("'", "''", StringComparison.Ordinal)}' }}\n");
            }
        }

        return yaml.ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";
}

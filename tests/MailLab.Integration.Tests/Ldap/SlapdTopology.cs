using MailLab.Integration.Tests.Delivery;
using MailLab.Integration.Tests.Infrastructure;

namespace MailLab.Integration.Tests.Ldap;

/// <summary>
/// The LDAP routing tests' topology: mail.ru (<see cref="Topologies.MailRu"/>) and rosnou.ru, whose
/// virtual server resolves its recipients through the LDAP server on its LDAP Routing tab.
/// </summary>
internal static class SlapdTopology
{
    public static string Yaml(string server, string schema = "exchange", string binding = "plainText", string userName = Slapd.AdminDn, string password = Slapd.AdminPassword, string baseDn = Slapd.Base, string mailRuLimits = "{}") => $$"""
        hosts:
        {{Topologies.MailRu(limits: mailRuLimits)}}
          - name: rosnou.ru
            address: 203.0.113.10
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: rosnou.ru, type: local }
                  ldapRouting:
                    enabled: true
                    server: "{{server}}"
                    schema: {{schema}}
                    binding: {{binding}}
                    userName: "{{userName}}"
                    bindPassword: "{{password}}"
                    base: "{{baseDn}}"
            accounts:
              - { address: student@rosnou.ru, password: student123 }
              - { address: teacher@rosnou.ru, password: teacher123 }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
        """;
}

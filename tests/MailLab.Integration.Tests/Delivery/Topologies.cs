namespace MailLab.Integration.Tests.Delivery;

/// <summary>Topology YAML shared by the delivery tests (the schema of scenarios/topologies/*.yaml).</summary>
internal static class Topologies
{
    /// <summary>mail.ru where Ivan logs on to relay; extra hosts and DNS records are appended by each test.</summary>
    public static string MailRu(string delivery = "{}", string ndrCopyTo = "null", string limits = "{}", params string[] extraDomains) => $$"""
          - name: mail.ru
            address: 198.51.100.10
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  ndrCopyTo: {{ndrCopyTo}}
                  access: { basicAuthentication: true }
                  limits: {{limits}}
                  delivery: {{delivery}}
                  domains:
                    - { name: mail.ru, type: local }
                    {{string.Join("\n            ", extraDomains)}}
            accounts:
              - { address: ivan@mail.ru, password: ivan123 }
              - { address: petr@mail.ru, password: petr123 }
              - { address: postmaster@mail.ru, password: postmaster123 }

        """;

    /// <summary>rosnou.ru (203.0.113.10) with student@rosnou.ru: the last hop of a chain, one host entry of a hosts list.</summary>
    public const string RosnouRu = """
          - name: rosnou.ru
            address: 203.0.113.10
            smtp: { virtualServers: [ { name: Default SMTP Virtual Server, port: 0, domains: [ { name: rosnou.ru, type: local } ] } ] }
            accounts: [ { address: student@rosnou.ru, password: student123 } ]
        """;

    /// <summary>rosnou.ru (primary MX 10) and backup.rosnou.ru (MX 20), which relays rosnou.ru by DNS.</summary>
    public static readonly string MxFailover = $$"""
        hosts:
        {{MailRu()}}
          - name: rosnou.ru
            address: 203.0.113.10
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: rosnou.ru, type: local }
            accounts:
              - { address: student@rosnou.ru, password: student123 }

          - name: backup.rosnou.ru
            address: 203.0.113.20
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: backup.rosnou.ru, type: local }
                    - { name: rosnou.ru, type: remote, allowRelay: true }

        dns:
          - { name: mail.ru, type: MX, preference: 10, value: mail.ru }
          - { name: mail.ru, type: A, value: 198.51.100.10 }
          - { name: rosnou.ru, type: MX, preference: 10, value: rosnou.ru }
          - { name: rosnou.ru, type: MX, preference: 20, value: backup.rosnou.ru }
          - { name: rosnou.ru, type: A, value: 203.0.113.10 }
          - { name: backup.rosnou.ru, type: A, value: 203.0.113.20 }
        """;

    /// <summary>A lone external.example (user@external.example), to run as a real server over TCP for another world.</summary>
    public const string ExternalExample = """
        hosts:
          - name: external.example
            address: 192.0.2.99
            smtp:
              virtualServers:
                - name: Default SMTP Virtual Server
                  port: 0
                  domains:
                    - { name: external.example, type: local }
            accounts:
              - { address: user@external.example, password: user123 }
        """;
}

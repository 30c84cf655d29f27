namespace MailLab.Integration.Tests.Infrastructure;

/// <summary>
/// A private slapd that looks like Active Directory to LDAP routing's "Active Directory" schema type:
/// Active Directory's mail classes and attributes from <c>Ldap/active-directory-mail.schema</c>, and
/// users, a contact and distribution groups as Exchange 2003 leaves them in AD (OU=Users).
/// </summary>
public sealed class ActiveDirectorySlapd : Slapd
{
    /// <summary>
    /// student has a secondary proxy s.student@; teacher's primary proxy (SMTP:t.teacher@) is not its
    /// mail; the contact Ivan Petrov has a proxy of the organisation and mail goes to its target
    /// address at mail.ru; the group Students has student, teacher and the nested group Staff (teacher
    /// again, delivered once).
    /// </summary>
    public const string Directory = BaseEntry + """
        dn: ou=Users,dc=rosnou,dc=ru
        objectClass: organizationalUnit
        ou: Users

        dn: cn=Student,ou=Users,dc=rosnou,dc=ru
        objectClass: user
        cn: Student
        sn: Student
        sAMAccountName: student
        mail: student@rosnou.ru
        proxyAddresses: SMTP:student@rosnou.ru
        proxyAddresses: smtp:s.student@rosnou.ru

        dn: cn=Teacher,ou=Users,dc=rosnou,dc=ru
        objectClass: user
        cn: Teacher
        sn: Teacher
        sAMAccountName: teacher
        mail: teacher@rosnou.ru
        proxyAddresses: SMTP:t.teacher@rosnou.ru
        proxyAddresses: smtp:teacher@rosnou.ru

        dn: cn=Ivan Petrov,ou=Users,dc=rosnou,dc=ru
        objectClass: contact
        cn: Ivan Petrov
        sn: Petrov
        mail: ivan@mail.ru
        proxyAddresses: SMTP:ivan@mail.ru
        proxyAddresses: smtp:ivan.petrov@rosnou.ru
        targetAddress: SMTP:ivan@mail.ru

        dn: cn=Staff,ou=Users,dc=rosnou,dc=ru
        objectClass: group
        cn: Staff
        groupType: 8
        mail: staff@rosnou.ru
        proxyAddresses: SMTP:staff@rosnou.ru
        member: cn=Teacher,ou=Users,dc=rosnou,dc=ru

        dn: cn=Students,ou=Users,dc=rosnou,dc=ru
        objectClass: group
        cn: Students
        groupType: 8
        sAMAccountName: Students
        mail: students@rosnou.ru
        proxyAddresses: SMTP:students@rosnou.ru
        member: cn=Student,ou=Users,dc=rosnou,dc=ru
        member: cn=Teacher,ou=Users,dc=rosnou,dc=ru
        member: cn=Staff,ou=Users,dc=rosnou,dc=ru

        """;

    protected override IReadOnlyList<string> Schemas => [Path.Combine(AppContext.BaseDirectory, "Ldap", "active-directory-mail.schema")];

    protected override string Entries => Directory;
}

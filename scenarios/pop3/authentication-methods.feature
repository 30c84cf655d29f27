Feature: The POP3 authentication methods
  Windows Server 2003 POP3 authenticates with local Windows accounts, Active Directory
  (integrated) or an encrypted password file. The method can be changed only while no e-mail
  domain exists. With local accounts user names are unique across domains, and a bare user name
  logs on; with the password file /createuser is required and users log on with the full address.

  Background:
    Given the default topology

  Scenario: Local Windows accounts are the default, and a bare user name logs on
    When the administrator runs "winpop get authentication"
    Then the command output is:
      """
      authentication: 1 (Local Windows Accounts)
      """
    Given the POP3 mailbox "petr@rosnou.ru" with password "Secret1"
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "To a local account"
    And "petr" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then "petr" retrieves 1 message over POP3

  Scenario: Local account names are unique across domains
    When the administrator runs "winpop add college.ru --host rosnou.ru"
    And the administrator runs "winpop add student@college.ru /createuser X1"
    Then the command fails
    And the command output is:
      """
      winpop: The user student already exists (student@rosnou.ru); local account names are unique across domains.
      """

  Scenario: Active Directory integrated
    When the administrator runs "winpop delete rosnou.ru"
    And the administrator runs "winpop set authentication 2"
    Then the command output is:
      """
      authentication set to 2 (Active Directory Integrated).
      """
    When the administrator runs "winpop add rosnou.ru"
    And the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    And "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Directory user"
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

  Scenario: The encrypted password file needs /createuser and the full address
    When the administrator runs "winpop delete rosnou.ru"
    And the administrator runs "winpop set authentication 3"
    And the administrator runs "winpop add rosnou.ru"
    And the administrator runs "winpop add petr@rosnou.ru"
    Then the command fails
    And the command output is:
      """
      winpop: The encrypted password file method requires /createuser Password.
      """
    When the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    And "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Password file"
    And "petr" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr" is refused with "-ERR [AUTH]"
    And "petr@rosnou.ru" retrieves 1 message over POP3

  Scenario: A salted hash cannot answer APOP, so the password file refuses it
    When the administrator runs "winpop delete rosnou.ru"
    And the POP3 authentication method on "rosnou.ru" is "3"
    And the POP3 mailbox "petr@rosnou.ru" with password "Secret1"
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" using "APOP"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR"

  Scenario: The method cannot change while a domain exists
    The default topology's rosnou.ru is a POP3 domain already.

    When the administrator runs "winpop set authentication 3"
    Then the command fails
    And the command output is:
      """
      winpop: The authentication method can be changed only while no domains exist.
      """

  Scenario Outline: Every logon method with local accounts: <method>
    Given the POP3 mailbox "petr@rosnou.ru" with password "Secret1"
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "By <method>"
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" using "<method>"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

    Examples:
      | method   |
      | USER     |
      | APOP     |
      | PLAIN    |
      | LOGIN    |
      | CRAM-MD5 |
      | STLS     |

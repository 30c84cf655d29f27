Feature: Require Secure Password Authentication (SPA)
  With "Require Secure Password Authentication" (winpop set sparequired 1) the POP3 service
  refuses cleartext logons (USER/PASS, AUTH PLAIN and LOGIN) outside TLS with -ERR [AUTH];
  the challenge-response methods (APOP, CRAM-MD5) and a logon inside TLS still work.

  Background:
    Given the default topology
    And the POP3 mailbox "petr@rosnou.ru" with password "Secret1"
    And "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Secure"

  Scenario: USER/PASS in clear is refused, CRAM-MD5 and APOP log on, STLS then USER/PASS too
    Given POP3 on "rosnou.ru" requires secure password authentication
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [AUTH] cleartext logins are not permitted"
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" using "PLAIN"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [AUTH]"
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" using "CRAM-MD5"
    Then "petr@rosnou.ru" retrieves 1 message over POP3
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" using "APOP"
    Then "petr@rosnou.ru" retrieves 1 message over POP3
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" using "STLS"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

  Scenario: CAPA stops offering USER while SPA is required
    When the administrator runs "winpop set sparequired 1"
    Then the command output is:
      """
      sparequired set to 1.
      """
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      CAPA
      USER petr@rosnou.ru
      QUIT
      """
    Then the server replies:
      """
      +OK rosnou.ru POP3 server ready
      +OK STLS
      -ERR [AUTH]
      +OK
      """

  Scenario: Without SPA, USER/PASS in clear logs on
    Given POP3 on "rosnou.ru" requires secure password authentication
    And POP3 on "rosnou.ru" does not require secure password authentication
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

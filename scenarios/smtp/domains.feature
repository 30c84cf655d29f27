Feature: Domains of a virtual server
  A virtual server has one Local (Default) domain, may have Local (Alias) domains that share its
  Drop folder, and Remote domains with their own delivery options. A recipient given without a
  domain gets the default domain. Mail for a local recipient with a mailbox goes to the mailbox.
  In a POP3 domain (mail.ru and rosnou.ru in the default topology) a user without a mailbox is
  accepted at RCPT, as IIS 6 does no recipient filtering, and the sender gets a non-delivery
  report; in a local domain without POP3, such mail goes to the Drop folder.

  Background:
    Given the default topology

  Scenario: A bare user name gets the default domain and reaches the mailbox
    When "ivan@mail.ru" sends a message to "ivan" with subject "No domain"
    Then the mailbox "ivan@mail.ru" contains a message with subject "No domain"
    And the Drop folder of "mail.ru" holds 0 files

  Scenario: A user without a mailbox in a POP3 domain gets the sender a non-delivery report
    When "ivan@mail.ru" sends a message to "petr" with subject "For Petr"
    Then "ivan@mail.ru" receives a non-delivery report for "petr@mail.ru"
    And the Drop folder of "mail.ru" holds 0 files

  Scenario: An alias domain is local too
    Given on "mail.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "inbox.ru"
    When "ivan@mail.ru" sends a message to "petr@inbox.ru" with subject "Via the alias"
    Then the Drop folder of "mail.ru" holds 1 file
    And the queue of "mail.ru" holds 0 messages

  Scenario: An alias domain accepts mail from anyone, with no relaying
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "rosnou.edu"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<someone@example.com>
      RCPT TO:<dean@rosnou.edu>
      RCPT TO:<dean@elsewhere.example>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250
      250 2.1.5
      550 5.7.1
      221
      """

  Scenario: A remote domain that allows relay lets anyone send to it
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the remote domain "partner.example" that allows relay
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<someone@example.com>
      RCPT TO:<boss@partner.example>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250
      250 2.1.5
      221
      """

Feature: LDAP routing of a virtual server
  The IIS slide "Маршрутизация LDAP": with "Enable LDAP routing" ticked on the LDAP Routing tab, the
  virtual server resolves the recipients of its local domains through a directory, here rosnou.ru's
  own Active Directory (no server named). A known address is delivered to the mailbox it maps to, a
  distribution group is expanded to its members, and an address the directory does not know is
  refused at RCPT with 550 5.1.1 instead of being accepted for the Drop folder or an NDR later.

  Background:
    Given the default topology
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ldapRoutingEnabled" set to "true"

  Scenario: The directory decides at RCPT
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      RCPT TO:<nobody@rosnou.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250 2.1.0
      250 2.1.5
      550 5.1.1
      221
      """

  Scenario: A distribution group is expanded to its members on delivery
    Given the distribution group "students" on "rosnou.ru" has the member "student"
    When "ivan@mail.ru" sends a message to "students@rosnou.ru" with subject "To the group"
    Then the mailbox "student@rosnou.ru" contains 1 message

  Scenario: The sender of mail for an unknown address gets a delivery status notification
    When "ivan@mail.ru" sends a message to "nobody@rosnou.ru" with subject "Nobody is there"
    Then "ivan@mail.ru" receives a delivery status notification for "nobody@rosnou.ru"
    And the mailbox "student@rosnou.ru" contains 0 messages

  Scenario: The tab's settings are the virtual server's
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ldapSchema" set to "exchange"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ldapSchema" set to "exchange"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ldapBinding" set to "anonymous"

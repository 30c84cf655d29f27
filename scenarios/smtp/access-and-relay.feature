Feature: Access and relay restrictions
  By default an IIS 6 virtual server relays only for clients that authenticate: anyone may send
  to its own domains, but mail for other domains from an anonymous client gets 550 5.7.1. The
  Access tab also switches anonymous access and Basic authentication, and can require TLS.

  Background:
    Given the default topology

  Scenario: An anonymous client cannot relay through mail.ru
    When a client connects to SMTP on "mail.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      RCPT TO:<ivan@mail.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250
      550 5.7.1
      250 2.1.5
      221
      """

  Scenario: An authenticated client may relay
    AUTH PLAIN carries "\0ivan@mail.ru\0ivan123" in base64.

    When a client connects to SMTP on "mail.ru" and sends:
      """
      EHLO client.example
      AUTH PLAIN AGl2YW5AbWFpbC5ydQBpdmFuMTIz
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250 AUTH
      235 2.7.0
      250
      250 2.1.5
      221
      """

  Scenario: A wrong password is refused
    When a client connects to SMTP on "mail.ru" and sends:
      """
      EHLO client.example
      AUTH PLAIN AGl2YW5AbWFpbC5ydQB3cm9uZw==
      QUIT
      """
    Then the server replies:
      """
      220
      250
      535 5.7.8
      221
      """

  Scenario: Ivan's mail client authenticates, so his message is relayed
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Relayed"
    Then the message was accepted
    And the mailbox "student@rosnou.ru" contains 1 message

  Scenario: Relaying can be granted to a computer by its address
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "relayList" set to "127.0.0.1"
    When "student@rosnou.ru" sends a message to "ivan@mail.ru" with subject "Relayed by address"
    Then the mailbox "ivan@mail.ru" contains 1 message

  Scenario: Turning authenticated relay off stops even Ivan
    Given on "mail.ru" the virtual server "Default SMTP Virtual Server" has "allowAuthenticatedRelay" set to "false"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Not relayed"
    Then the message was refused with "550 5.7.1"
    And the mailbox "student@rosnou.ru" contains 0 messages

  Scenario: Without anonymous access a client must log on first
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "anonymousAccess" set to "false"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      530 5.7.0
      221
      """

  Scenario: A server that requires TLS refuses mail until STARTTLS
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "requireTls" set to "true"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      STARTTLS
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250 STARTTLS
      530 5.7.0
      220 2.0.0
      250
      250 2.1.0
      221
      """

Feature: Push delivery from mail.ru to rosnou.ru
  SMTP pushes mail: Ivan's client submits to mail.ru, which looks up the MX of rosnou.ru and
  relays the message there at once. The receiving server must be reachable: when it is not,
  the message waits in the sender's queue. Pull delivery (the last hop, over POP3) is in
  pull-delivery.feature.

  Background:
    Given the default topology

  Scenario: Ivan's message travels from mail.ru to rosnou.ru
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Hello from Ivan"
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the mailbox "student@rosnou.ru" contains a message with subject "Hello from Ivan"
    And the message "Hello from Ivan" travelled through "mail.ru", "rosnou.ru"
    And the queue of "mail.ru" holds 0 messages

  Scenario: A local recipient stays on mail.ru
    When "ivan@mail.ru" sends a message to "ivan@mail.ru" with subject "Note to self"
    Then the mailbox "ivan@mail.ru" contains 1 message
    And the message "Note to self" travelled through "mail.ru"

  Scenario: One message for recipients on two servers
    Given the mailbox "petr@rosnou.ru" with password "petr123"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru, petr@rosnou.ru, ivan@mail.ru" with subject "To everyone"
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the mailbox "petr@rosnou.ru" contains 1 message
    And the mailbox "ivan@mail.ru" contains 1 message

  Scenario: Push needs the receiving server to be reachable
    Given "rosnou.ru" is unreachable
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Are you there?"
    Then the queue of "mail.ru" holds 1 message
    And the mailbox "student@rosnou.ru" contains 0 messages

  Scenario: A student at rosnou.ru cannot send out without authenticating
    rosnou.ru allows anonymous access only, and relaying is for authenticated clients, so
    rosnou.ru refuses to relay for the student until Basic authentication is switched on.

    When "student@rosnou.ru" sends a message to "ivan@mail.ru" with subject "Reply"
    Then the message was refused with "550 5.7.1"
    And the mailbox "ivan@mail.ru" contains 0 messages

  Scenario: With Basic authentication on rosnou.ru the student's reply reaches Ivan
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "basicAuthentication" set to "true"
    When "student@rosnou.ru" sends a message to "ivan@mail.ru" with subject "Reply"
    Then the mailbox "ivan@mail.ru" contains a message with subject "Reply"
    And the message "Reply" travelled through "rosnou.ru", "mail.ru"

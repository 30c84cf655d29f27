Feature: Managing mailboxes in Exchange 2003 stores
  The lecture's slide "Управление почтовыми ящиками": every user's mailbox is in a mailbox store, and
  the mailboxes are available only while their store is mounted and the Information Store runs. SMTP
  goes on accepting mail for a dismounted store: the message waits in the server's Local Delivery
  queue ("rosnou.ru (Local Delivery)" in Queue Viewer), neither lost nor bounced, and goes into the
  mailbox once, when the store is mounted again. Until then POP3 and IMAP4 logons to it are refused.
  docs/EXCHANGE-2003.md has the sources.

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: Mail for a dismounted store waits in the Local Delivery queue and is delivered once on mount
    Given the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is dismounted
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Lab 5"
    Then the message was accepted
    And the queue of "rosnou.ru" holds 1 message
    And the mailbox "student@rosnou.ru" contains 0 messages
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "student@rosnou.ru" is refused with "-ERR [SYS/TEMP] The mailbox student@rosnou.ru is not available now"
    Given the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is mounted
    Then the queue of "rosnou.ru" holds 0 messages
    And the mailbox "student@rosnou.ru" contains 1 message
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then "student@rosnou.ru" retrieves 1 message over POP3
    And the message "Lab 5" travelled through "mail.ru", "rosnou.ru"

  Scenario: A stopped Information Store queues the mail, and starting it delivers the mail
    Given the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is stopped
    When "ivan@mail.ru" sends a message to "teacher@rosnou.ru" with subject "Schedule"
    Then the queue of "rosnou.ru" holds 1 message
    Given the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is running
    Then the queue of "rosnou.ru" holds 0 messages
    And the mailbox "teacher@rosnou.ru" contains 1 message

  Scenario: A new Active Directory user gets a mailbox in the store and fetches mail from it
    Given the Active Directory user "petr" has a mailbox "petr@rosnou.ru" on the store "Mailbox Store (ROSNOU)" of "rosnou.ru"
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Hello, Petr"
    Then the mailbox "petr@rosnou.ru" contains 1 message
    When "petr@rosnou.ru" with password "petr123" retrieves mail over POP3 from "rosnou.ru"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

  Scenario: A deleted mailbox stays disconnected with its mail, and Reconnect gives it back
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Before the delete"
    And the administrator runs "maillab exchange delete-mailbox student@rosnou.ru --host rosnou.ru"
    Then the store "Mailbox Store (ROSNOU)" on "rosnou.ru" keeps 1 disconnected mailbox
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "While disconnected"
    Then "ivan@mail.ru" receives a delivery status notification for "student@rosnou.ru"
    When the disconnected mailbox "student@rosnou.ru" on the store "Mailbox Store (ROSNOU)" of "rosnou.ru" is reconnected to "student@rosnou.ru"
    Then the store "Mailbox Store (ROSNOU)" on "rosnou.ru" keeps 0 disconnected mailboxes
    And the mailbox "student@rosnou.ru" contains a message with subject "Before the delete"
    And the mailbox "student@rosnou.ru" contains 1 message

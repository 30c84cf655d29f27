Feature: Every phrasing of the step library, exactly as issue 5 lists it
  Labs and CI suites depend on these phrasings word for word, so this feature uses each of them
  as written (with its variants) and both runners must pass it. The Russian equivalents are in
  issue-phrasings.ru.feature; the reference page is scenarios/STEPS.md.

  Scenario: The default topology, a mailbox, a message with several recipients, counts and hops
    Given the default topology
    Given the mailbox "petr@rosnou.ru" with password "petr123"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru, petr@rosnou.ru" with subject "Hello"
    Then the mailbox "student@rosnou.ru" contains 1 message
    Then the mailbox "petr@rosnou.ru" contains a message with subject "Hello"
    Then the message "Hello" travelled through "mail.ru", "rosnou.ru"
    Then the queue of "mail.ru" holds 0 messages
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Second"
    Then the mailbox "student@rosnou.ru" contains 2 messages
    Then the BadMail folder of "rosnou.ru" holds 0 files

  Scenario: A topology file
    Given the topology "scenarios/topologies/mailru-rosnou.yaml"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "From a file"
    Then the mailbox "student@rosnou.ru" contains 1 message

  Scenario Outline: A virtual server that is <state>
    Given the default topology
    Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is <state>
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      QUIT
      """
    Then the server replies:
      """
      <replies>
      """

    Examples:
      | state   | replies                 |
      | paused  | 421 4.3.2               |
      | running | 220 rosnou.ru\n250\n221 |

  Scenario: A stopped virtual server, then the SMTP service stopped
    Given the default topology
    Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is stopped
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Nobody home"
    Then the queue of "mail.ru" holds 1 message
    Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is running
    Given the SMTP service on "mail.ru" is stopped
    When 15 minutes pass
    Then the queue of "mail.ru" holds 1 message

  Scenario: A setting, a typed dialogue and a multi-line reply counted once
    Given the default topology
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxRecipientsPerMessage" set to "1"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      RCPT TO:<other@rosnou.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250 2.1.0
      250
      452 4.5.3
      221
      """

  Scenario: A server that closes the connection early
    After QUIT the server closes the connection: the NOOP is never answered, so the replies
    expected are the three the server gave (a fourth expected line would fail the step).

    Given the default topology
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      QUIT
      NOOP
      """
    Then the server replies:
      """
      220
      250
      221
      """

  Scenario: A paused server gives its 421 and closes
    The 421 greeting is all a client of a paused virtual server gets: the connection closes
    before EHLO, so nothing after it is answered.

    Given the default topology
    Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is paused
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      QUIT
      """
    Then the server replies:
      """
      421 4.3.2
      """

  Scenario: An unreachable host, minutes, hours and days, a notification
    Given the default topology
    Given "rosnou.ru" is unreachable
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Waiting"
    When 15 minutes pass
    Then the queue of "mail.ru" holds 1 message
    When 12 hours pass
    Then "ivan@mail.ru" receives a delivery status notification for "student@rosnou.ru"
    When 2 days pass
    Then the queue of "mail.ru" holds 0 messages
    When "rosnou.ru" becomes reachable
    When 1 minute passes
    When 1 hour passes
    When 1 day passes

  Scenario: The administrator runs winpop and another command
    Given the default topology
    When the administrator runs "winpop add lab.rosnou.ru"
    Then the command output is:
      """
      Added domain lab.rosnou.ru.
      """
    When the administrator runs "maillab smtp vs status "Default SMTP Virtual Server" --host rosnou.ru"
    Then the command output is:
      """
      "Default SMTP Virtual Server" on rosnou.ru: running
      """
    When the administrator runs "winpop add lab.rosnou.ru"
    Then the command fails

  Scenario: BadMail holds 2 files for a Pickup file without recipients
    Given the default topology
    When a file is placed in the Pickup folder of "mail.ru" with:
      """
      From: ivan@mail.ru
      Subject: Nobody to send to

      No To, Cc or Bcc.
      """
    Then the BadMail folder of "mail.ru" holds 2 files

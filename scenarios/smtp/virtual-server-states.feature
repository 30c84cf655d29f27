Feature: Virtual server states and the SMTP service switch
  An IIS 6 SMTP virtual server is running, paused or stopped. A paused one refuses new
  connections (421 4.3.2) but keeps delivering its queue; a stopped one does neither. Starting,
  pausing or stopping the SMTP service applies to every virtual server on the host.

  Background:
    Given the default topology

  Scenario Outline: A new connection finds the virtual server <state>
    Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is <state>
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      QUIT
      """
    Then the server replies:
      """
      <greeting>
      """

    Examples:
      | state   | greeting                |
      | paused  | 421 4.3.2               |
      | running | 220 rosnou.ru\n250\n221 |

  Scenario: A running virtual server answers every command
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      NOOP
      QUIT
      """
    Then the server replies:
      """
      220 rosnou.ru
      250 rosnou.ru
      250 2.0.0
      221 2.0.0
      """

  Scenario: A stopped virtual server accepts nothing
    Given the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is stopped
    When "someone@example.com" sends a message to "student@rosnou.ru" with subject "Anyone?"
    Then the mailbox "student@rosnou.ru" contains 0 messages

  Scenario: A paused virtual server keeps delivering its queue
    Given "rosnou.ru" is unreachable
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Queued before the pause"
    And the virtual server "Default SMTP Virtual Server" on "mail.ru" is paused
    And "rosnou.ru" becomes reachable
    And 15 minutes pass
    Then the mailbox "student@rosnou.ru" contains 1 message

  Scenario: A stopped virtual server does no queue work until it starts
    Given "rosnou.ru" is unreachable
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Queued before the stop"
    And the virtual server "Default SMTP Virtual Server" on "mail.ru" is stopped
    And "rosnou.ru" becomes reachable
    And 2 hours pass
    Then the mailbox "student@rosnou.ru" contains 0 messages
    And the queue of "mail.ru" holds 1 message
    When the virtual server "Default SMTP Virtual Server" on "mail.ru" is running
    Then the mailbox "student@rosnou.ru" contains 1 message

  Scenario: Stopping the SMTP service stops every virtual server on the host
    Given the SMTP service on "rosnou.ru" is stopped
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Service is down"
    Then the queue of "mail.ru" holds 1 message
    When the administrator runs "maillab smtp vs list --host rosnou.ru"
    Then the command output is:
      """
      Default SMTP Virtual Server: stopped
      """

  Scenario: Starting the service again brings the queued message through
    Given the SMTP service on "rosnou.ru" is stopped
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "After the restart"
    And the administrator runs "maillab smtp service start --host rosnou.ru"
    And 15 minutes pass
    Then the mailbox "student@rosnou.ru" contains 1 message

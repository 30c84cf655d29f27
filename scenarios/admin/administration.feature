Feature: Administration commands
  The administrator's commands act on the same world as the scenario: maillab's SMTP commands and
  winpop, the Windows Server 2003 POP3 tool. scenarios/STEPS.md lists them.

  Background:
    Given the default topology

  Scenario: Pausing a virtual server from the command line
    When the administrator runs "maillab smtp vs pause "Default SMTP Virtual Server" --host rosnou.ru"
    Then the command succeeds
    And the command output is:
      """
      "Default SMTP Virtual Server" on rosnou.ru: paused
      """
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      QUIT
      """
    Then the server replies:
      """
      421 4.3.2
      """

  Scenario: The service status
    When the administrator runs "maillab smtp service pause --host mail.ru"
    And the administrator runs "maillab smtp service status --host mail.ru"
    Then the command output is:
      """
      SMTP service on mail.ru: paused
      """

  Scenario: Reading and changing a setting
    When the administrator runs "maillab smtp vs get maxMessageSizeKb --host rosnou.ru"
    Then the command output is:
      """
      maxMessageSizeKb = 2048
      """
    When the administrator runs "maillab smtp vs set maxMessageSizeKb 512 --host rosnou.ru"
    Then the command output is:
      """
      maxMessageSizeKb = 512
      """

  Scenario: The queue, seen from the command line
    Given "rosnou.ru" is unreachable
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Waiting"
    And the administrator runs "maillab smtp queue --host mail.ru"
    Then the command output is:
      """
      ML00000001 "Waiting" for student@rosnou.ru (attempts: 1)
      """

  Scenario: An unknown setting is refused with the list of valid ones
    When the administrator runs "maillab smtp vs set maxMessageSize 512 --host rosnou.ru"
    Then the command fails

  Scenario: winpop creates a POP3 mailbox that SMTP then delivers to
    When the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    Then the command succeeds
    And the command output is:
      """
      Added mailbox petr@rosnou.ru and created its user.
      """
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Welcome"
    Then the mailbox "petr@rosnou.ru" contains 1 message

  Scenario: winpop refuses a command it does not know
    When the administrator runs "winpop frobnicate"
    Then the command fails

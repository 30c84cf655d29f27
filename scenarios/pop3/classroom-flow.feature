Feature: The POP3 classroom flow: winpop, mail in over SMTP, mail out over POP3, locks
  The lecture's lab on the Windows Server 2003 POP3 service: rosnou.ru is already an e-mail
  domain (with student's mailbox), the administrator creates a mailbox with its user, Ivan's message reaches it over SMTP, Petr's mail
  client fetches it over POP3 (pull delivery: the last hop is the client's), winpop stat shows
  the counts, and a locked mailbox still receives mail while its user cannot log on.

  Background:
    Given the default topology
    When the administrator runs "winpop list"
    Then the command output is:
      """
      Domains:
        rosnou.ru
      1 domain(s)
      """
    When the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    Then the command output is:
      """
      Added mailbox petr@rosnou.ru and created its user.
      """

  Scenario: Petr fetches Ivan's message over POP3
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Lab 1"
    Then the mailbox "petr@rosnou.ru" contains 1 message
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then "petr@rosnou.ru" retrieves 1 message over POP3
    And the message "Lab 1" travelled through "mail.ru", "rosnou.ru"
    And the message "Lab 1" was retrieved over POP3 by "petr@rosnou.ru"
    And the mailbox "petr@rosnou.ru" contains 1 message

  Scenario: winpop stat shows the mailboxes' counts
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Lab 1"
    And the administrator runs "winpop stat rosnou.ru"
    Then the command output is:
      """
      Domain rosnou.ru: 2 mailbox(es), 1 message(s), 506 bytes
        petr                      1 message(s)        506 bytes
        student                   0 message(s)          0 bytes
      """

  Scenario: A locked mailbox still receives mail, but its user cannot log on until it is unlocked
    When the administrator runs "winpop lock petr@rosnou.ru"
    Then the command output is:
      """
      Locked mailbox petr@rosnou.ru.
      """
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "While locked"
    Then the mailbox "petr@rosnou.ru" contains 1 message
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [AUTH] mailbox is locked"
    When the administrator runs "winpop unlock petr@rosnou.ru"
    Then the command output is:
      """
      Unlocked mailbox petr@rosnou.ru.
      """
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru" and deletes them
    Then "petr@rosnou.ru" retrieves 1 message over POP3 and deletes it
    And the mailbox "petr@rosnou.ru" contains 0 messages

  Scenario: Locking the domain locks every mailbox in it
    When the administrator runs "winpop lock rosnou.ru"
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [AUTH]"
    And the POP3 logon of "student@rosnou.ru" is refused with "-ERR [AUTH]"
    When the administrator runs "winpop unlock petr@rosnou.ru"
    Then the command fails
    When the administrator runs "winpop unlock rosnou.ru"
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" succeeds

  Scenario: A wrong password is refused with [AUTH] and nothing is retrieved
    When "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Secret"
    And "petr@rosnou.ru" with password "wrong" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [AUTH] invalid user name or password"
    And the mailbox "petr@rosnou.ru" contains 1 message

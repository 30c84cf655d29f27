Feature: The mailbox store's Limits tab
  The lecture's slide "Свойства информационного хранилища": a mailbox store's Limits tab sets "Issue
  warning at (KB)", "Prohibit send at (KB)" and "Prohibit send and receive at (KB)" for its mailboxes;
  a user's Storage Limits can replace them ("Use mailbox store defaults" cleared). Mail for a mailbox
  at its "Prohibit send and receive" limit goes back to the sender with a non-delivery report
  (5.2.2); a mailbox over its warning limit gets the System Attendant's warning. "Prohibit send" is
  enforced for Outlook (MAPI) only, not for POP3 or IMAP4 users who send over SMTP.

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: A mailbox at its "Prohibit send and receive" limit refuses mail with a non-delivery report
    Given on "rosnou.ru" the store "Mailbox Store (ROSNOU)" has "prohibitSendAndReceiveKb" set to "0"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Too much"
    Then "ivan@mail.ru" receives a non-delivery report for "student@rosnou.ru"
    And the mailbox "student@rosnou.ru" contains 0 messages

  Scenario: A user's own limit replaces the store's
    Given on "rosnou.ru" the user "teacher@rosnou.ru" has "prohibitSendAndReceiveKb" set to "0"
    When "ivan@mail.ru" sends a message to "teacher@rosnou.ru, student@rosnou.ru" with subject "Timetable"
    Then "ivan@mail.ru" receives a non-delivery report for "teacher@rosnou.ru"
    And the mailbox "student@rosnou.ru" contains 1 message
    And the mailbox "teacher@rosnou.ru" contains 0 messages

  Scenario: A mailbox over its warning limit gets the System Attendant's warning
    Given on "rosnou.ru" the store "Mailbox Store (ROSNOU)" has "issueWarningKb" set to "0"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Notes"
    Then the mailbox "student@rosnou.ru" contains a message with subject "Your mailbox is over its size limit"
    And the mailbox "student@rosnou.ru" contains 2 messages

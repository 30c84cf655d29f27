@lab-33-mailbox-management
Feature: Lab 33-mailbox-management: Mailboxes: moving one, a user's own limits, a dismounted store
  The solution of courseware/labs/33-mailbox-management (slide 33): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "courseware/labs/33-mailbox-management/topology.yaml"
    When the administrator runs "maillab exchange move-mailbox teacher@rosnou.ru --to 'Mailbox Store 2' --host rosnou.ru"
    And on "rosnou.ru" the user "teacher@rosnou.ru" has "issueWarningKb" set to "500"
    And the administrator runs "maillab exchange store dismount 'Mailbox Store 2' --host rosnou.ru"
    And "ivan@mail.ru" sends a message to "teacher@rosnou.ru" with subject "Расписание"
    And the administrator runs "maillab exchange delete-mailbox student@rosnou.ru --host rosnou.ru"
    And the administrator runs "maillab exchange create-mailbox student@rosnou.ru --store 'Mailbox Store 2' --host rosnou.ru"
    And the administrator runs "maillab exchange reconnect-mailbox student@rosnou.ru --store 'Mailbox Store (ROSNOU)' --owner archive@rosnou.ru --host rosnou.ru"
    Then the mailbox of "teacher@rosnou.ru" on "rosnou.ru" is on the store "Mailbox Store 2"
    And on "rosnou.ru" the user "teacher@rosnou.ru" has "issueWarningKb" set to "500"
    And the store "Mailbox Store 2" on "rosnou.ru" is dismounted
    And the queue of "rosnou.ru" holds 1 message
    And the mailbox of "student@rosnou.ru" on "rosnou.ru" is on the store "Mailbox Store 2"
    And the mailbox of "archive@rosnou.ru" on "rosnou.ru" is on the store "Mailbox Store (ROSNOU)"

@lab-32-store-properties
Feature: Lab 32-store-properties: A store's properties: limits, the warning, dismounting
  The solution of courseware/labs/32-store-properties (slide 32): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "exchange-rosnou.yaml"
    When on "rosnou.ru" the store "Mailbox Store (ROSNOU)" has "issueWarningKb" set to "0"
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Заметки"
    And on "rosnou.ru" the store "Mailbox Store (ROSNOU)" has "keepDeletedItemsDays" set to "14"
    And the administrator runs "maillab exchange store dismount 'Public Folder Store (ROSNOU)' --host rosnou.ru"
    Then on "rosnou.ru" the store "Mailbox Store (ROSNOU)" has "issueWarningKb" set to "0"
    And the mailbox "student@rosnou.ru" contains a message with subject "Your mailbox is over its size limit"
    And on "rosnou.ru" the store "Mailbox Store (ROSNOU)" has "keepDeletedItemsDays" set to "14"
    And the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is dismounted

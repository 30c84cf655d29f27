@lab-26-pop3-mailboxes
Feature: Lab 26-pop3-mailboxes: Creating POP3 mailboxes, and a quota
  The solution of courseware/labs/26-pop3-mailboxes (slide 26): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "winpop add anna@rosnou.ru /createuser Anna2026"
    And the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    And on "rosnou.ru" the POP3 service has "defaultQuotaBytes" set to "5242880"
    And the administrator runs "winpop createquotafile petr@rosnou.ru"
    Then the POP3 mailbox "anna@rosnou.ru" exists
    And the POP3 mailbox "petr@rosnou.ru" exists
    And the POP3 mailbox "petr@rosnou.ru" has a quota of 5 MB

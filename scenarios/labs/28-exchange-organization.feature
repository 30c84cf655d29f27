@lab-28-exchange-organization
Feature: Lab 28-exchange-organization: The Exchange organisation: a server, a store, recipients
  The solution of courseware/labs/28-exchange-organization (slide 28): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "exchange-rosnou.yaml"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Привет, Exchange"
    And "ivan@mail.ru" sends a message to "petr.sidorov@rosnou.ru" with subject "По второму адресу"
    And "student@rosnou.ru" with password "student123" reads the mailbox over IMAP
    Then the mailbox "student@rosnou.ru" contains a message with subject "Привет, Exchange"
    And the mailbox "student@rosnou.ru" contains a message with subject "По второму адресу"
    And on "rosnou.ru" the mailbox "student@rosnou.ru" has a last logon time

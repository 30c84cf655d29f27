@lab-34-exchange-accounts
Feature: Lab 34-exchange-accounts: Exchange's user accounts: features, delivery restrictions, delivery options
  The solution of courseware/labs/34-exchange-accounts (slide 34): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "exchange-rosnou.yaml"
    When the administrator runs "maillab ad user features student --pop3 disabled --host rosnou.ru"
    And the administrator runs "maillab ad user set teacher acceptMessagesFrom students --host rosnou.ru"
    And "ivan@mail.ru" sends a message to "teacher@rosnou.ru" with subject "Извне"
    And the administrator runs "maillab ad user set student maxRecipients 10 --host rosnou.ru"
    Then on "rosnou.ru" the user "student@rosnou.ru" has "pop3" set to "disabled"
    And on "rosnou.ru" the user "teacher@rosnou.ru" has "acceptMessagesFrom" set to "students"
    And "ivan@mail.ru" receives a non-delivery report for "teacher@rosnou.ru"
    And on "rosnou.ru" the user "student@rosnou.ru" has "maxRecipients" set to "10"

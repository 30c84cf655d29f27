@lab-35-active-directory
Feature: Lab 35-active-directory: Active Directory Users and Computers: addresses, distribution groups, contacts
  The solution of courseware/labs/35-active-directory (slide 35): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "exchange-rosnou.yaml"
    When the administrator runs "maillab ad user addresses teacher --add smtp:a.ivanova@rosnou.ru --host rosnou.ru"
    And the administrator runs "maillab ad group create staff --members teacher --host rosnou.ru"
    And the administrator runs "maillab ad group add-member staff students --host rosnou.ru"
    And "ivan@mail.ru" sends a message to "staff@rosnou.ru" with subject "Заседание кафедры"
    And the administrator runs "maillab ad contact create 'Olga (mail.ru)' olga@mail.ru --alias olga.mailru --host rosnou.ru"
    Then on "rosnou.ru" the recipient "teacher@rosnou.ru" has the e-mail address "smtp:a.ivanova@rosnou.ru"
    And the distribution group "staff" on "rosnou.ru" has the members "teacher", "students"
    And the mailbox "student@rosnou.ru" contains a message with subject "Заседание кафедры"
    And on "rosnou.ru" the recipient "olga.mailru" has the e-mail address "olga.mailru@rosnou.ru"

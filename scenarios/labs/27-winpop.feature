@lab-27-winpop
Feature: Lab 27-winpop: The winpop command
  The solution of courseware/labs/27-winpop (slide 27): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "winpop add lab.rosnou.ru --host rosnou.ru"
    And the administrator runs "winpop add olga@lab.rosnou.ru /createuser Olga2026"
    And the administrator runs "winpop lock olga@lab.rosnou.ru"
    Then on "rosnou.ru" the POP3 service has the domain "lab.rosnou.ru"
    And the POP3 mailbox "olga@lab.rosnou.ru" exists
    And the POP3 mailbox "olga@lab.rosnou.ru" is locked

@lab-18-security-tab
Feature: Lab 18-security-tab: The Security tab: operators of a virtual server
  The solution of courseware/labs/18-security-tab (slide 18): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    And the administrator runs "maillab smtp vs security --operators "Administrators, petr@rosnou.ru" --host rosnou.ru"
    Then the mailbox "petr@rosnou.ru" exists
    And on "rosnou.ru" "petr@rosnou.ru" is an operator of the virtual server "Default SMTP Virtual Server"

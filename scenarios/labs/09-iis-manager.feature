@lab-09-iis-manager
Feature: Lab 09-iis-manager: IIS Manager: servers, virtual servers, domains
  The solution of courseware/labs/09-iis-manager (slide 9): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp domain add students.rosnou.ru alias --host rosnou.ru"
    And the administrator runs "maillab smtp domain add inbox.mail.ru alias --host mail.ru"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "students.rosnou.ru"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "inbox.mail.ru"

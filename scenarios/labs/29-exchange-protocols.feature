@lab-29-exchange-protocols
Feature: Lab 29-exchange-protocols: Exchange's protocols: enabling the POP3 service and fetching mail
  The solution of courseware/labs/29-exchange-protocols (slide 29): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "courseware/labs/29-exchange-protocols/topology.yaml"
    When the administrator runs "maillab exchange service startup-type POP3Svc automatic --host rosnou.ru"
    And the administrator runs "maillab exchange service start POP3Svc --host rosnou.ru"
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Проверка POP3"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then the Exchange service "Microsoft Exchange POP3" on "rosnou.ru" has the startup type automatic
    And the Exchange service "Microsoft Exchange POP3" on "rosnou.ru" is running
    And the message "Проверка POP3" was retrieved over POP3 by "student@rosnou.ru"

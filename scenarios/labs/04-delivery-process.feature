@lab-04-delivery-process
Feature: Lab 04-delivery-process: The delivery process: mail.ru → rosnou.ru → the client
  The solution of courseware/labs/04-delivery-process (slides 4, 5): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Отчёт"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru" and deletes them
    Then the message "Отчёт" travelled through "mail.ru", "rosnou.ru"
    And the message "Отчёт" was retrieved over POP3 by "student@rosnou.ru"

@lab-07-smtp-service
Feature: Lab 07-smtp-service: The IIS 6 SMTP service: the next hop is down
  The solution of courseware/labs/07-smtp-service (slide 7): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "rosnou-offline.yaml"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Ближайший узел"
    Then the queue of "mail.ru" holds 1 message

@lab-30-exchange-service-status
Feature: Lab 30-exchange-service-status: The state of Exchange's services: stopping System Attendant
  The solution of courseware/labs/30-exchange-service-status (slide 30): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "exchange-rosnou.yaml"
    When the administrator runs "maillab exchange service stop MSExchangeSA --stop-dependents --host rosnou.ru"
    And "ivan@mail.ru" sends a message to "teacher@rosnou.ru" with subject "Пока хранилище отключено"
    Then the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is stopped
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is dismounted
    And the queue of "rosnou.ru" holds 1 message

@lab-03-push-delivery
Feature: Lab 03-push-delivery: Push delivery: the receiving computer must be reachable
  The solution of courseware/labs/03-push-delivery (slide 3): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "rosnou-offline.yaml"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Толкаем почту"
    And "rosnou.ru" becomes reachable
    And 15 minutes pass
    Then "mail.ru" can reach "rosnou.ru"
    And the message "Толкаем почту" travelled through "mail.ru", "rosnou.ru"

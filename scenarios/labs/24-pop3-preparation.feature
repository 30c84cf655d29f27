@lab-24-pop3-preparation
Feature: Lab 24-pop3-preparation: Preparing the server: the MX record, the server's name, the firewall
  The solution of courseware/labs/24-pop3-preparation (slide 24): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "courseware/labs/24-pop3-preparation/topology.yaml"
    When the administrator runs "maillab smtp vs set fqdn rosnou.ru --host rosnou.ru"
    And "rosnou.ru" becomes reachable
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Проверка подготовки"
    Then the MX record of "rosnou.ru" matches the name of its server
    And "mail.ru" can reach "rosnou.ru"
    And the message "Проверка подготовки" travelled through "mail.ru", "rosnou.ru"

@lab-24-pop3-preparation
Feature: Lab 24-pop3-preparation: Preparing the server: the MX record, the server's name, a static address, the firewall
  The solution of courseware/labs/24-pop3-preparation (slide 24): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "courseware/labs/24-pop3-preparation/topology.yaml"
    When the administrator runs "maillab smtp vs set fqdn rosnou.ru --host rosnou.ru"
    And the administrator runs "maillab network address static 203.0.113.10 --host rosnou.ru"
    And the administrator runs "maillab dns set rosnou.ru A 203.0.113.10"
    And "rosnou.ru" becomes reachable
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Проверка подготовки"
    Then the MX record of "rosnou.ru" matches the name of its server
    And the server of "rosnou.ru" has a static address
    And the A record of "rosnou.ru" points at its server's address
    And "mail.ru" can reach "rosnou.ru"
    And the message "Проверка подготовки" travelled through "mail.ru", "rosnou.ru"

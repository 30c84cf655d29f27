@lab-23-pop3-service
Feature: Lab 23-pop3-service: A POP3 mail server: a domain, a mailbox, a client fetching mail
  The solution of courseware/labs/23-pop3-service (slide 23): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "courseware/labs/23-pop3-service/topology.yaml"
    When the administrator runs "winpop add rosnou.ru"
    And the administrator runs "winpop add student@rosnou.ru /createuser student123"
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Добро пожаловать"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then on "rosnou.ru" the POP3 service has the domain "rosnou.ru"
    And the POP3 mailbox "student@rosnou.ru" exists
    And the message "Добро пожаловать" was retrieved over POP3 by "student@rosnou.ru"

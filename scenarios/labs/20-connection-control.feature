@lab-20-connection-control
Feature: Lab 20-connection-control: Restrictions by IP address and domain name; relay restrictions
  The solution of courseware/labs/20-connection-control (slide 20): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs set connectionList '192.0.2.0/24, spam.example' --host rosnou.ru"
    And the administrator runs "maillab smtp vs set relayList 198.51.100.10 --host rosnou.ru"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "connectionList" set to "192.0.2.0/24, spam.example"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "relayList" set to "198.51.100.10"

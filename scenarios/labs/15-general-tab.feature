@lab-15-general-tab
Feature: Lab 15-general-tab: The General tab: connections, time-out, logging
  The solution of courseware/labs/15-general-tab (slide 15): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "courseware/labs/15-general-tab/topology.yaml"
    When the administrator runs "maillab smtp vs set maxConnections 50 --host rosnou.ru"
    And the administrator runs "maillab smtp vs set connectionTimeoutMinutes 5 --host rosnou.ru"
    And the administrator runs "maillab smtp vs set loggingEnabled true --host rosnou.ru"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxConnections" set to "50"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "connectionTimeoutMinutes" set to "5"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "loggingEnabled" set to "true"

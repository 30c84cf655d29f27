@lab-19-access-authentication
Feature: Lab 19-access-authentication: The Access tab: authentication of incoming connections
  The solution of courseware/labs/19-access-authentication (slide 19): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs set basicAuthentication true --host rosnou.ru"
    And the administrator runs "maillab smtp vs set basicRequiresTls true --host rosnou.ru"
    And the administrator runs "maillab smtp vs set basicDefaultDomain rosnou.ru --host rosnou.ru"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "basicAuthentication" set to "true"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "basicRequiresTls" set to "true"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "basicDefaultDomain" set to "rosnou.ru"

@lab-08-configuration-parameters
Feature: Lab 08-configuration-parameters: The SMTP server's configuration parameters
  The solution of courseware/labs/08-configuration-parameters (slide 8): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs set basicRequiresTls true --host mail.ru"
    And the administrator runs "maillab smtp vs set maxMessageSizeKb 4096 --host mail.ru"
    And the administrator runs "maillab smtp vs set maxOutboundConnections 100 --host mail.ru"
    And the administrator runs "maillab smtp vs set maxHopCount 10 --host mail.ru"
    And the administrator runs "maillab smtp domain add partner.example remote --host mail.ru"
    Then on "mail.ru" the virtual server "Default SMTP Virtual Server" has "basicRequiresTls" set to "true"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "maxMessageSizeKb" set to "4096"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "maxOutboundConnections" set to "100"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "maxHopCount" set to "10"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has the remote domain "partner.example"

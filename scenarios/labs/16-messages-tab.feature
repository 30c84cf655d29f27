@lab-16-messages-tab
Feature: Lab 16-messages-tab: The Messages tab: limits on incoming mail
  The solution of courseware/labs/16-messages-tab (slide 16): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs set maxMessageSizeKb 1024 --host rosnou.ru"
    And the administrator runs "maillab smtp vs set maxSessionSizeKb 4096 --host rosnou.ru"
    And the administrator runs "maillab smtp vs set maxMessagesPerConnection 10 --host rosnou.ru"
    And the administrator runs "maillab smtp vs set maxRecipientsPerMessage 20 --host rosnou.ru"
    And the administrator runs "maillab smtp vs set ndrCopyTo student@rosnou.ru --host rosnou.ru"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxMessageSizeKb" set to "1024"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxSessionSizeKb" set to "4096"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxMessagesPerConnection" set to "10"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxRecipientsPerMessage" set to "20"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ndrCopyTo" set to "student@rosnou.ru"

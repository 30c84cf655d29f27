@lab-31-server-properties
Feature: Lab 31-server-properties: The Exchange mail server's properties: protocols and message tracking
  The solution of courseware/labs/31-server-properties (slide 31): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "exchange-rosnou.yaml"
    When the administrator runs "maillab smtp vs set ndrCopyTo teacher@rosnou.ru --host rosnou.ru"
    And the administrator runs "maillab exchange service stop IMAP4Svc --host rosnou.ru"
    And the administrator runs "maillab exchange service startup-type IMAP4Svc disabled --host rosnou.ru"
    And on "rosnou.ru" the Exchange server has "MSExchangeIS/Logons" set to "Maximum"
    And "ivan@mail.ru" sends a message to "teacher@rosnou.ru" with subject "Отследи меня"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ndrCopyTo" set to "teacher@rosnou.ru"
    And the Exchange service "Microsoft Exchange IMAP4" on "rosnou.ru" has the startup type disabled
    And on "rosnou.ru" the Exchange server has "MSExchangeIS/Logons" set to "Maximum"
    And the message "Отследи меня" travelled through "mail.ru", "rosnou.ru"

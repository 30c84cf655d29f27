@lab-17-delivery-tab
Feature: Lab 17-delivery-tab: The Delivery tab: retries, security, connections, routing
  The solution of courseware/labs/17-delivery-tab (slide 17): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs set retryIntervalsMinutes '10, 20, 40, 120' --host mail.ru"
    And the administrator runs "maillab smtp vs set expirationHours 24 --host mail.ru"
    And the administrator runs "maillab smtp vs set outboundTls true --host mail.ru"
    And the administrator runs "maillab smtp vs set maxOutboundConnectionsPerDomain 20 --host mail.ru"
    And the administrator runs "maillab smtp vs set maxHopCount 10 --host mail.ru"
    And the administrator runs "maillab smtp vs set masqueradeDomain post.mail.ru --host mail.ru"
    And the administrator runs "maillab smtp vs set fqdn smtp.mail.ru --host mail.ru"
    And the administrator runs "maillab smtp vs set smartHost rosnou.ru --host mail.ru"
    Then on "mail.ru" the virtual server "Default SMTP Virtual Server" has "retryIntervalsMinutes" set to "10, 20, 40, 120"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "expirationHours" set to "24"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "outboundTls" set to "true"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "maxOutboundConnectionsPerDomain" set to "20"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "maxHopCount" set to "10"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "masqueradeDomain" set to "post.mail.ru"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "fqdn" set to "smtp.mail.ru"
    And on "mail.ru" the virtual server "Default SMTP Virtual Server" has "smartHost" set to "rosnou.ru"

@lab-22-smtp-domains
Feature: Lab 22-smtp-domains: SMTP domains: local, alias, remote; the Drop folder
  The solution of courseware/labs/22-smtp-domains (slide 22): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp domain add rosnou.edu alias --host rosnou.ru"
    And the administrator runs "maillab smtp domain add partner.example remote --allow-relay --host rosnou.ru"
    And "someone@example.com" sends a message to "dean@rosnou.edu" with subject "В Drop"
    Then on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "rosnou.edu"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the remote domain "partner.example" that allows relay
    And the Drop folder of "rosnou.ru" holds 1 file

@lab-21-ldap-routing
Feature: Lab 21-ldap-routing: LDAP routing: users from a directory service
  The solution of courseware/labs/21-ldap-routing (slide 21): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "winpop delete rosnou.ru"
    And the administrator runs "winpop set authentication 2 --host rosnou.ru"
    And the administrator runs "winpop add rosnou.ru"
    And the administrator runs "winpop add student@rosnou.ru"
    And the administrator runs "winpop migrateToAD student@rosnou.ru"
    And the administrator runs "maillab smtp vs set ldapRoutingEnabled true --host rosnou.ru"
    Then on "rosnou.ru" the POP3 service's "authentication" is "activeDirectory"
    And "student@rosnou.ru" is an account of the Active Directory of "rosnou.ru"
    And on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "ldapRoutingEnabled" set to "true"

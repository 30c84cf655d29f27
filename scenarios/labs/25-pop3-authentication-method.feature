@lab-25-pop3-authentication-method
Feature: Lab 25-pop3-authentication-method: the POP3 service's authentication method (the solution)
  courseware/labs/25-pop3-authentication-method: a server outside Active Directory that keeps no
  Windows accounts for its mailboxes uses the encrypted password file, chosen before the first domain.

  Scenario: The solution of lab 25-pop3-authentication-method
    Given the topology "courseware/labs/25-pop3-authentication-method/topology.yaml"
    When the administrator runs "winpop set authentication 3 --host rosnou.ru"
    And the administrator runs "winpop set sparequired 1 --host rosnou.ru"
    Then on "rosnou.ru" the POP3 service's "authentication" is "passwordFile"
    And on "rosnou.ru" the POP3 service's "requireSpa" is "true"

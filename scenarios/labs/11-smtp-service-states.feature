@lab-11-smtp-service-states
Feature: Lab 11-smtp-service-states: the SMTP service and its virtual servers (the solution)
  courseware/labs/11-smtp-service-states: the service's state applies to every virtual server on the host.

  Scenario: The solution of lab 11-smtp-service-states
    Given the topology "scenarios/topologies/mailru-rosnou.yaml"
    When the administrator runs "maillab smtp service stop --host rosnou.ru"
    And the administrator runs "maillab smtp service pause --host mail.ru"
    Then the SMTP service on "rosnou.ru" is stopped
    And the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is stopped
    And the SMTP service on "mail.ru" is paused

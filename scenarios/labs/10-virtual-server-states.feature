@lab-10-virtual-server-states
Feature: Lab 10-virtual-server-states: the states of an SMTP virtual server (the solution)
  courseware/labs/10-virtual-server-states: a stopped receiver leaves the message in the sender's
  queue; the paused sender keeps it there and refuses new connections.

  Scenario: The solution of lab 10-virtual-server-states
    Given the topology "scenarios/topologies/mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs stop "Default SMTP Virtual Server" --host rosnou.ru"
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "While rosnou.ru is stopped"
    And the administrator runs "maillab smtp vs pause "Default SMTP Virtual Server" --host mail.ru"
    Then the virtual server "Default SMTP Virtual Server" on "rosnou.ru" is stopped
    And the queue of "mail.ru" holds 1 message
    And the virtual server "Default SMTP Virtual Server" on "mail.ru" is paused

Feature: maillab exchange, Exchange System Manager from the command line
  The lecture's slides "Просмотр состояния служб" and "Свойства информационного хранилища" from a
  shell: `maillab exchange` lists the services and stores, asks before stopping a service others
  depend on (the Services console's "Stop Other Services"), and dismounts and mounts a store; mail
  for a dismounted store waits in the queue and is delivered once it mounts.

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: Stopping System Attendant asks first, then stops the Information Store with it
    When the administrator runs "maillab exchange service stop MSExchangeSA --host rosnou.ru"
    Then the command fails
    And the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is running
    When the administrator runs "maillab exchange service stop MSExchangeSA --stop-dependents --host rosnou.ru"
    Then the command succeeds
    And the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is stopped
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is dismounted

  Scenario: Mail for a dismounted store waits and is delivered when it mounts
    When the administrator runs "maillab exchange store dismount 'Mailbox Store (ROSNOU)' --host rosnou.ru"
    Then the command succeeds
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Waits for the store"
    Then the mailbox "student@rosnou.ru" contains 0 messages
    And the queue of "rosnou.ru" holds 1 message
    When the administrator runs "maillab exchange store mount 'Mailbox Store (ROSNOU)' --host rosnou.ru"
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the queue of "rosnou.ru" holds 0 messages

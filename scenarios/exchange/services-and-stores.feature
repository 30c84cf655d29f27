Feature: Exchange 2003 services and stores
  The lecture's slide "Просмотр состояния служб": an Exchange server runs as Windows services that
  depend on one another. Stopping Microsoft Exchange System Attendant stops the Information Store
  (the Services console asks "Stop Other Services" first), and with it every store is dismounted;
  the IIS SMTP service keeps running. Starting the Information Store starts System Attendant first
  and mounts the stores again. docs/EXCHANGE-2003.md has the sources.

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: A new server runs its automatic services with its stores mounted
    Then the Exchange service "Microsoft Exchange System Attendant" on "rosnou.ru" is running
    And the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is running
    And the Exchange service "Microsoft Exchange POP3" on "rosnou.ru" is stopped
    And the Exchange service "Microsoft Exchange IMAP4" on "rosnou.ru" is stopped
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is mounted
    And the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is mounted

  Scenario: Stopping System Attendant stops the Information Store and dismounts the stores
    Given the Exchange service "Microsoft Exchange System Attendant" on "rosnou.ru" is stopped
    Then the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is stopped
    And the Exchange service "Microsoft Exchange MTA Stacks" on "rosnou.ru" is stopped
    And the Exchange service "Simple Mail Transfer Protocol (SMTP)" on "rosnou.ru" is running
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is dismounted

  Scenario: Starting the Information Store starts System Attendant and mounts the stores
    Given the Exchange service "Microsoft Exchange System Attendant" on "rosnou.ru" is stopped
    And the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is running
    Then the Exchange service "Microsoft Exchange System Attendant" on "rosnou.ru" is running
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is mounted

  Scenario: A dismounted store stays dismounted until it is mounted
    Given the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is dismounted
    Then the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is dismounted
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is mounted
    Given the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is mounted
    Then the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is mounted

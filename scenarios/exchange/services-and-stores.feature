Feature: Exchange 2003 services and stores
  The lecture's slide "Просмотр состояния служб": an Exchange server runs as Windows services that
  depend on one another. Stopping Microsoft Exchange System Attendant stops the Information Store
  (the Services console asks "Stop Other Services" first), and with it every store is dismounted;
  the IIS SMTP service keeps running. Starting the Information Store starts System Attendant first
  and mounts the stores again. docs/EXCHANGE-2003.md has the sources.

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: The server runs its automatic services with its stores mounted
    Then the Exchange service "Microsoft Exchange System Attendant" on "rosnou.ru" is running
    And the Exchange service "Microsoft Exchange Information Store" on "rosnou.ru" is running
    And the Exchange service "Microsoft Exchange MTA Stacks" on "rosnou.ru" is running
    And the Exchange service "Microsoft Exchange Site Replication Service" on "rosnou.ru" is stopped
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

  Scenario: The lab runs Exchange's POP3 and IMAP4 services, disabled on a new server, so the class can fetch mail
    Then the Exchange service "Microsoft Exchange POP3" on "rosnou.ru" is running
    And the Exchange service "Microsoft Exchange IMAP4" on "rosnou.ru" is running
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Welcome"
    Then "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    And "student@rosnou.ru" retrieves 1 message over POP3
    Given the Exchange service "Microsoft Exchange POP3" on "rosnou.ru" is stopped
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "student@rosnou.ru" is refused with "-ERR [SYS/TEMP] Microsoft Exchange POP3 is stopped"

  Scenario: A dismounted store stays dismounted until it is mounted
    Given the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is dismounted
    Then the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is dismounted
    And the store "Mailbox Store (ROSNOU)" on "rosnou.ru" is mounted
    Given the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is mounted
    Then the store "Public Folder Store (ROSNOU)" on "rosnou.ru" is mounted

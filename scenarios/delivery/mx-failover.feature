Feature: A backup MX takes the mail while the primary is down
  The topology scenarios/topologies/three-hosts-mx-failover.yaml gives rosnou.ru two MX records:
  rosnou.ru itself (preference 10) and backup.rosnou.ru (preference 20), which relays for
  rosnou.ru and retries every 5, 10, 20 and then 60 minutes.

  Background:
    Given the topology "scenarios/topologies/three-hosts-mx-failover.yaml"

  Scenario: The primary MX is up: mail goes straight to it
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Direct"
    Then the message "Direct" travelled through "mail.ru", "rosnou.ru"

  Scenario: The primary MX is down: the backup queues the message and delivers it later
    Given "rosnou.ru" is unreachable
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Via the backup"
    Then the queue of "backup.rosnou.ru" holds 1 message
    And the queue of "mail.ru" holds 0 messages
    When "rosnou.ru" becomes reachable
    And 5 minutes pass
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the message "Via the backup" travelled through "mail.ru", "backup.rosnou.ru", "rosnou.ru"

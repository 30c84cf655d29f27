Feature: Delivery retries and delivery status notifications
  When the next hop cannot be reached, mail.ru keeps the message in its queue and retries after
  15, 30 and 60 minutes, then every 240. The sender gets a delay notification after 12 hours and
  a non-delivery report (RFC 3464) when the message expires after 2 days, or at once when the
  recipient's domain does not exist.

  Background:
    Given the default topology
    And "rosnou.ru" is unreachable

  Scenario: The first retry, 15 minutes later, delivers the message
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Retry me"
    Then the queue of "mail.ru" holds 1 message
    When "rosnou.ru" becomes reachable
    And 14 minutes pass
    Then the mailbox "student@rosnou.ru" contains 0 messages
    When 1 minute passes
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the queue of "mail.ru" holds 0 messages
    And the mailbox "ivan@mail.ru" contains 0 messages

  Scenario: Ivan hears about a delay after 12 hours
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Slow"
    And 11 hours pass
    Then the mailbox "ivan@mail.ru" contains 0 messages
    When 1 hour passes
    Then "ivan@mail.ru" receives a delivery status notification for "student@rosnou.ru"
    And "ivan@mail.ru" receives a delay notification for "student@rosnou.ru"
    And the queue of "mail.ru" holds 1 message

  Scenario: After 2 days the message expires and comes back
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Lost"
    And 2 days pass
    Then "ivan@mail.ru" receives a non-delivery report for "student@rosnou.ru"
    And the mailbox "ivan@mail.ru" contains 2 messages
    And the queue of "mail.ru" holds 0 messages

  Scenario: A domain that does not exist is reported at once
    When "ivan@mail.ru" sends a message to "nobody@nowhere.example" with subject "Into the void"
    Then "ivan@mail.ru" receives a non-delivery report for "nobody@nowhere.example"
    And the queue of "mail.ru" holds 0 messages

  Scenario: Retry intervals are a setting of the virtual server
    Given on "mail.ru" the virtual server "Default SMTP Virtual Server" has "retryIntervalsMinutes" set to "5, 10"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Quick retry"
    And "rosnou.ru" becomes reachable
    And 5 minutes pass
    Then the mailbox "student@rosnou.ru" contains 1 message

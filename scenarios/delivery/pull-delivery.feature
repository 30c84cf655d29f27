Feature: Push and pull: SMTP pushes the message to rosnou.ru, the student's client pulls it with POP3
  SMTP pushes mail from server to server as soon as it can; the last hop is pulled: the
  recipient's mail client logs on to the POP3 service when it likes and retrieves what has
  arrived. Until then the message waits in the mailbox; a client that leaves its messages on the
  server gets them again, one that deletes them empties the mailbox.

  Background:
    Given the default topology

  Scenario: The message is pushed at once and pulled later
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Pushed, then pulled"
    Then the message "Pushed, then pulled" travelled through "mail.ru", "rosnou.ru"
    And the mailbox "student@rosnou.ru" contains 1 message
    When 3 hours pass
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then "student@rosnou.ru" retrieves 1 message over POP3
    And the message "Pushed, then pulled" was retrieved over POP3 by "student@rosnou.ru"

  Scenario: Messages left on the server are retrieved again; deleted ones are gone
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "First"
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Second"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then "student@rosnou.ru" retrieves 2 messages over POP3
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru" and deletes them
    Then "student@rosnou.ru" retrieves 2 messages over POP3 and deletes them
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then "student@rosnou.ru" retrieves 0 messages over POP3
    And the mailbox "student@rosnou.ru" contains 0 messages

  Scenario: Pull needs no route to the client: rosnou.ru keeps the mail while mail.ru is down
    Given "mail.ru" is unreachable
    When "someone@example.com" sends a message to "student@rosnou.ru" with subject "Kept"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then "student@rosnou.ru" retrieves 1 message over POP3

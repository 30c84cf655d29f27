Feature: Pull delivery: POP3 downloads the mail, IMAP works on it where it is
  The lecture's pull-delivery slides: the last hop is pulled by the recipient's mail client.
  POP3 (RFC 1939) sees one maildrop and usually downloads and deletes; IMAP (RFC 9051) keeps the
  mail on the server in folders, with flags, so several clients see the same state. IMAP is
  MailLab's own here: Windows Server 2003's POP3 service had none.

  Background:
    Given the default topology
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Lecture notes"

  Scenario: POP3 downloads and deletes: the mailbox is empty afterwards
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru" and deletes them
    Then "student@rosnou.ru" retrieves 1 message over POP3 and deletes them
    And the folder "INBOX" of "student@rosnou.ru" contains 0 messages

  Scenario: IMAP reads on the server: the message stays, marked as seen
    When "student@rosnou.ru" reads the mailbox over IMAP
    Then "student@rosnou.ru" reads 1 message over IMAP
    And the folder "INBOX" of "student@rosnou.ru" contains 1 message
    And the message "Lecture notes" in the folder "INBOX" of "student@rosnou.ru" has the flag "\Seen"

  Scenario: Folders live on the server: a message moved over IMAP is gone from the POP3 maildrop
    When "student@rosnou.ru" moves the message "Lecture notes" to "Archive"
    Then the folder "Archive" of "student@rosnou.ru" contains 1 message
    And the folder "INBOX" of "student@rosnou.ru" contains 0 messages
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then "student@rosnou.ru" retrieves 0 messages over POP3

  Scenario: A new message is unseen until a client reads it
    Then the message "Lecture notes" in the folder "INBOX" of "student@rosnou.ru" does not have the flag "\Seen"
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then the message "Lecture notes" in the folder "INBOX" of "student@rosnou.ru" does not have the flag "\Seen"

Feature: The maildrop lock and the autologout timer
  RFC 1939 gives a POP3 session an exclusive lock on its maildrop: while it is open, another
  session of the same user gets -ERR [IN-USE] (RFC 2449). The lock goes when the session quits
  or when the autologout timer (10 minutes of silence) closes it; a session that ends without
  QUIT deletes nothing.

  Background:
    Given the default topology
    And the POP3 mailbox "petr@rosnou.ru" with password "Secret1"
    And "ivan@mail.ru" sends a message to "petr@rosnou.ru" with subject "Locked in"

  Scenario: A second session meets the lock until the first one quits
    Given "petr@rosnou.ru" with password "Secret1" stays logged on over POP3 to "rosnou.ru"
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [IN-USE]"
    When the open POP3 session of "petr@rosnou.ru" quits
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

  Scenario: The autologout timer frees the lock after 10 minutes of silence
    Given "petr@rosnou.ru" with password "Secret1" stays logged on over POP3 to "rosnou.ru"
    When 9 minutes pass
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [IN-USE]"
    When 2 minutes pass
    And "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then "petr@rosnou.ru" retrieves 1 message over POP3

  Scenario: A typed session sees the lock too
    Given "petr@rosnou.ru" with password "Secret1" stays logged on over POP3 to "rosnou.ru"
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      USER petr@rosnou.ru
      PASS Secret1
      QUIT
      """
    Then the server replies:
      """
      +OK rosnou.ru POP3 server ready
      +OK send PASS
      -ERR [IN-USE]
      +OK rosnou.ru POP3 server signing off
      """

  Scenario: A session closed by the autologout timer deletes nothing
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      USER petr@rosnou.ru
      PASS Secret1
      DELE 1
      (wait 11 minutes)
      QUIT
      """
    Then the server replies:
      """
      +OK
      +OK
      +OK maildrop has 1 message
      +OK message 1 deleted
      """
    And the mailbox "petr@rosnou.ru" contains 1 message

  Scenario: Deletions happen at QUIT
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      USER petr@rosnou.ru
      PASS Secret1
      DELE 1
      QUIT
      """
    Then the server replies:
      """
      +OK
      +OK
      +OK
      +OK message 1 deleted
      +OK rosnou.ru POP3 server signing off (maildrop empty)
      """
    And the mailbox "petr@rosnou.ru" contains 0 messages

Feature: Typing POP3 by hand
  A student's telnet session with the POP3 service (RFC 1939): the AUTHORIZATION state (USER,
  PASS), the TRANSACTION state (STAT, LIST, UIDL, TOP, RETR, DELE, RSET, NOOP) and QUIT. A
  multi-line response (CAPA, LIST, UIDL, TOP, RETR) counts as one reply.

  Background:
    Given the default topology
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Read me"

  Scenario: A whole session, command by command
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      CAPA
      USER student@rosnou.ru
      PASS student123
      STAT
      LIST
      UIDL
      TOP 1 0
      RETR 1
      DELE 1
      RSET
      NOOP
      QUIT
      """
    Then the server replies:
      """
      +OK rosnou.ru POP3 server ready
      +OK Capability list follows
      +OK send PASS
      +OK maildrop has 1 message
      +OK 1
      +OK 1 message
      +OK
      +OK
      +OK
      +OK message 1 deleted
      +OK maildrop has 1 message
      +OK
      +OK rosnou.ru POP3 server signing off (1 message left)
      """
    And the mailbox "student@rosnou.ru" contains 1 message

  Scenario: Commands in the wrong state and unknown commands get -ERR
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      STAT
      PASS student123
      FROB
      USER student@rosnou.ru
      PASS student123
      USER student@rosnou.ru
      RETR 7
      QUIT
      """
    Then the server replies:
      """
      +OK
      -ERR
      -ERR
      -ERR unknown command
      +OK
      +OK
      -ERR
      -ERR
      +OK
      """

  Scenario: The message is fetched, and its last hop is the mail client's
    When a client connects to POP3 on "rosnou.ru" and sends:
      """
      USER student@rosnou.ru
      PASS student123
      RETR 1
      QUIT
      """
    Then the server replies:
      """
      +OK
      +OK
      +OK
      +OK
      +OK
      """
    And the message "Read me" was retrieved over POP3 by "student@rosnou.ru"
    And the message "Read me" travelled through "mail.ru", "rosnou.ru"

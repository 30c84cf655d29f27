Feature: Typed SMTP dialogues: waiting and BDAT chunks
  A typed dialogue may let time pass without sending anything, "(wait N minutes)", so the
  virtual server's connection time-out (10 minutes by default) closes the session with
  421 4.4.2; and it may send message content in BDAT chunks (RFC 3030 CHUNKING) instead of DATA.

  Background:
    Given the default topology

  Scenario: A silent client is disconnected after the connection time-out
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      (wait 11 minutes)
      MAIL FROM:<ivan@mail.ru>
      """
    Then the server replies:
      """
      220
      250
      421 4.4.2
      """

  Scenario: A client that speaks before the time-out keeps its session
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      (wait 9 minutes)
      NOOP
      (wait 9 minutes)
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250 2.0.0
      221
      """

  Scenario Outline: The time-out is a setting: <minutes> minute(s)
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "connectionTimeoutMinutes" set to "<minutes>"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      (wait <wait> minutes)
      QUIT
      """
    Then the server replies:
      """
      220
      250
      <last>
      """

    Examples:
      | minutes | wait | last      |
      | 1       | 2    | 421 4.4.2 |
      | 30      | 20   | 221       |

  Scenario: One BDAT LAST chunk carries the whole message
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      BDAT 27 LAST
      Subject: Chunked

      Hello
      QUIT
      """
    Then the server replies:
      """
      220
      250 CHUNKING
      250 2.1.0
      250 2.1.5
      250 2.6.0
      221
      """
    And the mailbox "student@rosnou.ru" contains a message with subject "Chunked"

  Scenario: Two chunks, the last one marked LAST
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      BDAT 23
      Subject: Two chunks

      BDAT 7 LAST
      Second
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250
      250
      250 2.0.0
      250 2.6.0
      221
      """
    And the mailbox "student@rosnou.ru" contains a message with subject "Two chunks"

  Scenario: DATA cannot follow BDAT in one transaction
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      BDAT 10
      Subject: x
      DATA
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250
      250
      250
      503 5.5.1
      221
      """

  Scenario: A client that stalls in the middle of a message is cut off, and nothing is delivered
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      DATA
      Subject: Never finished

      (wait 10 minutes)
      .
      """
    Then the server replies:
      """
      220
      250
      250
      250
      354
      421 4.4.2
      """
    And the mailbox "student@rosnou.ru" contains 0 messages

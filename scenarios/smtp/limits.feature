Feature: Message limits of a virtual server
  IIS 6 limits messages to 2,048 KB (advertised with SIZE, refused with 552 5.3.4) and to 100
  recipients (452 4.5.3 for each one past the limit). Both are settings of the virtual server.

  Background:
    Given the default topology

  Scenario: The size limit is advertised with SIZE and enforced on MAIL FROM
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxMessageSizeKb" set to "1"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru> SIZE=5000
      MAIL FROM:<ivan@mail.ru> SIZE=500
      QUIT
      """
    Then the server replies:
      """
      220
      250 SIZE 1024
      552 5.3.4
      250 2.1.0
      221
      """

  Scenario: The default size limit is 2,048 KB
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      QUIT
      """
    Then the server replies:
      """
      220
      250 SIZE 2097152
      221
      """

  Scenario Outline: Recipients past the limit get 452 4.5.3
    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has "maxRecipientsPerMessage" set to "<limit>"
    When a client connects to SMTP on "rosnou.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<a@rosnou.ru>
      RCPT TO:<b@rosnou.ru>
      RCPT TO:<c@rosnou.ru>
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250 2.1.0
      <first>
      <second>
      <third>
      221
      """

    Examples:
      | limit | first | second    | third     |
      | 1     | 250   | 452 4.5.3 | 452 4.5.3 |
      | 2     | 250   | 250       | 452 4.5.3 |
      | 3     | 250   | 250       | 250       |

  Scenario: A message over the size limit is refused
    Given on "mail.ru" the virtual server "Default SMTP Virtual Server" has "maxMessageSizeKb" set to "1"
    When a client connects to SMTP on "mail.ru" and sends:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<ivan@mail.ru>
      DATA
      Subject: too big

      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789
      .
      QUIT
      """
    Then the server replies:
      """
      220
      250
      250
      250
      354
      552 5.3.4
      221
      """
    And the mailbox "ivan@mail.ru" contains 0 messages

Feature: The Pickup, Drop and BadMail folders
  A virtual server's home directory (C:\Inetpub\mailroot) has Pickup (an RFC 822 file placed
  there is sent), Drop (mail for local recipients without a mailbox, in a domain without POP3), Queue, and BadMail (mail
  that can be neither delivered nor returned, kept as a .BAD file with a .BDR reason file).

  Background:
    Given the default topology

  Scenario: A file placed in Pickup is sent
    When a file is placed in the Pickup folder of "mail.ru" with:
      """
      From: ivan@mail.ru
      To: student@rosnou.ru
      Subject: Dropped in Pickup

      Sent without any SMTP client.
      """
    Then the mailbox "student@rosnou.ru" contains a message with subject "Dropped in Pickup"
    And the message "Dropped in Pickup" travelled through "mail.ru", "rosnou.ru"

  Scenario: A Pickup file without recipients goes to BadMail
    When a file is placed in the Pickup folder of "mail.ru" with:
      """
      From: ivan@mail.ru
      Subject: Nobody to send to

      No To, Cc or Bcc.
      """
    Then the BadMail folder of "mail.ru" holds 2 files

  Scenario: Mail for local users without a mailbox waits in Drop
    A local domain that is not a POP3 domain: IIS keeps one Drop folder for all its users.

    Given on "rosnou.ru" the virtual server "Default SMTP Virtual Server" has the alias domain "rosnou.edu"
    When "someone@example.com" sends a message to "dean@rosnou.edu" with subject "Drop it"
    Then the Drop folder of "rosnou.ru" holds 1 file

  Scenario: A bounce that cannot be delivered ends in BadMail
    A message with the null sender <> (a bounce itself) that cannot be delivered cannot be
    returned either: IIS keeps it in BadMail as a .BAD file and a .BDR file with the reason.

    When a client connects to SMTP on "mail.ru" and sends:
      """
      EHLO client.example
      AUTH PLAIN AGl2YW5AbWFpbC5ydQBpdmFuMTIz
      MAIL FROM:<>
      RCPT TO:<nobody@nowhere.example>
      DATA
      Subject: A bounce going nowhere

      Undeliverable and unreturnable.
      .
      QUIT
      """
    Then the server replies:
      """
      220
      250
      235
      250
      250
      354
      250 2.6.0
      221
      """
    And the BadMail folder of "mail.ru" holds 2 files
    And the queue of "mail.ru" holds 0 messages

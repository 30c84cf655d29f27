Feature: Typing IMAP by hand
  A student's telnet session with the IMAP service (RFC 9051): every command has a tag, the
  server answers with untagged lines (*) and a tagged completion (OK, NO, BAD) carrying the same tag.

  Background:
    Given the default topology
    And "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Read me"

  Scenario: Log in, look at INBOX, read the message, log out
    When a client connects to IMAP on "rosnou.ru" and sends:
      """
      a1 CAPABILITY
      a2 LOGIN student@rosnou.ru student123
      a3 SELECT INBOX
      a4 FETCH 1 (FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])
      a5 STORE 1 +FLAGS (\Flagged)
      a6 LOGOUT
      """
    Then the server replies:
      """
      * OK [CAPABILITY
      * CAPABILITY IMAP4rev2
      a1 OK
      a2 OK
      * 1 EXISTS
      a3 OK [READ-WRITE]
      * 1 FETCH
      a4 OK
      a5 OK
      * BYE
      a6 OK
      """
    And the message "Read me" in the folder "INBOX" of "student@rosnou.ru" has the flag "\Flagged"

  Scenario: A wrong password and a command in the wrong state
    When a client connects to IMAP on "rosnou.ru" and sends:
      """
      a1 SELECT INBOX
      a2 LOGIN student@rosnou.ru wrong
      a3 LOGOUT
      """
    Then the server replies:
      """
      * OK
      a1 BAD
      a2 NO [AUTHENTICATIONFAILED]
      * BYE
      a3 OK
      """

  Scenario: Append a draft with a literal
    When a client connects to IMAP on "rosnou.ru" and sends:
      """
      a1 LOGIN student@rosnou.ru student123
      a2 APPEND Drafts (\Draft) {22}
      Subject: Draft one

      a3 LOGOUT
      """
    Then the server replies:
      """
      * OK
      a1 OK
      +
      a2 OK [APPENDUID
      * BYE
      a3 OK
      """
    And the folder "Drafts" of "student@rosnou.ru" contains 1 message

  Scenario: The autologout timer closes a silent session after 30 minutes
    When a client connects to IMAP on "rosnou.ru" and sends:
      """
      a1 LOGIN student@rosnou.ru student123
      (wait 31 minutes)
      """
    Then the server replies:
      """
      * OK
      a1 OK
      * BYE Autologout
      """

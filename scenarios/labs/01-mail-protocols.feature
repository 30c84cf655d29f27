@lab-01-mail-protocols
Feature: Lab 01-mail-protocols: E-mail: SMTP, POP3 and IMAP
  The solution of courseware/labs/01-mail-protocols (slides 1, 2): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Первое письмо"
    And "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    And "student@rosnou.ru" reads the mailbox over IMAP
    Then the mailbox "student@rosnou.ru" contains a message with subject "Первое письмо"
    And the message "Первое письмо" was retrieved over POP3 by "student@rosnou.ru"
    And the message "Первое письмо" in the folder "INBOX" of "student@rosnou.ru" has the flag "\Seen"

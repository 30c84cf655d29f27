@lab-14-home-directory
Feature: Lab 14-home-directory: The home directory: Pickup, Queue, Badmail
  The solution of courseware/labs/14-home-directory (slide 14): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When a file is placed in the Pickup folder of "mail.ru" with:
      """
      From: ivan@mail.ru
      To: student@rosnou.ru
      Subject: Из Pickup
      
      Отправлено без SMTP-клиента.
      """
    And a file is placed in the Pickup folder of "mail.ru" with:
      """
      From: ivan@mail.ru
      Subject: Никому
      
      Без получателей.
      """
    Then the mailbox "student@rosnou.ru" contains a message with subject "Из Pickup"
    And the BadMail folder of "mail.ru" holds 2 files

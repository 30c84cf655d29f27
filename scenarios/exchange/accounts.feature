Feature: Exchange 2003 recipients: proxy addresses, distribution groups, contacts and delivery restrictions
  The lecture's slide "Управление учетными записями": Exchange's categorizer resolves every recipient
  against Active Directory before the store. The recipient policy gives each user SMTP:alias@rosnou.ru
  and a secondary smtp:given.surname@rosnou.ru, and every address reaches the mailbox; the
  distribution group "students" expands to its members; a contact relays to its external address.
  Per-user delivery restrictions and options (ADUC, Exchange General tab) and Exchange Features are
  enforced, each refusal an NDR with Exchange's code (docs/EXCHANGE-2003.md).

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: The policy's secondary address reaches the mailbox
    Then on "rosnou.ru" the recipient "student@rosnou.ru" has the e-mail address "SMTP:student@rosnou.ru"
    And on "rosnou.ru" the recipient "student@rosnou.ru" has the e-mail address "smtp:petr.sidorov@rosnou.ru"
    When "ivan@mail.ru" sends a message to "petr.sidorov@rosnou.ru" with subject "To the proxy"
    Then the mailbox "student@rosnou.ru" contains a message with subject "To the proxy"

  Scenario: A distribution group expands to its members, each once
    Given the distribution group "students" on "rosnou.ru" has the members "student", "teacher"
    When "ivan@mail.ru" sends a message to "students@rosnou.ru, student@rosnou.ru" with subject "Timetable"
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the mailbox "teacher@rosnou.ru" contains 1 message

  Scenario: A contact's address in the organisation relays to its external address
    When "teacher@rosnou.ru" sends a message to "ivan.mailru@rosnou.ru" with subject "Via the contact"
    Then the mailbox "ivan@mail.ru" contains a message with subject "Via the contact"
    And the message "Via the contact" travelled through "rosnou.ru", "mail.ru"

  Scenario: A receiving size limit returns larger mail with 5.2.3
    Given on "rosnou.ru" the user "student@rosnou.ru" has "maxReceivingSizeKb" set to "1"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "A long letter that is padded so that its header alone exceeds one kilobyte once Received headers are added by every hop it crosses on its way from mail.ru to rosnou.ru and beyond into the mailbox of the student, which it never reaches because the administrator set a receiving limit of one kilobyte on the Exchange General tab of the user in Active Directory Users and Computers, so the categorizer sends it back with a non-delivery report instead, with the status code five two three and the text Exchange uses for messages larger than the current system limit, as the knowledge base article three two two six seven nine quotes it, padded further still to be sure"
    Then the mailbox "student@rosnou.ru" contains 0 messages
    And "ivan@mail.ru" receives a non-delivery report for "student@rosnou.ru"

  Scenario: Accept messages only from a group refuses other senders with 5.7.1
    Given on "rosnou.ru" the user "teacher@rosnou.ru" has "acceptMessagesFrom" set to "students"
    When "ivan@mail.ru" sends a message to "teacher@rosnou.ru" with subject "From outside"
    And "student@rosnou.ru" sends a message to "teacher@rosnou.ru" with subject "From a student"
    Then the mailbox "teacher@rosnou.ru" contains 1 message
    And the mailbox "teacher@rosnou.ru" contains a message with subject "From a student"
    And "ivan@mail.ru" receives a non-delivery report for "teacher@rosnou.ru"

  Scenario: A forwarding address with delivery to both keeps a copy in the mailbox
    Given on "rosnou.ru" the user "student@rosnou.ru" has "forwardingAddress" set to "teacher"
    And on "rosnou.ru" the user "student@rosnou.ru" has "deliverToBoth" set to "true"
    When "ivan@mail.ru" sends a message to "student@rosnou.ru" with subject "Forwarded"
    Then the mailbox "student@rosnou.ru" contains 1 message
    And the mailbox "teacher@rosnou.ru" contains a message with subject "Forwarded"

  Scenario: A recipient limit counts the group's members
    Given the distribution group "students" on "rosnou.ru" has the members "student", "teacher"
    And on "rosnou.ru" the user "student@rosnou.ru" has "maxRecipients" set to "1"
    When "student@rosnou.ru" sends a message to "students@rosnou.ru" with subject "To everyone"
    Then the mailbox "teacher@rosnou.ru" contains 0 messages
    And "student@rosnou.ru" receives a non-delivery report for "teacher@rosnou.ru"

Feature: Managing Exchange recipients in Active Directory Users and Computers
  The lecture's slide "Управление учетными записями через Active Directory": the administrator
  gives users addresses (the E-mail Addresses tab), makes contacts and distribution groups, and runs
  Exchange Tasks (Establish E-mail Addresses, Configure Exchange Features) with `maillab ad`, which
  the CLI runs over the REST API and a scenario runs in process.

  Background:
    Given the topology "scenarios/topologies/exchange-rosnou.yaml"

  Scenario: A new secondary address receives at once
    When the administrator runs "maillab ad user addresses teacher --add smtp:a.ivanova@rosnou.ru --host rosnou.ru"
    Then the command output is:
      """
      teacher [user] (teacher@rosnou.ru): SMTP:teacher@rosnou.ru, smtp:anna.ivanova@rosnou.ru, smtp:a.ivanova@rosnou.ru
      alias: teacher
      display name: Anna Ivanova
      maxSendingSizeKb = null
      maxReceivingSizeKb = null
      acceptMessagesFrom = 
      rejectMessagesFrom = 
      forwardingAddress = null
      deliverToBoth = false
      maxRecipients = null
      pop3 = enabled
      imap4 = enabled
      owa = enabled
      simpleDisplayName = null
      hideFromAddressLists = false
      customAttribute1 = null
      customAttribute2 = null
      customAttribute3 = null
      customAttribute4 = null
      customAttribute5 = null
      customAttribute6 = null
      customAttribute7 = null
      customAttribute8 = null
      customAttribute9 = null
      customAttribute10 = null
      customAttribute11 = null
      customAttribute12 = null
      customAttribute13 = null
      customAttribute14 = null
      customAttribute15 = null
      """
    When "ivan@mail.ru" sends a message to "a.ivanova@rosnou.ru" with subject "New address"
    Then the mailbox "teacher@rosnou.ru" contains a message with subject "New address"

  Scenario: A group made with maillab ad gets mail for its members
    When the administrator runs "maillab ad group create staff --members teacher --host rosnou.ru"
    And the administrator runs "maillab ad group add-member staff students --host rosnou.ru"
    And the administrator runs "maillab ad group show staff --host rosnou.ru"
    Then the command output is:
      """
      staff [group]: SMTP:staff@rosnou.ru; members: teacher@rosnou.ru, students
      alias: staff
      display name: staff
      """
    When "ivan@mail.ru" sends a message to "staff@rosnou.ru" with subject "Staff meeting"
    Then the mailbox "teacher@rosnou.ru" contains 1 message
    And the mailbox "student@rosnou.ru" contains 1 message

  Scenario: Establish E-mail Addresses sends a user's mail to its external address
    When the administrator runs "maillab ad user establish teacher ivan@mail.ru --host rosnou.ru"
    Then the command succeeds
    When "student@rosnou.ru" sends a message to "teacher@rosnou.ru" with subject "Elsewhere"
    Then the mailbox "ivan@mail.ru" contains a message with subject "Elsewhere"
    And the mailbox "teacher@rosnou.ru" contains 0 messages

  Scenario: Configure Exchange Features disables POP3 for one user, whose logon is then refused
    When the administrator runs "maillab ad user features student --pop3 disabled --host rosnou.ru"
    Then the command output is:
      """
      pop3 = disabled
      imap4 = enabled
      owa = enabled
      """
    When "student@rosnou.ru" with password "student123" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "student@rosnou.ru" is refused with "-ERR [AUTH] POP3 is disabled for student@rosnou.ru"
    When "teacher@rosnou.ru" with password "teacher123" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "teacher@rosnou.ru" succeeds

  Scenario: An unknown setting names the valid ones
    When the administrator runs "maillab ad user set student maxSize 10 --host rosnou.ru"
    Then the command fails

Feature: winpop, the Windows Server 2003 POP3 command-line tool
  winpop add, delete, list, lock, unlock, stat, changepwd, createquotafile, get, set and help,
  with short, stable output like a Windows tool's; a refusal exits non-zero with a one-line
  reason, bad syntax with the usage text.

  Background:
    Given the default topology

  Scenario: Domains and mailboxes are added, listed and deleted
    When the administrator runs "winpop add petr@rosnou.ru /createuser Secret1"
    And the administrator runs "winpop list"
    Then the command output is:
      """
      Domains:
        rosnou.ru
      1 domain(s)
      """
    When the administrator runs "winpop list rosnou.ru"
    Then the command output is:
      """
      Mailboxes in domain rosnou.ru:
        petr
        student
      2 mailbox(es)
      """
    When the administrator runs "winpop delete petr@rosnou.ru /deleteuser"
    Then the command output is:
      """
      Deleted mailbox petr@rosnou.ru and its user.
      """
    When the administrator runs "winpop delete rosnou.ru"
    Then the command output is:
      """
      Deleted domain rosnou.ru with its mailboxes.
      """
    When the administrator runs "winpop list"
    Then the command output is:
      """
      Domains:
      0 domain(s)
      """

  Scenario: A changed password is the one that logs on
    Given the POP3 mailbox "petr@rosnou.ru" with password "Secret1"
    When the administrator runs "winpop changepwd petr@rosnou.ru Secret2"
    Then the command output is:
      """
      Changed the password of petr@rosnou.ru.
      """
    When "petr@rosnou.ru" with password "Secret1" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" is refused with "-ERR [AUTH]"
    When "petr@rosnou.ru" with password "Secret2" retrieves mail over POP3 from "rosnou.ru"
    Then the POP3 logon of "petr@rosnou.ru" succeeds

  Scenario: Settings are read and written with get and set
    When the administrator runs "winpop get mailroot"
    Then the command output is:
      """
      mailroot: C:\Inetpub\mailroot\Mailbox
      """
    When the administrator runs "winpop get socket"
    Then the command output is:
      """
      socket: min 10, max 50
      """
    When the administrator runs "winpop set logging 3"
    Then the command output is:
      """
      logging set to 3.
      """
    When the administrator runs "winpop get sparequired"
    Then the command output is:
      """
      sparequired: 0
      """

  Scenario: createquotafile writes a quota file for the mailbox's user
    When the administrator runs "winpop createquotafile student@rosnou.ru"
    Then the command output is:
      """
      Created the quota file of student@rosnou.ru for user student: limit 10485760 bytes, 0 used.
      """

  Scenario Outline: A refusal exits non-zero with a one-line reason: <case>
    When the administrator runs "<command>"
    Then the command fails
    And the command output is:
      """
      <reason>
      """

    Examples:
      | case              | command                                     | reason                                          |
      | duplicate domain  | winpop add rosnou.ru                        | winpop: The domain rosnou.ru already exists.    |
      | unknown domain    | winpop list nowhere.ru --host rosnou.ru     | winpop: The domain nowhere.ru does not exist.   |
      | duplicate mailbox | winpop add student@rosnou.ru /createuser x1 | winpop: The mailbox student@rosnou.ru already exists. |
      | path in a name    | winpop add ../x@rosnou.ru /createuser x1    | winpop: A mailbox name cannot contain / \ : * ? " < > \| or control characters. |
      | only dots         | winpop add ..@rosnou.ru /createuser x1      | winpop: A mailbox name cannot consist only of dots or spaces. |

  Scenario: An unknown command prints the usage
    When the administrator runs "winpop frobnicate"
    Then the command fails
    When the administrator runs "winpop help"
    Then the command succeeds

@lab-06-unix-mail-servers
Feature: Lab 06-unix-mail-servers: UNIX mail servers: mail.ru hands mail to a real Postfix
  The solution of courseware/labs/06-unix-mail-servers (slide 6): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp domain add debian.lab remote --smart-host [127.0.0.1] --outbound-port 25 --host mail.ru"
    And "ivan@mail.ru" sends a message to "petr@debian.lab" with subject "Привет, Postfix"
    Then on "mail.ru" the virtual server "Default SMTP Virtual Server" has the remote domain "debian.lab" with the smart host "[127.0.0.1]"
    And the message "Привет, Postfix" travelled through "mail.ru"

@lab-06-unix-mail-servers
Feature: Lab 06-unix-mail-servers: UNIX mail servers: mail.ru hands mail to a real Postfix
  The solution of courseware/labs/06-unix-mail-servers (slide 6): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim. Postfix's smtp-sink
  (scripts/test.sh installs postfix) stands for the student's Postfix on 127.0.0.1 port 2725.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    And Postfix's smtp-sink listens on 127.0.0.1 port 2725
    When the administrator runs "maillab smtp domain add debian.lab remote --smart-host [127.0.0.1] --outbound-port 2725 --host mail.ru"
    And "ivan@mail.ru" sends a message to "petr@debian.lab" with subject "Привет, Postfix"
    Then on "mail.ru" the virtual server "Default SMTP Virtual Server" has the remote domain "debian.lab" with the smart host "[127.0.0.1]"
    And the message "Привет, Postfix" was relayed by "mail.ru" to a server outside MailLab

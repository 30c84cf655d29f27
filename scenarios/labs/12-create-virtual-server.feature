@lab-12-create-virtual-server
Feature: Lab 12-create-virtual-server: The New SMTP Virtual Server wizard
  The solution of courseware/labs/12-create-virtual-server (slides 12, 13): its Given/When steps
  play a correct solution, its Thens are the lab's checks, in order, verbatim.

  Scenario: A correct solution passes every check
    Given the topology "mailru-rosnou.yaml"
    When the administrator runs "maillab smtp vs create "Учебный SMTP" --port 2527 --home-directory C:\Inetpub\mailroot2 --default-domain lab.rosnou.ru --host rosnou.ru"
    Then on "rosnou.ru" there is the virtual server "Учебный SMTP"
    And on "rosnou.ru" the home directory of the virtual server "Учебный SMTP" is "C:\Inetpub\mailroot2"
    And on "rosnou.ru" the default domain of the virtual server "Учебный SMTP" is "lab.rosnou.ru"
    And the virtual server "Учебный SMTP" on "rosnou.ru" is running

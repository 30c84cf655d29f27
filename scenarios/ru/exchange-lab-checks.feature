# language: ru
Функция: Проверки лабораторных по Exchange
  Слайды 28–35: проверки, которыми лабораторные courseware/labs/28-… — 35-… оценивают работу студента,
  в русской формулировке — тип запуска службы, вкладка «Ограничения» хранилища, хранилище ящика,
  параметр пользователя, участники группы и время последнего входа. Они только читают мир.

  Сценарий: Тип запуска службы задают и проверяют
    Допустим топология "scenarios/topologies/exchange-rosnou.yaml"
    Тогда служба Exchange "Microsoft Exchange POP3" на "rosnou.ru" имеет тип запуска авто
    Когда служба Exchange "Microsoft Exchange POP3" на "rosnou.ru" имеет тип запуска отключена
    Тогда служба Exchange "POP3Svc" на "rosnou.ru" имеет тип запуска отключена
    И служба Exchange "Microsoft Exchange Event" на "rosnou.ru" имеет тип запуска вручную

  Сценарий: Ограничения хранилища и пользователя, группа и вход в ящик
    Допустим топология "scenarios/topologies/exchange-rosnou.yaml"
    И группа рассылки "staff" на "rosnou.ru" содержит участников "teacher", "students"
    Когда на "rosnou.ru" у хранилища "Mailbox Store (ROSNOU)" параметр "keepDeletedItemsDays" равен "14"
    И на "rosnou.ru" у пользователя "teacher@rosnou.ru" параметр "issueWarningKb" равен "500"
    И "student@rosnou.ru" с паролем "student123" читает почтовый ящик по IMAP
    Тогда на "rosnou.ru" у хранилища "Mailbox Store (ROSNOU)" параметр "keepDeletedItemsDays" равен "14"
    И на "rosnou.ru" у пользователя "teacher@rosnou.ru" параметр "issueWarningKb" равен "500"
    И на "rosnou.ru" у пользователя "teacher" параметр "useStoreDefaults" равен "false"
    И на "rosnou.ru" у пользователя "student@rosnou.ru" параметр "pop3" равен "enabled"
    И группа рассылки "staff" на "rosnou.ru" содержит участника "teacher@rosnou.ru"
    И на "rosnou.ru" у почтового ящика "student@rosnou.ru" есть время последнего входа

  Сценарий: Ящик переезжает в другое хранилище
    Допустим топология "courseware/labs/33-mailbox-management/topology.yaml"
    Тогда почтовый ящик "teacher@rosnou.ru" на "rosnou.ru" находится в хранилище "Mailbox Store (ROSNOU)"
    Когда администратор выполняет "maillab exchange move-mailbox teacher@rosnou.ru --to 'Mailbox Store 2' --host rosnou.ru"
    Тогда почтовый ящик "teacher@rosnou.ru" на "rosnou.ru" находится в хранилище "Mailbox Store 2"

  Сценарий: Удалённый ящик остаётся отключённым, и его подключают заново
    Допустим топология "scenarios/topologies/exchange-rosnou.yaml"
    Когда администратор выполняет "maillab exchange delete-mailbox student@rosnou.ru --host rosnou.ru"
    Тогда в хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" отключенных почтовых ящиков: 1
    Когда отключенный почтовый ящик "student@rosnou.ru" в хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" подключен заново к "student@rosnou.ru"
    Тогда в хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" отключенных почтовых ящиков: 0
    И почтовый ящик "student@rosnou.ru" на "rosnou.ru" находится в хранилище "Mailbox Store (ROSNOU)"

# language: ru
Функция: Служба POP3 Windows Server 2003
  Лабораторная работа лекции: домен rosnou.ru с ящиком student уже есть, администратор создаёт почтовый ящик командой winpop,
  письмо Ивана приходит по SMTP, почтовый клиент Петра забирает его по POP3, winpop stat
  показывает счётчики, а заблокированный ящик продолжает получать почту, но его владелец не
  может войти.

  Предыстория:
    Допустим топология по умолчанию
    Когда администратор выполняет "winpop add petr@rosnou.ru /createuser Secret1"
    Тогда команда выводит:
      """
      Added mailbox petr@rosnou.ru and created its user.
      """

  Сценарий: Пётр забирает письмо Ивана по POP3
    Когда "ivan@mail.ru" отправляет письмо "petr@rosnou.ru" с темой "Лабораторная 1"
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда "petr@rosnou.ru" получает 1 письмо по POP3
    И письмо "Лабораторная 1" прошло через "mail.ru", "rosnou.ru"
    И письмо "Лабораторная 1" забрано по POP3 пользователем "petr@rosnou.ru"
    Когда администратор выполняет "winpop stat rosnou.ru"
    Тогда команда выводит:
      """
      Domain rosnou.ru: 2 mailbox(es), 1 message(s), 547 bytes
        petr                      1 message(s)        547 bytes
        student                   0 message(s)          0 bytes
      """

  Сценарий: Заблокированный ящик получает почту, но войти нельзя
    Когда администратор выполняет "winpop lock petr@rosnou.ru"
    И "ivan@mail.ru" отправляет письмо "petr@rosnou.ru" с темой "Пока заблокирован"
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда вход "petr@rosnou.ru" по POP3 отклонён с ответом "-ERR [AUTH]"
    И почтовый ящик "petr@rosnou.ru" содержит 1 письмо
    Когда администратор выполняет "winpop unlock petr@rosnou.ru"
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru" и удаляет её
    Тогда "petr@rosnou.ru" получает 1 письмо по POP3 и удаляет его
    И почтовый ящик "petr@rosnou.ru" содержит 0 писем

  Сценарий: Второй сеанс получает [IN-USE], пока открыт первый
    Допустим "petr@rosnou.ru" с паролем "Secret1" остаётся в сеансе POP3 на "rosnou.ru"
    Когда "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда вход "petr@rosnou.ru" по POP3 отклонён с ответом "-ERR [IN-USE]"
    Когда проходят 10 минут
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда вход "petr@rosnou.ru" по POP3 выполнен

  Сценарий: Безопасная проверка пароля (SPA)
    Допустим POP3 на "rosnou.ru" требует безопасную проверку пароля
    Когда "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда вход "petr@rosnou.ru" по POP3 отклонён с ответом "-ERR [AUTH]"
    Когда "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru" через "CRAM-MD5"
    Тогда вход "petr@rosnou.ru" по POP3 выполнен

  Сценарий: Сеанс POP3 вручную
    Когда "ivan@mail.ru" отправляет письмо "petr@rosnou.ru" с темой "Вручную"
    И клиент подключается к POP3 на "rosnou.ru" и отправляет:
      """
      USER petr@rosnou.ru
      PASS Secret1
      STAT
      LIST
      QUIT
      """
    Тогда сервер отвечает:
      """
      +OK rosnou.ru POP3 server ready
      +OK send PASS
      +OK maildrop has 1 message
      +OK 1
      +OK 1 message
      +OK rosnou.ru POP3 server signing off
      """

  Сценарий: Метод проверки подлинности меняется только без доменов
    Когда администратор выполняет "winpop set authentication 3"
    Тогда команда завершается с ошибкой

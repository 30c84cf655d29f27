# language: ru
Функция: Все русские формулировки шагов из scenarios/STEPS.md
  Русские эквиваленты формулировок задачи 5, ровно как они написаны в справочнике шагов, с
  вариантами (числа и падежи, глаголы времени). Оба исполнителя должны проходить этот файл.

  Сценарий: Топология по умолчанию, ящик, письмо нескольким получателям, счётчики и путь
    Допустим топология по умолчанию
    И почтовый ящик "petr@rosnou.ru" с паролем "petr123"
    Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru, petr@rosnou.ru" с темой "Привет"
    Тогда почтовый ящик "student@rosnou.ru" содержит 1 письмо
    И почтовый ящик "petr@rosnou.ru" содержит письмо с темой "Привет"
    И письмо "Привет" прошло через "mail.ru", "rosnou.ru"
    И очередь на "mail.ru" содержит 0 писем
    И письмо принято
    Когда "ivan@mail.ru" отправляет письмо для "student@rosnou.ru" с темой "Второе"
    И "ivan@mail.ru" отправляет письмо на адрес "student@rosnou.ru" с темой "Третье"
    Тогда почтовый ящик "student@rosnou.ru" содержит 3 письма
    И папка BadMail на "rosnou.ru" содержит 0 файлов

  Сценарий: Топология из файла
    Допустим топология из файла "scenarios/topologies/mailru-rosnou.yaml"
    Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Из файла"
    Тогда почтовый ящик "student@rosnou.ru" содержит 1 письмо

  Сценарий: Топология по пути
    Допустим топология "scenarios/topologies/mailru-rosnou.yaml"
    Тогда очередь "mail.ru" содержит 0 сообщений

  Структура сценария: Виртуальный сервер <состояние>
    Допустим топология по умолчанию
    И виртуальный сервер "Default SMTP Virtual Server" на "rosnou.ru" <состояние>
    Когда клиент подключается к SMTP на "rosnou.ru" и отправляет:
      """
      EHLO client.example
      QUIT
      """
    Тогда сервер отвечает:
      """
      <ответы>
      """

    Примеры:
      | состояние     | ответы                  |
      | приостановлен | 421 4.3.2               |
      | запущен       | 220 rosnou.ru\n250\n221 |

  Сценарий: Остановленный сервер и служба SMTP
    Допустим топология по умолчанию
    И виртуальный сервер "Default SMTP Virtual Server" на "rosnou.ru" остановлен
    Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Никого нет"
    Тогда очередь "mail.ru" содержит 1 письмо
    Когда виртуальный сервер "Default SMTP Virtual Server" на "rosnou.ru" запущен
    И служба SMTP на "mail.ru" остановлена
    И проходят 15 минут
    Тогда очередь "mail.ru" содержит 1 сообщение
    Когда служба SMTP на "mail.ru" запущена
    И служба SMTP на "rosnou.ru" приостановлена
    И прошло 30 минут
    Тогда почтовый ящик "student@rosnou.ru" содержит 1 письмо

  Сценарий: Параметр, диалог и многострочный ответ, который считается один раз
    Допустим топология по умолчанию
    И на "rosnou.ru" у виртуального сервера "Default SMTP Virtual Server" параметр "maxRecipientsPerMessage" равен "1"
    Когда клиент подключается к SMTP на "rosnou.ru" и отправляет:
      """
      EHLO client.example
      MAIL FROM:<ivan@mail.ru>
      RCPT TO:<student@rosnou.ru>
      RCPT TO:<other@rosnou.ru>
      (ждать 11 минут)
      QUIT
      """
    Тогда сервер отвечает:
      """
      220
      250 SIZE
      250 2.1.0
      250
      452 4.5.3
      421 4.4.2
      """

  Сценарий: Домены, Drop и отказ
    Допустим топология по умолчанию
    И на "rosnou.ru" у виртуального сервера "Default SMTP Virtual Server" есть домен-псевдоним "rosnou.edu"
    И на "rosnou.ru" у виртуального сервера "Default SMTP Virtual Server" есть удалённый домен "partner.example"
    И на "mail.ru" у виртуального сервера "Default SMTP Virtual Server" есть удалённый домен "friends.example" с разрешённой пересылкой
    Когда "someone@example.com" отправляет письмо "dean@rosnou.edu" с темой "В Drop"
    Тогда папка Drop на "rosnou.ru" содержит 1 файл
    Когда "someone@example.com" отправляет письмо "student@rosnou.ru, x@far.example" с темой "Пересылка"
    Тогда письмо отклонено с ответом "550 5.7.1"

  Сценарий: Недоступный компьютер, минуты, часы и дни, уведомления
    Допустим топология по умолчанию
    И "rosnou.ru" недоступен
    Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Ждёт"
    И проходит 1 минута
    И проходят 14 минут
    Тогда очередь "mail.ru" содержит 1 письмо
    Когда проходят 12 часов
    Тогда "ivan@mail.ru" получает уведомление о состоянии доставки для "student@rosnou.ru"
    И "ivan@mail.ru" получает уведомление о доставке для "student@rosnou.ru"
    И "ivan@mail.ru" получает уведомление о задержке для "student@rosnou.ru"
    Когда прошли 2 дня
    Тогда "ivan@mail.ru" получает отчёт о недоставке для "student@rosnou.ru"
    И очередь "mail.ru" содержит 0 писем
    Когда "rosnou.ru" становится доступен
    И проходит 1 час
    И прошли 3 часа
    И проходит 1 день
    И прошло 5 дней
    И прошли 1 сутки
    Допустим "rosnou.ru" становится недоступен
    И "rosnou.ru" доступен
    И "rosnou.ru" снова доступен
    И "rosnou.ru" становится доступным

  Сценарий: Администратор выполняет команды
    Допустим топология по умолчанию
    Когда администратор выполняет "winpop add lab.rosnou.ru"
    Тогда команда выводит:
      """
      Added domain lab.rosnou.ru.
      """
    И команда выполняется успешно
    Когда администратор запускает "maillab smtp vs status "Default SMTP Virtual Server" --host rosnou.ru"
    Тогда вывод команды:
      """
      "Default SMTP Virtual Server" on rosnou.ru: running
      """
    Когда администратор вводит "winpop add lab.rosnou.ru"
    Тогда команда завершается с ошибкой

  Сценарий: Файл в папке Pickup без получателей попадает в BadMail
    Допустим топология по умолчанию
    Когда в папку Pickup на "mail.ru" кладут файл:
      """
      From: ivan@mail.ru
      Subject: Некому

      Нет To, Cc и Bcc.
      """
    Тогда папка BadMail на "mail.ru" содержит 2 файла

  Сценарий: Таблицы
    Допустим почтовые ящики:
      | адрес          | пароль  |
      | petr@rosnou.ru | petr123 |
      | olga@rosnou.ru | olga123 |
    И на "rosnou.ru" у виртуального сервера "Default SMTP Virtual Server" параметры:
      | параметр         | значение |
      | maxMessageSizeKb | 100      |
    Когда "ivan@mail.ru" отправляет письма:
      | кому           | тема |
      | petr@rosnou.ru | Раз  |
      | olga@rosnou.ru | Два  |
    Тогда почтовый ящик "petr@rosnou.ru" содержит 1 письмо
    И почтовый ящик "olga@rosnou.ru" содержит письмо с темой "Два"

  Сценарий: POP3 по-русски
    Допустим почтовый ящик POP3 "petr@rosnou.ru" с паролем "Secret1"
    Когда "ivan@mail.ru" отправляет письмо "petr@rosnou.ru" с темой "Лабораторная"
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда "petr@rosnou.ru" получает 1 письмо по POP3
    И вход "petr@rosnou.ru" по POP3 выполнен
    И письмо "Лабораторная" забрано по POP3 пользователем "petr@rosnou.ru"
    Когда "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru" через "APOP"
    Тогда "petr@rosnou.ru" получает 1 письмо по POP3
    Когда "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru" и удаляет её
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru" и удаляет письма
    Тогда "petr@rosnou.ru" получает 0 писем по POP3
    Когда "petr@rosnou.ru" с паролем "неверный" забирает почту по POP3 с "rosnou.ru"
    Тогда вход "petr@rosnou.ru" по POP3 отклонён с ответом "-ERR [AUTH]"

  Сценарий: Метод проверки подлинности, SPA, открытый сеанс и диалог POP3
    Когда администратор выполняет "winpop delete rosnou.ru"
    И на "rosnou.ru" метод проверки подлинности POP3 "зашифрованный файл паролей"
    И почтовые ящики POP3:
      | адрес          | пароль  |
      | petr@rosnou.ru | Secret1 |
    И POP3 на "rosnou.ru" требует безопасную проверку пароля
    И POP3 на "rosnou.ru" не требует безопасную проверку пароля
    И "petr@rosnou.ru" с паролем "Secret1" остаётся в сеансе POP3 на "rosnou.ru"
    Когда клиент подключается к POP3 на "rosnou.ru" и отправляет:
      """
      USER petr@rosnou.ru
      PASS Secret1
      """
    Тогда сервер отвечает:
      """
      +OK
      +OK
      -ERR [IN-USE]
      """
    Когда открытый сеанс POP3 "petr@rosnou.ru" завершается
    И "petr@rosnou.ru" с паролем "Secret1" забирает почту по POP3 с "rosnou.ru"
    Тогда вход "petr@rosnou.ru" по POP3 выполнен

# language: ru
Функция: Службы и хранилища Exchange 2003
  Слайд лекции «Просмотр состояния служб»: сервер Exchange работает как набор служб Windows, которые
  зависят друг от друга. Остановка службы Microsoft Exchange System Attendant останавливает
  Information Store, и все хранилища отключаются; служба SMTP (IIS) продолжает работать.

  Предыстория:
    Допустим топология "scenarios/topologies/exchange-rosnou.yaml"

  Сценарий: Остановка System Attendant отключает хранилища
    Допустим служба Exchange "Microsoft Exchange System Attendant" на "rosnou.ru" остановлена
    Тогда служба Exchange "Microsoft Exchange Information Store" на "rosnou.ru" остановлена
    И служба Exchange "Simple Mail Transfer Protocol (SMTP)" на "rosnou.ru" запущена
    И хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" отключено

  Сценарий: Запуск Information Store снова подключает хранилища
    Допустим служба Exchange "Microsoft Exchange Information Store" на "rosnou.ru" остановлена
    И служба Exchange "Microsoft Exchange Information Store" на "rosnou.ru" запущена
    Тогда служба Exchange "Microsoft Exchange System Attendant" на "rosnou.ru" запущена
    И хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" подключено

  Сценарий: Письмо для отключённого хранилища ждёт в очереди Local Delivery и доставляется один раз
    Допустим хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" отключено
    Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Лабораторная 5"
    Тогда очередь на "rosnou.ru" содержит 1 письмо
    И почтовый ящик "student@rosnou.ru" содержит 0 писем
    Допустим хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" подключено
    Тогда очередь на "rosnou.ru" содержит 0 писем
    И почтовый ящик "student@rosnou.ru" содержит 1 письмо

  Сценарий: Ящик, достигший предела «Запретить отправку и получение», возвращает письмо с отчётом о недоставке
    Допустим на "rosnou.ru" у хранилища "Mailbox Store (ROSNOU)" параметр "prohibitSendAndReceiveKb" равен "0"
    Когда "ivan@mail.ru" отправляет письмо "student@rosnou.ru" с темой "Слишком много"
    Тогда "ivan@mail.ru" получает отчёт о недоставке для "student@rosnou.ru"

  Сценарий: Собственный предел пользователя заменяет предел хранилища
    Допустим на "rosnou.ru" у пользователя "teacher@rosnou.ru" параметр "prohibitSendAndReceiveKb" равен "0"
    Когда "ivan@mail.ru" отправляет письмо "teacher@rosnou.ru" с темой "Расписание"
    Тогда "ivan@mail.ru" получает отчёт о недоставке для "teacher@rosnou.ru"

  Сценарий: Новый пользователь Active Directory получает почтовый ящик в хранилище
    Допустим у пользователя Active Directory "petr" есть почтовый ящик "petr@rosnou.ru" в хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru"
    Когда "ivan@mail.ru" отправляет письмо "petr@rosnou.ru" с темой "Привет"
    Тогда почтовый ящик "petr@rosnou.ru" содержит 1 письмо

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

# language: ru
Функция: maillab exchange — диспетчер системы Exchange из командной строки
  Слайд лекции «Просмотр состояния служб» из оболочки: перед остановкой службы, от которой зависят
  другие, `maillab exchange` спрашивает («Остановка других служб») и ничего не останавливает без
  --stop-dependents.

  Предыстория:
    Допустим топология "scenarios/topologies/exchange-rosnou.yaml"

  Сценарий: Остановка System Attendant сначала спрашивает, затем останавливает и Information Store
    Когда администратор выполняет "maillab exchange service stop MSExchangeSA --host rosnou.ru"
    Тогда команда завершается с ошибкой
    И служба Exchange "Microsoft Exchange Information Store" на "rosnou.ru" запущена
    Когда администратор выполняет "maillab exchange service stop MSExchangeSA --stop-dependents --host rosnou.ru"
    Тогда команда выполняется успешно
    И служба Exchange "Microsoft Exchange Information Store" на "rosnou.ru" остановлена
    И хранилище "Mailbox Store (ROSNOU)" на "rosnou.ru" отключено

// Every label of the page in English and Russian. The choice is remembered in localStorage.
// A label with a count is an object of plural forms, chosen by Intl.PluralRules for the count in {0}:
// English has one and other (1 message, 2 messages), Russian one, few and many (1 сообщение,
// 2 сообщения, 5 сообщений; 21 сообщение) and other for fractions.
const dictionary = {
  en: {
    clock: "Clock", step: "Step",
    play: "Play", simPause: "Pause", speed: "Speed", advanceBy: "Advance by", advance: "Advance", resetWorld: "Reset world",
    "unit.M": "minutes", "unit.H": "hours", "unit.D": "days", badDuration: "Enter a whole number of minutes, hours or days (1 or more).",
    nextTimer: "next timer {0} ({1} pending)", noTimers: "no timers pending",
    dns: "DNS", moreRecords: "… {0} more", mailboxStore: "mailbox store", clickHost: "Click a host for its details.",
    hostDetails: "Host", hostDetailsOf: "{0}: details", close: "Close", domains: "Domains", queueLength: "Queue",
    pop3Service: "POP3 service", "pop3Auth.1": "local Windows accounts", "pop3Auth.2": "Active Directory integrated",
    "pop3Auth.3": "encrypted password file", spaRequired: "SPA required", pop3Disabled: "POP3 service not installed",
    network: "Network", reachable: "reachable", switchOff: "Make unreachable", switchOn: "Make reachable",
    address: "Address", "addressing.static": "static", "addressing.dhcp": "leased by DHCP", noAddress: "none",
    locked: "locked", mailboxes: "Mailboxes", mailbox: "Mailbox", messages: "Messages", bytes: "Bytes",
    imapService: "IMAP service", imapOwn: "MailLab's own: Windows Server 2003's POP3 service had no IMAP", imapDisabled: "IMAP off on this host",
    folders: "IMAP folders", unseen: "unseen",
    "domainType.LocalDefault": "local, default", "domainType.LocalAlias": "local, alias", "domainType.Remote": "remote",
    previous: "◀ Previous", next: "Next ▶", cursor: "Timeline cursor", cursorAt: "{0} / {1}: {2} — {3}, {4}",
    headersGrew: "How the headers grew", noStoredCopy: "No stored copy of this message is left.",
    noReceivedYet: "No Received header yet.", allHeaders: "All headers of the stored copy", body: "Body",
    receivedBy: "#{0} added by {1} at {2}", receivedBefore: "#{0} came with the message",
    "mode.live": "live", "mode.simulate": "simulate",
    liveOn: "live updates", liveOff: "offline", switchTo: "Русский",
    topology: "Topology", virtualServers: "SMTP virtual servers",
    host: "Host", virtualServer: "Virtual server", endpoint: "Endpoint", state: "State", actions: "Actions",
    start: "Start", pause: "Pause", stop: "Stop",
    "state.Running": "Running", "state.Paused": "Paused", "state.Stopped": "Stopped",
    deliveries: "Deliveries", from: "From", to: "To", subject: "Subject", status: "Status",
    noDeliveries: "No deliveries yet.", messageCount: { one: "{0} message.", other: "{0} messages." },
    delivery: "Delivery", selectDelivery: "Select a delivery to see its stages and transcripts.",
    stages: "Stages", time: "Time", stage: "Stage", text: "Details", hops: "SMTP and POP3 hops",
    client: "{0}'s client", hopIn: "{0} received from {1}", hopOut: "{0} sent to {1}", hopPop3: "{0} gave it by POP3 to {1}", reply: "reply",
    "status.received": "received", "status.queued": "queued", "status.deferred": "deferred",
    "status.delivered": "delivered", "status.bounced": "bounced", "status.relayed": "relayed out", "status.partial": "partly delivered",
    "kind.delayNotification": "delay notice", "kind.nonDeliveryReport": "NDR",
    recipientStatus: "Each recipient", related: "Related", aboutMessage: "About message", notice: "Notice",
    "stage.Received": "received", "stage.Cleanup": "cleanup", "stage.Queued": "queued",
    "stage.MxLookup": "MX lookup", "stage.Connecting": "connecting", "stage.Relayed": "relayed",
    "stage.Deferred": "deferred", "stage.RetryScheduled": "retry scheduled", "stage.DelayNotification": "delay notice",
    "stage.Failed": "failed", "stage.NdrGenerated": "NDR", "stage.MovedToBadMail": "moved to BadMail",
    "stage.Expired": "expired", "stage.Categorized": "categorized", "stage.DirectoryLookup": "directory lookup", "stage.DeliveredToMailbox": "delivered to mailbox", "stage.DeliveredToDrop": "delivered to Drop",
    "stage.RetrievedByPop3": "retrieved by POP3", "stage.DeletedByPop3": "deleted by POP3",
    "stage.RetrievedByImap": "retrieved by IMAP", "stage.MovedByImap": "moved by IMAP", "stage.ExpungedByImap": "expunged by IMAP", "stage.MailboxMoved": "mailbox moved",
    "stage.AppendedByImap": "appended by IMAP",
    "stage.ConnectionOpened": "connection opened", "stage.ConnectionClosed": "connection closed",
    unreachable: "unreachable",
  },
  ru: {
    clock: "Часы", step: "Шаг",
    play: "Пуск", simPause: "Пауза", speed: "Скорость", advanceBy: "Вперёд на", advance: "Вперёд", resetWorld: "Сбросить мир",
    "unit.M": "минут", "unit.H": "часов", "unit.D": "дней", badDuration: "Введите целое число минут, часов или дней (от 1).",
    nextTimer: "следующий таймер {0} (ожидает: {1})", noTimers: "таймеров нет",
    dns: "DNS", moreRecords: "… ещё {0}", mailboxStore: "хранилище ящиков", clickHost: "Щёлкните узел, чтобы увидеть подробности.",
    hostDetails: "Узел", hostDetailsOf: "{0}: подробности", close: "Закрыть", domains: "Домены", queueLength: "Очередь",
    pop3Service: "Служба POP3", "pop3Auth.1": "локальные учётные записи Windows", "pop3Auth.2": "интегрированная с Active Directory",
    "pop3Auth.3": "зашифрованный файл паролей", spaRequired: "требуется SPA", pop3Disabled: "служба POP3 не установлена",
    network: "Сеть", reachable: "доступен", switchOff: "Сделать недоступным", switchOn: "Сделать доступным",
    address: "Адрес", "addressing.static": "статический", "addressing.dhcp": "выдан DHCP", noAddress: "нет",
    locked: "заблокирован", mailboxes: "Почтовые ящики", mailbox: "Почтовый ящик", messages: "Сообщений", bytes: "Байт",
    imapService: "Служба IMAP", imapOwn: "своя в MailLab: у службы POP3 Windows Server 2003 не было IMAP", imapDisabled: "IMAP на этом узле выключен",
    folders: "Папки IMAP", unseen: "непрочитанных",
    "domainType.LocalDefault": "локальный, по умолчанию", "domainType.LocalAlias": "локальный, псевдоним", "domainType.Remote": "удалённый",
    previous: "◀ Назад", next: "Вперёд ▶", cursor: "Курсор шкалы времени", cursorAt: "{0} / {1}: {2} — {3}, {4}",
    headersGrew: "Как росли заголовки", noStoredCopy: "Сохранённой копии этого сообщения не осталось.",
    noReceivedYet: "Заголовков Received пока нет.", allHeaders: "Все заголовки сохранённой копии", body: "Тело письма",
    receivedBy: "№{0} добавил {1} в {2}", receivedBefore: "№{0} пришёл вместе с письмом",
    "mode.live": "реальное время", "mode.simulate": "симуляция",
    liveOn: "обновляется", liveOff: "нет связи", switchTo: "English",
    topology: "Топология", virtualServers: "Виртуальные SMTP-серверы",
    host: "Узел", virtualServer: "Виртуальный сервер", endpoint: "Адрес", state: "Состояние", actions: "Действия",
    start: "Запустить", pause: "Приостановить", stop: "Остановить",
    "state.Running": "Работает", "state.Paused": "Приостановлен", "state.Stopped": "Остановлен",
    deliveries: "Доставки", from: "От", to: "Кому", subject: "Тема", status: "Состояние",
    noDeliveries: "Доставок пока нет.", messageCount: { one: "{0} сообщение.", few: "{0} сообщения.", many: "{0} сообщений.", other: "{0} сообщения." },
    delivery: "Доставка", selectDelivery: "Выберите доставку, чтобы увидеть её этапы и протоколы.",
    stages: "Этапы", time: "Время", stage: "Этап", text: "Подробности", hops: "Переходы SMTP и POP3",
    client: "клиент {0}", hopIn: "{0} принял от {1}", hopOut: "{0} передал {1}", hopPop3: "{0} выдал по POP3 клиенту {1}", reply: "ответ",
    "status.received": "принято", "status.queued": "в очереди", "status.deferred": "отложено",
    "status.delivered": "доставлено", "status.bounced": "возвращено", "status.relayed": "передано наружу", "status.partial": "доставлено частично",
    "kind.delayNotification": "уведомление о задержке", "kind.nonDeliveryReport": "отчёт о недоставке",
    recipientStatus: "Получатели", related: "Связанные", aboutMessage: "О сообщении", notice: "Уведомление",
    "stage.Received": "принято", "stage.Cleanup": "очистка", "stage.Queued": "в очереди",
    "stage.MxLookup": "поиск MX", "stage.Connecting": "соединение", "stage.Relayed": "передано",
    "stage.Deferred": "отложено", "stage.RetryScheduled": "повтор запланирован", "stage.DelayNotification": "уведомление о задержке",
    "stage.Failed": "ошибка", "stage.NdrGenerated": "отчёт о недоставке", "stage.MovedToBadMail": "перемещено в BadMail",
    "stage.Expired": "срок истёк", "stage.Categorized": "разрешено по каталогу", "stage.DirectoryLookup": "поиск в каталоге", "stage.DeliveredToMailbox": "доставлено в ящик", "stage.DeliveredToDrop": "доставлено в Drop",
    "stage.RetrievedByPop3": "получено по POP3", "stage.DeletedByPop3": "удалено по POP3",
    "stage.RetrievedByImap": "получено по IMAP", "stage.MovedByImap": "перемещено по IMAP", "stage.ExpungedByImap": "удалено по IMAP", "stage.MailboxMoved": "ящик перемещён",
    "stage.AppendedByImap": "добавлено по IMAP",
    "stage.ConnectionOpened": "соединение открыто", "stage.ConnectionClosed": "соединение закрыто",
    unreachable: "недоступен",
  },
};

/** Adds labels for other parts of the page (e.g. admin-i18n.js): { en: {...}, ru: {...} }. */
export function addLabels(labels) {
  for (const [lang, entries] of Object.entries(labels)) {
    Object.assign(dictionary[lang] ??= {}, entries);
  }
}

const storageKey = "maillab.lang";

function stored() {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

let current = dictionary[stored()] ? stored() : "en";

export function language() {
  return current;
}

export function setLanguage(lang) {
  current = dictionary[lang] ? lang : "en";
  try {
    localStorage.setItem(storageKey, current);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

const pluralRules = {};

/** The form of a label for count: the label itself, or its plural form for the count in the current language. */
function form(label, count) {
  if (typeof label === "string") {
    return label;
  }
  const rule = (pluralRules[current] ??= new Intl.PluralRules(current)).select(Number(count));
  return label[rule] ?? label.other;
}

/** The label for key in the current language (English, then the key itself, as fallbacks); {0}, {1} filled in. */
export function t(key, ...args) {
  const text = form(dictionary[current][key] ?? dictionary.en[key] ?? key, args[0]);
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

/** Re-labels every element with data-i18n (its text), data-i18n-title and data-i18n-aria (its aria-label). */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
  for (const element of root.querySelectorAll("[data-i18n-title]")) {
    element.title = t(element.dataset.i18nTitle);
  }
  for (const element of root.querySelectorAll("[data-i18n-aria]")) {
    element.setAttribute("aria-label", t(element.dataset.i18nAria));
  }
}

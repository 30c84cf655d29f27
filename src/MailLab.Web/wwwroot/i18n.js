// Every label of the page in English and Russian. The choice is remembered in localStorage.
const dictionary = {
  en: {
    clock: "Clock", step: "Step", advance15: "Advance 15 min",
    "mode.live": "live", "mode.simulate": "simulate",
    liveOn: "live updates", liveOff: "offline", switchTo: "Русский",
    topology: "Topology", virtualServers: "SMTP virtual servers",
    host: "Host", virtualServer: "Virtual server", endpoint: "Endpoint", state: "State", actions: "Actions",
    start: "Start", pause: "Pause", stop: "Stop",
    "state.Running": "Running", "state.Paused": "Paused", "state.Stopped": "Stopped",
    deliveries: "Deliveries", from: "From", to: "To", subject: "Subject", status: "Status",
    noDeliveries: "No deliveries yet.", showing: "Showing the newest {0} of {1}.",
    delivery: "Delivery", selectDelivery: "Select a delivery to see its stages and transcripts.",
    stages: "Stages", time: "Time", stage: "Stage", text: "Details", hops: "SMTP hops",
    client: "{0}'s client", hopIn: "{0} received from {1}", hopOut: "{0} sent to {1}", reply: "reply",
    "status.received": "received", "status.queued": "queued", "status.deferred": "deferred",
    "status.delivered": "delivered", "status.bounced": "bounced",
    "stage.Received": "received", "stage.Cleanup": "cleanup", "stage.Queued": "queued",
    "stage.MxLookup": "MX lookup", "stage.Connecting": "connecting", "stage.Relayed": "relayed",
    "stage.Deferred": "deferred", "stage.RetryScheduled": "retry scheduled", "stage.DelayNotification": "delay notice",
    "stage.Failed": "failed", "stage.NdrGenerated": "NDR", "stage.MovedToBadMail": "moved to BadMail",
    "stage.Expired": "expired", "stage.DeliveredToMailbox": "delivered to mailbox", "stage.DeliveredToDrop": "delivered to Drop",
    "stage.RetrievedByPop3": "retrieved by POP3", "stage.DeletedByPop3": "deleted by POP3",
    "stage.ConnectionOpened": "connection opened", "stage.ConnectionClosed": "connection closed",
    unreachable: "unreachable",
  },
  ru: {
    clock: "Часы", step: "Шаг", advance15: "Вперёд на 15 мин",
    "mode.live": "реальное время", "mode.simulate": "симуляция",
    liveOn: "обновляется", liveOff: "нет связи", switchTo: "English",
    topology: "Топология", virtualServers: "Виртуальные SMTP-серверы",
    host: "Узел", virtualServer: "Виртуальный сервер", endpoint: "Адрес", state: "Состояние", actions: "Действия",
    start: "Запустить", pause: "Приостановить", stop: "Остановить",
    "state.Running": "Работает", "state.Paused": "Приостановлен", "state.Stopped": "Остановлен",
    deliveries: "Доставки", from: "От", to: "Кому", subject: "Тема", status: "Состояние",
    noDeliveries: "Доставок пока нет.", showing: "Показаны последние {0} из {1}.",
    delivery: "Доставка", selectDelivery: "Выберите доставку, чтобы увидеть её этапы и протоколы.",
    stages: "Этапы", time: "Время", stage: "Этап", text: "Подробности", hops: "SMTP-переходы",
    client: "клиент {0}", hopIn: "{0} принял от {1}", hopOut: "{0} передал {1}", reply: "ответ",
    "status.received": "принято", "status.queued": "в очереди", "status.deferred": "отложено",
    "status.delivered": "доставлено", "status.bounced": "возвращено",
    "stage.Received": "принято", "stage.Cleanup": "очистка", "stage.Queued": "в очереди",
    "stage.MxLookup": "поиск MX", "stage.Connecting": "соединение", "stage.Relayed": "передано",
    "stage.Deferred": "отложено", "stage.RetryScheduled": "повтор запланирован", "stage.DelayNotification": "уведомление о задержке",
    "stage.Failed": "ошибка", "stage.NdrGenerated": "отчёт о недоставке", "stage.MovedToBadMail": "перемещено в BadMail",
    "stage.Expired": "срок истёк", "stage.DeliveredToMailbox": "доставлено в ящик", "stage.DeliveredToDrop": "доставлено в Drop",
    "stage.RetrievedByPop3": "получено по POP3", "stage.DeletedByPop3": "удалено по POP3",
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

/** The label for key in the current language (English, then the key itself, as fallbacks); {0}, {1} filled in. */
export function t(key, ...args) {
  const text = dictionary[current][key] ?? dictionary.en[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ""));
}

/** Re-labels every element with data-i18n. */
export function translatePage(root = document) {
  document.documentElement.lang = current;
  for (const element of root.querySelectorAll("[data-i18n]")) {
    element.textContent = t(element.dataset.i18n);
  }
}

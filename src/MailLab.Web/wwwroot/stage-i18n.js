// The Details of a delivery's stages in the page's language. The server writes each stage's text in
// English (the trace is a log, shared with the CLI, scenarios and the API); this reads the stock
// phrasings back and says them in Russian. What it does not know (and every SMTP reply, which is
// the wire's own text) is shown as the server wrote it.
import { language } from "./i18n.js";

const rules = new Intl.PluralRules("ru");

/** A count with its Russian noun: forms for 1, 2-4 and 5 (1 минута, 2 минуты, 5 минут). */
function count(n, one, few, many) {
  const form = { one, few, many }[rules.select(Number(n))] ?? few;
  return `${n} ${form}`;
}

// [stage, pattern of the English text, its Russian]; the first pattern of the stage that matches wins.
const PHRASES = [
  ["Received", /^Accepted (\S+) from <(.*)> for (.*) \((\d+) octets?\)$/,
    (id, from, to, n) => `Принято ${id} от <${from}> для ${to} (${count(n, "октет", "октета", "октетов")})`],
  ["Received", /^Accepted (\S+) from <(.*)> for (.*) \((\d+) octets?\); authenticated as (.+)$/,
    (id, from, to, n, user) => `Принято ${id} от <${from}> для ${to} (${count(n, "октет", "октета", "октетов")}); клиент прошёл проверку подлинности как ${user}`],
  ["Received", /^Picked up (.+) from (.+) as (\S+): from <(.*)> for (.*)$/,
    (file, folder, id, from, to) => `Файл ${file} взят из ${folder} как ${id}: от <${from}> для ${to}`],
  ["Cleanup", /^Added a Received header$/, () => "Добавлен заголовок Received"],
  ["Cleanup", /^Added a Received header and the missing (.+)$/,
    (headers) => `Добавлены заголовок Received и недостающие ${headers.replaceAll(" and ", " и ")}`],
  ["Queued", /^Queued (\S+) for (.*)$/, (id, to) => `${id} поставлено в очередь для ${to}`],
  ["MxLookup", /^MX (\S+): none; A record -> (.*)$/, (domain, host) => `MX ${domain}: нет; запись A → ${host}`],
  ["MxLookup", /^MX (\S+): none; A: none$/, (domain) => `MX ${domain}: нет; A: нет`],
  ["MxLookup", /^MX (\S+): (.*); this host is MX (\d+), so only preferences below \d+ are tried$/,
    (domain, list, self) => `MX ${domain}: ${list}; этот узел — MX ${self}, поэтому пробуются только предпочтения меньше ${self}`],
  ["MxLookup", /^MX (\S+): (.*)$/, (domain, list) => `MX ${domain}: ${list}`],
  ["MxLookup", /^Smart host (\S+) for (\S+): unknown host$/, (smart, domain) => `Смарт-хост ${smart} для ${domain}: неизвестный узел`],
  ["MxLookup", /^Smart host (\S+) for (\S+) -> (.*)$/, (smart, domain, host) => `Смарт-хост ${smart} для ${domain} → ${host}`],
  ["Connecting", /^Connecting to (\S+): unreachable$/, (host) => `Соединение с ${host}: узел недоступен`],
  ["Connecting", /^Connecting to (\S+)$/, (host) => `Соединение с ${host}`],
  ["Relayed", /^Relayed to (\S+) for <(.*)>: (.*)$/, (host, to, reply) => `Передано ${host} для <${to}>: ${reply}`],
  ["Deferred", /^Deferred \(attempt (\d+)\): (.*)$/, (n, reasons) => `Отложено (попытка ${n}): ${reasons}`],
  ["RetryScheduled", /^Next attempt at (.+) \(in (\d+) minutes?\)$/,
    (time, n) => `Следующая попытка в ${time} (через ${count(n, "минуту", "минуты", "минут")})`],
  ["Expired", /^Expired after (\d+) hours? in the queue$/, (n) => `Срок истёк: ${count(n, "час", "часа", "часов")} в очереди`],
  ["DeliveredToMailbox", /^Delivered to the mailbox (.*) in the store (.*)$/, (mailbox, store) => `Доставлено в почтовый ящик ${mailbox} в хранилище ${store}`],
  ["DeliveredToMailbox", /^Delivered to the mailbox (.*)$/, (mailbox) => `Доставлено в почтовый ящик ${mailbox}`],
  ["DeliveredToDrop", /^Written to (.*) for (.*)$/, (path, to) => `Записано в ${path} для ${to}`],
  ["RetrievedByPop3", /^Retrieved by POP3 by (.*)$/, (user) => `Получено по POP3 пользователем ${user}`],
  ["RetrievedByImap", /^Retrieved by IMAP by (.*)$/, (user) => `Получено по IMAP пользователем ${user}`],
  ["MovedByImap", /^Moved from (.*) to (.*) of (.*) by IMAP$/, (from, to, user) => `Перемещено из ${from} в ${to} ящика ${user} по IMAP`],
  ["DeletedByPop3", /^Deleted from the mailbox (.*) by POP3$/, (mailbox) => `Удалено из ящика ${mailbox} по POP3`],
  ["MailboxMoved", /^Moved the mailbox (.*) from "(.*)" to "(.*)"$/, (mailbox, from, to) => `Почтовый ящик ${mailbox} перемещён из «${from}» в «${to}»`],
  ["Deferred", /^In "(.*)" \(Retry\): (.*)$/, (queue, reasons) => `В очереди «${queue}» (повтор): ${reasons}`],
  ["DelayNotification", /^Delay notification to <(.*)> for (.*)$/, (sender, to) => `Уведомление о задержке для <${sender}> о ${to}`],
  ["MovedToBadMail", /^Moved to (.*) \(the sender is <>, so it cannot be returned\)$/,
    (path) => `Перемещено в ${path} (отправитель <>, вернуть некому)`],
  ["ConnectionOpened", /^Connection from (.*) to "(.*)"$/, (from, vs) => `Соединение от ${from} с «${vs}»`],
  ["ConnectionOpened", /^POP3 connection from (.*)$/, (from) => `POP3-соединение от ${from}`],
  ["ConnectionOpened", /^Connection to (.*)$/, (host) => `Соединение с ${host}`],
  ["ConnectionClosed", /^Connection closed$/, () => "Соединение закрыто"],
  // LDAP routing (the virtual server's LDAP Routing tab): each lookup at RCPT, then what delivery made of it.
  ["DirectoryLookup", /^(Sender: )?(.+?): (\(.*\)) found the group (.+?): <(.*)> is expanded to (.+)$/,
    (sender, dir, filter, group, address, members) => `${lookupBy(sender)}${directory(dir)}: по фильтру ${filter} найдена группа ${group}: <${address}> раскрывается в ${nobody(members)}`],
  ["DirectoryLookup", /^(Sender: )?(.+?): (\(.*\)) found (.+?): <(.*)> is delivered to (.+)$/,
    (sender, dir, filter, object, address, mailbox) => `${lookupBy(sender)}${directory(dir)}: по фильтру ${filter} найден ${object}: <${address}> доставляется в ${mailbox}`],
  ["DirectoryLookup", /^(Sender: )?(.+?): (\(.*\)) found nothing: <(.*)> is not a recipient$/,
    (sender, dir, filter, address) => `${lookupBy(sender)}${directory(dir)}: по фильтру ${filter} ничего не найдено: <${address}> — не получатель`],
  ["DirectoryLookup", /^(Sender: )?(.+?): (\(.*\)) could not be searched: (.*)$/,
    (sender, dir, filter, problem) => `${lookupBy(sender)}${directory(dir)}: поиск по фильтру ${filter} невозможен: ${problem}`],
  ["Categorized", /^Expanded the group (.+) from (.+) to (.+)$/,
    (group, dir, members) => `Группа ${group} из ${directory(dir)} раскрыта в ${nobody(members)}`],
  ["Categorized", /^(\S+) is (.+) in (.+): delivered to (\S+)$/,
    (address, object, dir, mailbox) => `${address} — это ${object} в ${directory(dir)}: доставлено в ${mailbox}`],
];

/** A directory as LookupAsync names it: "the Active Directory NAME" or "ldap://HOST:PORT (SCHEMA schema)". */
function directory(name) {
  return name.replace(/^the Active Directory /, "Active Directory ").replace(/ \((.+) schema\)$/, " (схема $1)");
}

function lookupBy(sender) {
  return sender ? "Отправитель: " : "";
}

function nobody(members) {
  return members === "no members" ? "пустой список" : members;
}

/** A stage's Details (stage: its kind, e.g. "Queued"; text: the server's English) in the page's language. */
export function stageText(stage, text) {
  if (language() !== "ru") {
    return text;
  }
  for (const [kind, pattern, russian] of PHRASES) {
    const match = kind === stage ? pattern.exec(text) : null;
    if (match) {
      return russian(...match.slice(1));
    }
  }
  return text;
}

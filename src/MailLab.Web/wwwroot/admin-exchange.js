// Exchange System Manager for an Exchange 2003 host, as the lecture's slides show it ("Просмотр состояния
// служб", "Свойства почтового сервера", "Свойства информационного хранилища", "Управление почтовыми
// ящиками"): the tree organisation → Administrative Groups → First Administrative Group → Servers → SERVER
// → storage groups → stores → Mailboxes / Logons, Protocols (the SMTP virtual servers open the IIS property
// sheet), and the server's services as the Services console lists them. Every action goes through the API
// /servers/{host}/exchange that `maillab exchange` uses; the right pane shows the selected node.
import "./admin-exchange-i18n.js";
import { t } from "./i18n.js";
import { call, hostPath } from "./admin-api.js";
import { el, dialog, open, closeButton, showError, clearErrors, kilobytes } from "./admin-dom.js";
import { loadStoreLimitsTable } from "./admin-settings.js";

let page = null;

/** host: a server of GET /servers with exchange true; openVs(name): opens a virtual server's IIS property sheet. */
export async function openExchange(host, openVs) {
  const parts = dialog("admin-exchange", "exchange");
  parts.node.dataset.host = host.name;
  page = { host, parts, openVs, node: { kind: "server" } };
  parts.footer.append(closeButton(parts.node));
  retranslateExchange();
  open(parts.node);
  await reload();
}

export function retranslateExchange() {
  if (page) {
    page.parts.title.textContent = t("esm.title", page.host.name);
    if (page.server) {
      render();
    }
  }
}

function base() {
  return `${hostPath(page.host.name)}/exchange`;
}

async function reload() {
  const current = page;
  try {
    const [server, services] = await Promise.all([call("GET", base()), call("GET", `${base()}/services`)]);
    let rows = null;
    let disconnected = null;
    let limits = null;
    let properties = null;
    const store = `${base()}/stores/${encodeURIComponent(current.node.store)}`;
    if (current.node.kind === "mailboxes") {
      [rows, disconnected] = await Promise.all([call("GET", `${store}/mailboxes`), call("GET", `${store}/deleted-mailboxes`)]);
    } else if (current.node.kind === "logons") {
      rows = await call("GET", `${store}/logons`);
    } else if (current.node.kind === "store" && server.storageGroups.some((g) => g.stores.some((s) => s.name === current.node.store && s.kind === "Mailbox"))) {
      limits = { values: await call("GET", `${store}/limits`), names: await loadStoreLimitsTable() };
    } else if (current.node.kind === "server" || current.node.kind === "tracking") {
      properties = await call("GET", `${base()}/properties`);
    }
    if (page === current) {
      Object.assign(current, { server, services, rows, disconnected, limits, properties });
      render();
    }
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
}

function select(node) {
  page.node = node;
  clearErrors(page.parts.node);
  return reload();
}

/** A tree item; node is what the right pane shows when it is clicked (null: a folder only). */
function item(label, node, ...children) {
  const selected = node && page.node.kind === node.kind && page.node.store === node.store;
  const text = el("button", {
    type: "button", class: selected ? "tree-node selected" : "tree-node", "data-node": node ? node.kind : undefined,
    "data-store": node?.store, text: label, onclick: node ? () => select(node) : undefined,
  });
  return el("li", {}, text, children.length ? el("ul", {}, ...children) : null);
}

function render() {
  const { server, parts } = page;
  const groups = server.storageGroups.map((g) => item(g.name, null, ...g.stores.map((s) =>
    item(s.name, { kind: "store", store: s.name },
      ...(s.kind === "Mailbox"
        ? [item(t("esm.mailboxes"), { kind: "mailboxes", store: s.name }), item(t("esm.logons"), { kind: "logons", store: s.name })]
        : [])))));
  const protocols = item(t("esm.protocols"), null,
    item("SMTP", null, ...page.host.smtp.virtualServers.map((vs) => el("li", {}, el("button", {
      type: "button", class: "tree-node", "data-action": "vs-properties", "data-vs": vs.name,
      text: t("admin.propertiesButton", vs.name), onclick: () => page.openVs(vs.name),
    })))),
    item("POP3", { kind: "service", store: "POP3Svc" }),
    item("IMAP4", { kind: "service", store: "IMAP4Svc" }));
  const tree = el("ul", { class: "esm-tree", role: "tree" },
    item(`${server.organization} (Exchange)`, null,
      item(t("esm.administrativeGroups"), null,
        item(server.administrativeGroup, null,
          item(t("esm.servers"), null,
            item(server.server, { kind: "server" }, ...groups, protocols))))),
    item(t("esm.services"), { kind: "services" }),
    item(t("esm.tools"), null, item(t("esm.tracking"), { kind: "tracking" })));
  parts.body.replaceChildren(el("div", { class: "esm" }, tree, el("div", { class: "esm-pane", "data-pane": page.node.kind }, ...pane())));
  parts.node.dataset.loaded = String(Number(parts.node.dataset.loaded ?? 0) + 1);
}

function pane() {
  switch (page.node.kind) {
    case "store":
      return storePane(findStore(page.node.store));
    case "mailboxes":
      return [mailboxesTable()];
    case "logons":
      return [table(["esm.user", "esm.protocol", "esm.clientAddress", "esm.logonTime"],
        page.rows.map((l) => [l.user, l.protocol, l.clientAddress ?? "", time(l.since)]), page.rows.map((l) => l.user))];
    case "services":
      return [servicesTable(page.services)];
    case "tracking":
      return tracking();
    case "service":
      return [servicesTable(page.services.filter((s) => s.name === page.node.store))];
    default:
      return serverPane();
  }
}

/**
 * The Mailboxes node: the connected mailboxes, then the disconnected ones Delete Mailbox left (marked as
 * ESM marks them, with when the store purges them), each with Reconnect (to a user without a mailbox,
 * its own by default) and Purge, as ESM's right-click menu on a disconnected mailbox offers them.
 */
function mailboxesTable() {
  const list = table(["esm.displayName", "esm.address", "esm.sizeKb", "esm.totalItems", "esm.lastLogon", "esm.lastLogoff", "actions"],
    page.rows.map((m) => [m.displayName, m.address, String(m.sizeKb), String(m.totalItems), time(m.lastLogonTime), time(m.lastLogoffTime), ""]),
    page.rows.map((m) => m.address));
  const body = list.querySelector("tbody");
  for (const d of page.disconnected) {
    body.append(el("tr", { "data-row": d.address, "data-disconnected": "true" },
      el("td", { text: d.address.split("@")[0] }), el("td", { text: d.address }), el("td", { text: String(d.sizeKb) }),
      el("td", { text: String(d.totalItems) }),
      el("td", { colspan: "2", "data-role": "disconnected", text: t("esm.disconnectedUntil", time(d.purgeAfter)) }),
      el("td", { class: "actions" },
        el("button", { type: "button", "data-action": "reconnect", i18n: "esm.reconnect", onclick: () => askOwner(d) }),
        el("button", { type: "button", "data-action": "purge", i18n: "esm.purge",
          onclick: () => act(`${deletedPath(d)}/purge`) }))));
  }
  return list;
}

function deletedPath(d) {
  return `${base()}/stores/${encodeURIComponent(d.store)}/deleted-mailboxes/${encodeURIComponent(d.address)}`;
}

/** Reconnect's "Select a new user for this mailbox": an account of the host without a mailbox. */
function askOwner(d) {
  page.parts.body.querySelector("[data-role='reconnect-owner']")?.remove();
  const owner = el("input", { type: "text", name: "reconnectOwner", value: d.address });
  const form = el("div", { class: "stop-other-services", role: "dialog", "data-role": "reconnect-owner" },
    el("h4", { text: t("esm.reconnectTitle", d.address) }),
    el("div", { class: "field-row" }, el("label", { i18n: "esm.reconnectOwner" }), owner),
    el("div", { class: "buttons" },
      el("button", { type: "button", "data-action": "reconnect-ok", i18n: "aduc.sheet.ok",
        onclick: () => act(`${deletedPath(d)}/reconnect`, { user: owner.value.trim() }) }),
      el("button", { type: "button", "data-action": "reconnect-cancel", i18n: "aduc.wizard.cancel", onclick: () => form.remove() })));
  page.parts.body.querySelector(".esm-pane").append(form);
}

/** Message Tracking Center: Sender, Recipients and Logged Between over GET /traces/search; a result opens the message's journey. */
function tracking() {
  const query = page.query ?? {};
  const field = (name, type = "text") => el("input", { type, name, value: query[name] ?? "" });
  const inputs = { sender: field("sender"), recipient: field("recipient"), since: field("since", "datetime-local"), until: field("until", "datetime-local") };
  const search = async () => {
    const current = page;
    current.query = Object.fromEntries(Object.entries(inputs).map(([k, input]) => [k, input.value]));
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(current.query)) {
      if (v) {
        params.set(k, k === "since" || k === "until" ? new Date(v).toISOString() : v);
      }
    }
    clearErrors(current.parts.node);
    try {
      current.found = await call("GET", `/traces/search?${params}`);
    } catch (error) {
      showError(current.parts.error, error.display ?? String(error));
    }
    render();
  };
  const results = (page.found ?? []).map((m) => el("tr", { "data-trace": m.id, "data-status": m.status },
    el("td", { text: m.from }), el("td", { text: m.recipients.join(", ") }), el("td", { text: m.subject }), el("td", { text: time(m.received) }),
    el("td", { text: m.status }),
    el("td", { class: "actions" }, el("button", { type: "button", "data-action": "open-journey", i18n: "esm.messageHistory", onclick: () => {
      page.parts.node.close();
      document.dispatchEvent(new CustomEvent("maillab:select-trace", { detail: m.id }));
    } }))));
  const off = page.properties && !page.properties.messageTrackingEnabled;
  return [
    off ? el("p", { class: "note", "data-role": "tracking-off", text: t("esm.trackingOff", page.server.server) }) : null,
    el("fieldset", { class: "group", "data-role": "tracking-form" }, el("legend", { i18n: "esm.tracking" }),
      el("div", { class: "field-row" }, el("label", { i18n: "esm.sender" }), inputs.sender),
      el("div", { class: "field-row" }, el("label", { i18n: "esm.recipients" }), inputs.recipient),
      el("div", { class: "field-row" }, el("label", { i18n: "esm.loggedBetween" }), inputs.since, inputs.until),
      el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "find", i18n: "esm.findNow", onclick: search }))),
    page.found ? trackingTable(results) : null,
  ];
}

function trackingTable(rows) {
  return el("table", { class: "esm-list", "data-role": "tracking-results" },
    el("thead", {}, el("tr", {}, ...["esm.sender", "esm.recipients", "esm.subject", "esm.received", "esm.status", "actions"].map((key) => el("th", { i18n: key })))),
    el("tbody", {}, ...rows));
}

function findStore(name) {
  return page.server.storageGroups.flatMap((g) => g.stores.map((s) => ({ ...s, group: g.name }))).find((s) => s.name === name);
}

/**
 * The server's property sheet: General (version, edition, message tracking and its log files), Locales and
 * Diagnostics Logging, each applied with PUT …/properties (the server property table's names).
 */
function serverPane() {
  const { server } = page;
  const settings = page.properties?.settings;
  if (!settings) {
    return [];
  }
  const check = (name) => el("input", { type: "checkbox", name, checked: settings[name] === true });
  const tracking = check("messageTrackingEnabled");
  const remove = check("removeLogFiles");
  const days = el("input", { type: "number", name: "removeLogFilesDays", min: "1", max: "99", value: settings.removeLogFilesDays });
  const directory = el("input", { type: "text", name: "logFileDirectory", value: page.properties.trackingLogDirectory });
  const locales = el("input", { type: "text", name: "locales", value: settings.locales.join(", ") });
  const put = (body) => act(`${base()}/properties`, body, "PUT");
  const levels = [];
  const diagnostics = Object.keys(settings).filter((name) => name.includes("/"));
  const diagnosticRows = diagnostics.map((name) => {
    const [service, category] = name.split("/");
    const select = el("select", { name }, ...DIAGNOSTICS_LEVELS.map((level) => el("option", { value: level, i18n: `esm.level.${level}`, selected: (settings[name] ?? "None") === level })));
    levels.push([name, select]);
    return el("tr", { "data-category": name }, el("td", { text: service }), el("td", { text: category }), el("td", {}, select));
  });
  return [
    el("fieldset", { class: "group", "data-tab": "server-general" }, el("legend", { i18n: "admin.tab.general" }),
      row("esm.version", version(server.servicePack)),
      row("esm.edition", t(`esm.edition.${server.edition}`)),
      row("esm.databaseLimit", server.databaseLimitGb == null ? "" : `${server.databaseLimitGb} GB`),
      el("label", { class: "check" }, tracking, el("span", { i18n: "esm.messageTracking" })),
      el("label", { class: "check" }, remove, el("span", { i18n: "esm.removeLogFiles" })),
      el("div", { class: "field-row" }, el("label", { i18n: "esm.removeLogFilesDays" }), days),
      el("div", { class: "field-row" }, el("label", { i18n: "esm.logFileDirectory" }), directory),
      el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "apply-general", i18n: "admin.apply",
        onclick: () => put({ messageTrackingEnabled: tracking.checked, removeLogFiles: remove.checked, removeLogFilesDays: Number(days.value),
          logFileDirectory: directory.value.trim() === page.properties.trackingLogDirectory ? settings.logFileDirectory : directory.value.trim() || null }) }))),
    el("fieldset", { class: "group", "data-tab": "server-locales" }, el("legend", { i18n: "esm.tab.locales" }),
      el("div", { class: "field-row" }, el("label", { i18n: "esm.locales" }), locales),
      el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "apply-locales", i18n: "admin.apply",
        onclick: () => put({ locales: locales.value.split(",").map((x) => x.trim()).filter((x) => x.length > 0) }) }))),
    el("fieldset", { class: "group", "data-tab": "server-diagnostics" }, el("legend", { i18n: "esm.tab.diagnostics" }),
      el("table", { class: "esm-list" },
        el("thead", {}, el("tr", {}, ...["esm.diagService", "esm.diagCategory", "esm.diagLevel"].map((key) => el("th", { i18n: key })))),
        el("tbody", {}, ...diagnosticRows)),
      el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "apply-diagnostics", i18n: "admin.apply",
        onclick: () => put(Object.fromEntries(levels.map(([name, select]) => [name, select.value]))) }))),
  ];
}

/** Diagnostics Logging's levels (the server property table's choice; the API gives None as null). */
const DIAGNOSTICS_LEVELS = ["None", "Minimum", "Medium", "Maximum"];

/** Exchange Server 2003's builds as ESM's General tab shows them: RTM 6944.4, SP1 7226.6, SP2 7638.2. */
const BUILDS = { 0: "6944.4", 1: "7226.6", 2: "7638.2" };

function version(servicePack) {
  const build = BUILDS[servicePack] ?? BUILDS[2];
  return servicePack > 0 ? `6.5 (Build ${build}: ${t("esm.servicePack", servicePack)})` : `6.5 (Build ${build})`;
}

function storePane(store) {
  const mount = el("button", {
    type: "button", "data-action": store.mounted ? "dismount" : "mount", i18n: store.mounted ? "esm.dismount" : "esm.mount",
    onclick: () => act(`${base()}/stores/${encodeURIComponent(store.name)}/${store.mounted ? "dismount" : "mount"}`),
  });
  return [
    el("p", { "data-role": "store-state", "data-mounted": String(store.mounted), i18n: store.mounted ? "esm.mounted" : "esm.dismounted" }),
    el("div", { class: "buttons" }, mount),
    el("fieldset", { class: "group", "data-tab": "store-general" }, el("legend", { i18n: "admin.tab.general" }),
      row("esm.storageGroup", store.group),
      store.kind === "Mailbox" ? row("esm.publicStore", publicStoreOf(store.group)) : null),
    el("fieldset", { class: "group", "data-tab": "store-database" }, el("legend", { i18n: "esm.tab.database" }),
      row("esm.databaseFile", `${store.databaseFile.name} (${kilobytes(store.databaseFile.bytes)})`),
      row("esm.streamingFile", `${store.streamingFile.name} (${kilobytes(store.streamingFile.bytes)})`),
      row("esm.maintenance", maintenanceText(store.maintenanceInterval)),
      row("esm.doNotMount", t(store.doNotMountAtStartup ? "esm.yes" : "esm.no"))),
    page.limits ? limitsTab(store) : null,
    el("fieldset", { class: "group", "data-tab": "store-details" }, el("legend", { i18n: "esm.tab.details" }),
      row("esm.mailboxCount", String(store.mailboxCount)), row("esm.totalItems", String(store.totalItems))),
  ];
}

/** The Database tab's maintenance interval as ESM words it: "Run daily from 00:00 to 04:00", "Always run", "Never run". */
function maintenanceText(interval) {
  if (interval === "always" || interval === "never") {
    return t(`esm.maintenance.${interval}`);
  }
  const [from, to] = interval.split("-");
  return t("esm.maintenance.daily", from, to);
}

/** The Limits tab from the store limits table; Apply sends every box (empty: no limit) with PUT …/limits. */
function limitsTab(store) {
  const inputs = page.limits.names.map((name) => [name, el("input", { type: "number", min: "0", name, value: page.limits.values[name] ?? "" })]);
  const apply = () => act(`${base()}/stores/${encodeURIComponent(store.name)}/limits`,
    Object.fromEntries(inputs.map(([name, input]) => [name, input.value === "" ? null : Number(input.value)])), "PUT");
  return el("fieldset", { class: "group", "data-tab": "store-limits" }, el("legend", { i18n: "esm.tab.limits" }),
    ...inputs.map(([name, input]) => el("div", { class: "field-row" }, el("label", { i18n: `esm.limit.${name}` }), input)),
    el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "apply-limits", i18n: "admin.apply", onclick: apply })));
}

/** Exchange 2003 associates a mailbox store with the public folder store of its server (setup's "Public Folder Store (SERVER)"). */
function publicStoreOf(group) {
  const pub = page.server.storageGroups.flatMap((g) => g.stores).find((s) => s.kind === "PublicFolder");
  return pub?.name ?? group;
}

function servicesTable(services) {
  const rows = services.map((s) => el("tr", { "data-service": s.name, "data-status": s.status },
    el("td", { text: s.displayName }),
    el("td", { "data-role": "status", i18n: `esm.status.${s.status}` }),
    el("td", { i18n: `esm.startup.${s.startupType}` }),
    el("td", { class: "actions" },
      el("button", { type: "button", "data-action": "start", i18n: "start", disabled: s.status !== "Stopped",
        onclick: () => act(`${base()}/services/${encodeURIComponent(s.name)}/start`) }),
      el("button", { type: "button", "data-action": "stop", i18n: "stop", disabled: s.status === "Stopped",
        onclick: () => stop(s) }))));
  return el("table", { class: "esm-services" },
    el("thead", {}, el("tr", {}, ...["esm.name", "esm.status", "esm.startupType", "actions"].map((key) => el("th", { i18n: key })))),
    el("tbody", {}, ...rows));
}

/** Stop: with running dependents the API answers 409 listing them, and the page asks as "Stop Other Services" does. */
async function stop(service) {
  const path = `${base()}/services/${encodeURIComponent(service.name)}/stop`;
  const current = page;
  clearErrors(current.parts.node);
  try {
    await call("POST", path);
  } catch (error) {
    const dependents = error.answer?.dependentsThatWouldStop;
    if (!dependents) {
      showError(current.parts.error, error.display ?? String(error));
      return reload();
    }
    const question = el("div", { class: "stop-other-services", role: "alertdialog", "data-role": "stop-other-services" },
      el("h4", { i18n: "esm.stopOther" }),
      el("p", { text: t("esm.stopOtherQuestion", service.displayName) }),
      el("ul", {}, ...dependents.map((d) => el("li", { "data-dependent": d.name, text: d.displayName }))),
      el("div", { class: "buttons" },
        el("button", { type: "button", "data-action": "stop-yes", i18n: "esm.yes", onclick: () => act(`${path}?stopDependents=true`) }),
        el("button", { type: "button", "data-action": "stop-no", i18n: "esm.no", onclick: () => question.remove() })));
    current.parts.body.querySelector(".esm-pane").append(question);
    return undefined;
  }
  return reload();
}

async function act(path, body, method = "POST") {
  const current = page;
  clearErrors(current.parts.node);
  try {
    await call(method, path, body);
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
  await reload();
}

function row(label, value) {
  return el("div", { class: "field-row" }, el("label", { i18n: label }), el("span", { "data-field": label, text: value }));
}

function table(columns, rows, keys) {
  return el("table", { class: "esm-list" },
    el("thead", {}, el("tr", {}, ...columns.map((key) => el("th", { i18n: key })))),
    el("tbody", {}, ...rows.map((cells, i) => el("tr", { "data-row": keys[i] }, ...cells.map((c) => el("td", { text: c }))))));
}

function time(value) {
  return value ? new Date(value).toLocaleString() : "";
}

// Active Directory Users and Computers with the Exchange extensions ("Управление учетными записями через
// Active Directory"): the domain's Users container (users, contacts, distribution groups) and a user's
// Exchange tabs: Exchange General (alias, delivery restrictions and options), E-mail Addresses (the
// primary in bold; Add, Remove, Set as Primary) and Exchange Features (POP3, IMAP4, Outlook Web Access).
// Everything goes through /servers/{host}/directory, the API `maillab ad` uses.
import "./admin-exchange-i18n.js";
import { t } from "./i18n.js";
import { call, hostPath } from "./admin-api.js";
import { el, dialog, open, closeButton, showError, clearErrors } from "./admin-dom.js";

let page = null;

const FEATURES = ["pop3", "imap4", "owa"];
const GENERAL = ["maxSendingSizeKb", "maxReceivingSizeKb", "acceptMessagesFrom", "rejectMessagesFrom", "forwardingAddress", "deliverToBoth", "maxRecipients"];

export async function openAduc(host) {
  const parts = dialog("admin-aduc", "aduc");
  parts.node.dataset.host = host;
  page = { host, parts, selected: null, tab: "general" };
  parts.footer.append(closeButton(parts.node));
  retranslateAduc();
  open(parts.node);
  await reload();
}

export function retranslateAduc() {
  if (page) {
    page.parts.title.textContent = t("aduc.title", page.host);
    if (page.directory) {
      render();
    }
  }
}

function base() {
  return `${hostPath(page.host)}/directory`;
}

async function reload() {
  const current = page;
  try {
    const directory = await call("GET", base());
    // Exchange General's mailbox store: the Mailboxes node of each mailbox store of the server.
    const server = await call("GET", `${hostPath(current.host)}/exchange`);
    const stores = server.storageGroups.flatMap((g) => g.stores).filter((s) => s.kind === "Mailbox").map((s) => s.name);
    const storeOf = {};
    for (const store of stores) {
      for (const m of await call("GET", `${hostPath(current.host)}/exchange/stores/${encodeURIComponent(store)}/mailboxes`)) {
        storeOf[m.address.toLowerCase()] = store;
      }
    }
    if (page === current) {
      Object.assign(current, { directory, stores, storeOf });
      render();
    }
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
}

async function act(method, path, body) {
  const current = page;
  clearErrors(current.parts.node);
  try {
    await call(method, path, body);
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
  await reload();
}

function render() {
  const { directory, parts } = page;
  const recipients = [...directory.users, ...directory.contacts, ...directory.groups];
  const rows = recipients.map((r) => el("tr", { "data-recipient": r.alias, "data-kind": r.kind, class: page.selected === r.alias ? "selected" : undefined },
    el("td", {}, el("button", { type: "button", class: "tree-node", "data-action": "select", text: r.displayName || r.name,
      onclick: () => { page.selected = r.alias; render(); } })),
    el("td", { i18n: `aduc.kind.${r.kind}` }),
    el("td", { text: r.primaryAddress ?? r.externalAddress ?? "" })));
  const selected = recipients.find((r) => r.alias === page.selected);
  parts.body.replaceChildren(el("div", { class: "esm" },
    el("div", {},
      el("h4", { text: `${directory.name} / ${t("aduc.users")}` }),
      el("table", { class: "esm-list", "data-role": "users-container" },
        el("thead", {}, el("tr", {}, ...["esm.name", "aduc.type", "esm.address"].map((key) => el("th", { i18n: key })))),
        el("tbody", {}, ...rows))),
    selected ? properties(selected) : el("p", { class: "muted", i18n: "aduc.selectRecipient" })));
  parts.node.dataset.loaded = String(Number(parts.node.dataset.loaded ?? 0) + 1);
}

function properties(r) {
  const path = `${base()}/recipients/${encodeURIComponent(r.alias)}`;
  const tabs = r.kind === "user" ? ["general", "addresses", "features"] : ["addresses"];
  const tab = tabs.includes(page.tab) ? page.tab : tabs[0];
  const strip = el("div", { class: "tabs", role: "tablist" }, ...tabs.map((name) => el("button", {
    type: "button", role: "tab", "data-tab": name, "aria-selected": String(name === tab), i18n: `aduc.tab.${name}`,
    onclick: () => { page.tab = name; render(); },
  })));
  const panel = tab === "general" ? general(r) : tab === "features" ? features(r, path) : addresses(r, path);
  return el("div", { class: "aduc-properties", "data-properties": r.alias }, el("h4", { text: t("aduc.propertiesOf", r.displayName || r.name) }), strip, panel,
    r.kind === "user" ? tasks(r, path) : null);
}

/** Exchange Tasks: Move Mailbox (to another mailbox store of the server) and Establish E-mail Addresses (an external address). */
function tasks(r, path) {
  const current = r.account ? page.storeOf[r.account.toLowerCase()] : null;
  const target = el("select", { name: "moveTo" }, ...page.stores.filter((s) => s !== current).map((s) => el("option", { value: s, text: s })));
  const external = el("input", { type: "text", name: "externalAddress", placeholder: "name@example.com" });
  return el("fieldset", { class: "group", "data-role": "exchange-tasks" }, el("legend", { i18n: "aduc.tasks" }),
    current ? el("div", { class: "field-row" }, el("label", { i18n: "aduc.moveMailbox" }), target,
      el("button", { type: "button", "data-action": "move-mailbox", i18n: "aduc.move", disabled: target.options.length === 0,
        onclick: () => act("POST", `${hostPath(page.host)}/exchange/mailboxes/${encodeURIComponent(r.account)}/move`, { store: target.value }) })) : null,
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.establish" }), external,
      el("button", { type: "button", "data-action": "establish", i18n: "aduc.apply",
        onclick: () => act("POST", `${path}/email-address`, { externalAddress: external.value.trim() }) })));
}

function general(r) {
  const store = r.account ? page.storeOf[r.account.toLowerCase()] : null;
  return el("div", { "data-panel": "general" },
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.mailboxStore" }), el("span", { "data-field": "mailboxStore", text: store ?? "" })),
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.alias" }), el("span", { "data-field": "alias", text: r.alias })),
    ...GENERAL.map((name) => el("div", { class: "field-row" },
      el("label", { i18n: `aduc.setting.${name}` }), el("span", { "data-field": name, text: value(r.settings?.[name]) }))));
}

function value(v) {
  if (v === null || v === undefined) {
    return t("aduc.noLimit");
  }
  return Array.isArray(v) ? v.join(", ") : String(v);
}

function features(r, path) {
  return el("div", { "data-panel": "features" }, el("table", { class: "esm-list" },
    el("tbody", {}, ...FEATURES.map((name) => {
      const enabled = r.settings?.[name] === "enabled";
      return el("tr", { "data-feature": name, "data-enabled": String(enabled) },
        el("td", { i18n: `aduc.feature.${name}` }),
        el("td", { i18n: enabled ? "aduc.enabled" : "aduc.disabled" }),
        el("td", { class: "actions" }, el("button", {
          type: "button", "data-action": enabled ? "disable" : "enable", i18n: enabled ? "aduc.disable" : "aduc.enable",
          onclick: () => act("PUT", `${path}/settings`, { [name]: enabled ? "disabled" : "enabled" }),
        })));
    }))));
}

function addresses(r, path) {
  const input = el("input", { type: "text", name: "newProxy", placeholder: "smtp:name@example.com" });
  const items = r.proxyAddresses.map((p) => {
    const primary = p.startsWith("SMTP:");
    return el("li", { "data-proxy": p, "data-primary": String(primary) },
      primary ? el("strong", { text: p }) : el("span", { text: p }),
      primary ? null : el("button", { type: "button", "data-action": "set-primary", i18n: "aduc.setPrimary",
        onclick: () => act("POST", `${path}/proxy-addresses/${encodeURIComponent(p)}/primary`) }),
      el("button", { type: "button", "data-action": "remove-proxy", i18n: "admin.remove",
        onclick: () => act("DELETE", `${path}/proxy-addresses/${encodeURIComponent(p)}`) }));
  });
  return el("div", { "data-panel": "addresses" },
    el("ul", { class: "proxies" }, ...items),
    el("div", { class: "buttons" }, input, el("button", { type: "button", "data-action": "add-proxy", i18n: "admin.add",
      onclick: () => act("POST", `${path}/proxy-addresses`, { address: input.value.trim() }) })));
}

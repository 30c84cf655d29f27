// Active Directory Users and Computers with the Exchange extensions ("Управление учетными записями через
// Active Directory"): the domain's Users container (users, contacts, distribution groups) and a user's
// Exchange tabs: Exchange General (alias, delivery restrictions and options), E-mail Addresses (the
// primary in bold; Add, Remove, Set as Primary) and Exchange Features (POP3, IMAP4, Outlook Web Access).
// Everything goes through /servers/{host}/directory, the API `maillab ad` uses.
import "./admin-exchange-i18n.js";
import { t } from "./i18n.js";
import { call, hostPath } from "./admin-api.js";
import { el, dialog, open, closeButton, showError, clearErrors, fieldRow } from "./admin-dom.js";

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

/** Runs a change, shows Exchange's refusal in the dialog's error line, reloads; true when it was made. */
async function act(method, path, body) {
  const current = page;
  clearErrors(current.parts.node);
  let ok = true;
  try {
    await call(method, path, body);
  } catch (error) {
    ok = false;
    showError(current.parts.error, error.display ?? String(error));
  }
  await reload();
  return ok;
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
  const tabs = r.kind === "user" ? ["general", "addresses", "features", "advanced"] : ["addresses"];
  const tab = tabs.includes(page.tab) ? page.tab : tabs[0];
  const strip = el("div", { class: "tabs", role: "tablist" }, ...tabs.map((name) => el("button", {
    type: "button", role: "tab", "data-tab": name, "aria-selected": String(name === tab), i18n: `aduc.tab.${name}`,
    onclick: () => { page.tab = name; render(); if (name === "advanced") { loadRights(r); } },
  })));
  const panel = tab === "general" ? general(r) : tab === "features" ? features(r, path) : tab === "advanced" ? advanced(r) : addresses(r, path);
  return el("div", { class: "aduc-properties", "data-properties": r.alias }, el("h4", { text: t("aduc.propertiesOf", r.displayName || r.name) }), strip, panel,
    r.kind === "user" ? tasks(r, path) : null);
}

/** The Exchange Tasks… button of a user; the wizard opens under it. */
function tasks(r, path) {
  const open = page.wizard?.alias === r.alias;
  return el("div", { class: "buttons", "data-role": "exchange-tasks" },
    el("button", { type: "button", "data-action": "exchange-tasks", i18n: "aduc.tasksButton", disabled: open,
      onclick: () => { page.wizard = { alias: r.alias, step: 1, task: null }; render(); } }),
    open ? wizard(r, path) : null);
}

/**
 * The Exchange Task Wizard for one user, in two pages: the tasks the user can have (Create Mailbox and
 * Establish E-mail Addresses without a mailbox; Move Mailbox and Delete Mailbox with one), then the
 * chosen task's fields and Finish.
 */
function wizard(r, path) {
  const state = page.wizard;
  const current = r.account ? page.storeOf[r.account.toLowerCase()] : null;
  const available = current ? ["move", "delete"] : ["create", "establish"];
  const close = () => { page.wizard = null; render(); };
  const finish = async (method, url, body) => {
    const ok = await act(method, url, body);
    if (ok && page.wizard === state) {
      page.wizard = null;
      render();
    }
  };
  let content;
  let buttons;
  if (state.step === 1) {
    state.task = available.includes(state.task) ? state.task : available[0];
    content = el("fieldset", { class: "group" }, el("legend", { i18n: "aduc.wizard.pick" }),
      ...available.map((task) => el("label", { class: "check" },
        el("input", { type: "radio", name: "exchangeTask", value: task, checked: state.task === task, onchange: () => { state.task = task; } }),
        el("span", { i18n: `aduc.task.${task}` }))));
    buttons = [el("button", { type: "button", "data-action": "wizard-next", i18n: "aduc.wizard.next", onclick: () => { state.step = 2; render(); } })];
  } else {
    const mailboxes = `${hostPath(page.host)}/exchange/mailboxes`;
    const storeSelect = (name, except) => el("select", { name }, ...page.stores.filter((s) => s !== except).map((s) => el("option", { value: s, text: s })));
    if (state.task === "create") {
      const store = storeSelect("mailboxStore", null);
      const alias = el("input", { type: "text", name: "mailboxAlias", value: r.alias });
      content = el("div", {}, fieldRow("mailboxAlias", "aduc.alias", alias), fieldRow("mailboxStore", "aduc.mailboxStore", store));
      buttons = [el("button", { type: "button", "data-action": "wizard-finish", i18n: "aduc.wizard.finish",
        onclick: () => finish("POST", mailboxes, { address: r.account, store: store.value, alias: alias.value.trim() }) })];
    } else if (state.task === "move") {
      const store = storeSelect("moveTo", current);
      content = fieldRow("moveTo", "aduc.moveMailbox", store);
      buttons = [el("button", { type: "button", "data-action": "wizard-finish", i18n: "aduc.wizard.finish", disabled: store.options.length === 0,
        onclick: () => finish("POST", `${mailboxes}/${encodeURIComponent(r.account)}/move`, { store: store.value }) })];
    } else if (state.task === "delete") {
      content = el("p", { "data-role": "delete-warning", text: t("aduc.wizard.deleteWarning", r.account, current) });
      buttons = [el("button", { type: "button", "data-action": "wizard-finish", i18n: "aduc.wizard.finish",
        onclick: () => finish("DELETE", `${mailboxes}/${encodeURIComponent(r.account)}`) })];
    } else {
      const external = el("input", { type: "text", name: "externalAddress", placeholder: "name@example.com" });
      content = fieldRow("externalAddress", "aduc.establish", external);
      buttons = [el("button", { type: "button", "data-action": "wizard-finish", i18n: "aduc.wizard.finish",
        onclick: () => finish("POST", `${path}/email-address`, { externalAddress: external.value.trim() }) })];
    }
    buttons.unshift(el("button", { type: "button", "data-action": "wizard-back", i18n: "aduc.wizard.back", onclick: () => { state.step = 1; render(); } }));
  }
  return el("div", { class: "aduc-panel", role: "dialog", "data-role": "exchange-task-wizard", "data-step": String(state.step), "data-task": state.step === 2 ? state.task : undefined },
    el("h4", { text: t("aduc.wizard.title", r.displayName || r.name) }),
    content,
    el("div", { class: "buttons" }, ...buttons,
      el("button", { type: "button", "data-action": "wizard-cancel", i18n: "aduc.wizard.cancel", onclick: close })));
}

/** The Exchange General tab: the mailbox store, the alias, the settings, and the buttons of its three dialogs. */
function general(r) {
  const store = r.account ? page.storeOf[r.account.toLowerCase()] : null;
  const sheetOpen = openSheetOf(r, ["restrictions", "options", "limits"]);
  const button = (name) => el("button", { type: "button", "data-action": `open-${name}`, i18n: `aduc.sheet.${name}`, disabled: Boolean(sheetOpen),
    onclick: () => openSheet(r, name) });
  return el("div", { "data-panel": "general" },
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.mailboxStore" }), el("span", { "data-field": "mailboxStore", text: store ?? t("aduc.noMailbox") })),
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.alias" }), el("span", { "data-field": "alias", text: r.alias })),
    ...GENERAL.map((name) => el("div", { class: "field-row" },
      el("label", { i18n: `aduc.setting.${name}` }), el("span", { "data-field": name, text: value(r.settings?.[name]) }))),
    el("div", { class: "buttons" }, button("restrictions"), button("options"), store ? button("limits") : null),
    sheetOpen ? sheet(r, sheetOpen) : null);
}

// The fields of the three dialogs of Exchange General, by setting name (RecipientSettings, MailboxLimitSettings):
// kb = a check box with a number (cleared: null), list = names separated by commas, text = empty for null, bool = a check box.
const SHEETS = {
  restrictions: [["maxSendingSizeKb", "kb"], ["maxReceivingSizeKb", "kb"], ["acceptMessagesFrom", "list"], ["rejectMessagesFrom", "list"]],
  options: [["forwardingAddress", "text"], ["deliverToBoth", "bool"], ["maxRecipients", "kb"]],
  limits: [["useStoreDefaults", "bool"], ["issueWarningKb", "kb"], ["prohibitSendKb", "kb"], ["prohibitSendAndReceiveKb", "kb"]],
  advanced: [["simpleDisplayName", "text"], ["hideFromAddressLists", "bool"]],
  custom: Array.from({ length: 15 }, (_, i) => [`customAttribute${i + 1}`, "text"]),
};

/**
 * The Exchange Advanced tab: simple display name and "Hide from Exchange address lists" (Change…), Custom
 * Attributes 1-15 (Custom Attributes…), and the Mailbox Rights, read-only.
 */
function advanced(r) {
  const sheetOpen = openSheetOf(r, ["advanced", "custom"]);
  const set = SHEETS.custom.map(([name]) => name).filter((name) => r.settings?.[name]);
  const rights = page.rights?.[r.alias];
  return el("div", { "data-panel": "advanced" },
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.setting.simpleDisplayName" }), el("span", { "data-field": "simpleDisplayName", text: r.settings?.simpleDisplayName ?? "" })),
    el("div", { class: "field-row" }, el("label", { i18n: "aduc.setting.hideFromAddressLists" }),
      el("span", { "data-field": "hideFromAddressLists", i18n: r.settings?.hideFromAddressLists ? "esm.yes" : "esm.no" })),
    el("ul", { "data-role": "custom-attributes" }, ...set.map((name) => el("li", { "data-attribute": name, text: `${t(`aduc.setting.${name}`)}: ${r.settings[name]}` }))),
    el("div", { class: "buttons" },
      ...["advanced", "custom"].map((name) => el("button", { type: "button", "data-action": `open-${name}`, i18n: `aduc.sheet.${name}`, disabled: Boolean(sheetOpen),
        onclick: () => openSheet(r, name) }))),
    sheetOpen ? sheet(r, sheetOpen) : null,
    page.storeOf[r.account?.toLowerCase()] ? el("fieldset", { class: "group", "data-role": "mailbox-rights" }, el("legend", { i18n: "aduc.rights" }),
      el("table", { class: "esm-list" },
        el("thead", {}, el("tr", {}, ...["aduc.rights.name", "aduc.rights.allow", "aduc.rights.deny", "aduc.rights.inherited"].map((key) => el("th", { i18n: key })))),
        el("tbody", {}, ...(rights ?? []).map((right) => el("tr", { "data-trustee": right.trustee },
          el("td", { text: right.trustee }), el("td", { text: right.allow.join(", ") }), el("td", { text: right.deny.join(", ") }),
          el("td", { i18n: right.inherited ? "esm.yes" : "esm.no" }))))),
      el("p", { class: "muted", i18n: "aduc.rights.readOnly" })) : null);
}

/** Reads the user's Mailbox Rights once for the Exchange Advanced tab. */
async function loadRights(r) {
  const current = page;
  if (!r.account || !current.storeOf[r.account.toLowerCase()] || current.rights?.[r.alias]) {
    return;
  }
  try {
    const rights = await call("GET", `${hostPath(current.host)}/exchange/mailboxes/${encodeURIComponent(r.account)}/rights`);
    if (page === current) {
      current.rights = { ...(current.rights ?? {}), [r.alias]: rights };
      render();
    }
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
}

/** The user's open dialog when it is one of <names> (those of the tab shown), else null. */
function openSheetOf(r, names) {
  return page.sheet?.alias === r.alias && names.includes(page.sheet.name) ? page.sheet : null;
}

/** Opens one of Exchange General's dialogs with the user's values (Storage Limits reads them from the mailbox). */
async function openSheet(r, name) {
  const current = page;
  let values = r.settings ?? {};
  if (name === "limits") {
    try {
      values = await call("GET", limitsPath(r));
    } catch (error) {
      showError(current.parts.error, error.display ?? String(error));
      return;
    }
  }
  if (page === current) {
    page.sheet = { alias: r.alias, name, values };
    render();
  }
}

function limitsPath(r) {
  return `${hostPath(page.host)}/exchange/mailboxes/${encodeURIComponent(r.account)}/limits`;
}

/** A dialog of Exchange General: its fields, OK (all or nothing, Exchange's refusal in the error line) and Cancel. */
function sheet(r, state) {
  const controls = SHEETS[state.name].map(([name, kind]) => {
    const v = state.values[name];
    if (kind === "bool") {
      const box = el("input", { type: "checkbox", name, checked: v === true });
      return { name, read: () => box.checked, node: el("label", { class: "check", "data-setting": name }, box, el("span", { i18n: `aduc.setting.${name}` })) };
    }
    if (kind === "kb") {
      const box = el("input", { type: "checkbox", name: `${name}-set`, checked: v !== null && v !== undefined });
      const number = el("input", { type: "number", name, min: "0", value: v ?? "" });
      return { name, read: () => (box.checked ? Number(number.value) : null),
        node: el("div", { class: "field-row", "data-setting": name }, el("label", { class: "check" }, box, el("span", { i18n: `aduc.setting.${name}` })), number) };
    }
    const input = el("input", { type: "text", name, value: Array.isArray(v) ? v.join(", ") : (v ?? "") });
    const read = kind === "list"
      ? () => input.value.split(",").map((x) => x.trim()).filter((x) => x.length > 0)
      : () => (input.value.trim().length === 0 ? null : input.value.trim());
    return { name, read, node: el("div", { class: "field-row", "data-setting": name }, el("label", { i18n: `aduc.setting.${name}` }), input) };
  });
  const path = state.name === "limits" ? limitsPath(r) : `${base()}/recipients/${encodeURIComponent(r.alias)}/settings`;
  const apply = async () => {
    const body = Object.fromEntries(controls.map((c) => [c.name, c.read()]));
    // A refused change keeps the dialog open with what was typed, as the reload renders it again.
    state.values = { ...state.values, ...body };
    if (await act("PUT", path, body) && page.sheet === state) {
      page.sheet = null;
      render();
    }
  };
  return el("div", { class: "aduc-panel", role: "dialog", "data-role": `sheet-${state.name}` },
    el("h4", { i18n: `aduc.sheet.${state.name}.title` }),
    ...controls.map((c) => c.node),
    el("div", { class: "buttons" },
      el("button", { type: "button", "data-action": "sheet-ok", i18n: "aduc.sheet.ok", onclick: apply }),
      el("button", { type: "button", "data-action": "sheet-cancel", i18n: "aduc.wizard.cancel", onclick: () => { page.sheet = null; render(); } })));
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

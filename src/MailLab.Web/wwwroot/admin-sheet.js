// The Properties sheet of one SMTP virtual server, after IIS 6's: General, Access, Messages, Delivery,
// Security and Domains tabs, Start / Pause / Stop, and OK / Cancel / Apply. Apply sends only what changed
// (PATCH …/settings, all-or-nothing; PUT …/security); an error the API names a setting in is shown next
// to that setting, on its tab.
import { t } from "./i18n.js";
import { call, vsPath } from "./admin-api.js";
import { el, fieldRow, dialog, open, clearErrors, showFieldError, showError, fieldNamed, portText } from "./admin-dom.js";
import { TABS, loadLayout, extras, flatten, parse, listText } from "./admin-settings.js";
import { renderDomains } from "./admin-domains.js";

let sheet = null;
let notify = () => {};

export function initSheet(onChanged) {
  notify = onChanged;
}

/** Opens the sheet of virtual server vs (its DTO from GET /servers) on host. */
export async function openProperties(host, vs) {
  const parts = dialog("admin-sheet", "property-sheet");
  parts.node.dataset.host = host;
  parts.node.dataset.vs = vs.name;
  sheet = { host, vs, parts, tab: "general", controls: new Map(), original: {}, operators: null, settings: null };
  parts.node.addEventListener("admin-close", close, { once: true });

  const stateBadge = el("span", { class: "state", "data-role": "state" });
  const stateButtons = ["start", "pause", "stop"].map((action) =>
    el("button", { type: "button", "data-action": action, i18n: action, onclick: () => changeState(action) }));
  const strip = el("div", { class: "tabs", role: "tablist" }, ...TABS.map((tab) =>
    el("button", { type: "button", role: "tab", "data-tab": tab, i18n: `admin.tab.${tab}`, onclick: () => showTab(tab) })));
  // Left / Right move between tabs, as in a Windows property sheet (and the WAI-ARIA tabs pattern).
  strip.addEventListener("keydown", (event) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (step) {
      const tab = TABS[(TABS.indexOf(sheet.tab) + step + TABS.length) % TABS.length];
      showTab(tab);
      strip.querySelector(`[data-tab='${tab}']`).focus();
      event.preventDefault();
    }
  });
  const panels = TABS.map((tab) => el("div", { class: "tab-panel", role: "tabpanel", "data-panel": tab, hidden: true }));
  parts.body.append(el("div", { class: "sheet-state" }, el("span", { i18n: "state" }), stateBadge, ...stateButtons), strip, ...panels);
  parts.footer.append(
    el("button", { type: "button", "data-action": "ok", i18n: "admin.ok", onclick: ok }),
    el("button", { type: "button", "data-action": "cancel", i18n: "admin.cancel", onclick: close }),
    el("button", { type: "button", "data-action": "apply", i18n: "admin.apply", onclick: apply }));
  retranslateSheet();
  showTab("general");
  open(parts.node);
  await load();
}

/** Keeps the sheet's state and identity in step with the page's server list. */
export function updateSheet(servers) {
  if (!sheet) {
    return;
  }
  const vs = servers.find((h) => h.name === sheet.host)?.smtp.virtualServers.find((v) => v.name === sheet.vs.name);
  if (vs) {
    sheet.vs = vs;
    retranslateSheet();
  }
}

export function retranslateSheet() {
  if (!sheet) {
    return;
  }
  const { parts, vs, host } = sheet;
  parts.title.textContent = t("admin.propertiesOf", vs.name, host);
  const badge = parts.body.querySelector("[data-role='state']");
  badge.className = `state ${vs.state}`;
  badge.dataset.state = vs.state;
  badge.textContent = t(`state.${vs.state}`);
  parts.node.dataset.state = vs.state;
  for (const button of parts.body.querySelectorAll(".sheet-state button")) {
    const action = button.dataset.action;
    button.disabled = (action === "start" && vs.state === "Running") || (action === "pause" && vs.state !== "Running")
      || (action === "stop" && vs.state === "Stopped");
  }
  const identity = parts.body.querySelector("[data-role='identity']");
  if (identity) {
    identity.replaceWith(identityBox(vs));
  }
}

function close() {
  if (sheet?.parts.node.open) {
    sheet.parts.node.close();
  }
  sheet = null;
}

function showTab(tab) {
  sheet.tab = tab;
  for (const button of sheet.parts.body.querySelectorAll("[role='tab']")) {
    button.setAttribute("aria-selected", String(button.dataset.tab === tab));
  }
  for (const panel of sheet.parts.body.querySelectorAll("[role='tabpanel']")) {
    panel.hidden = panel.dataset.panel !== tab;
  }
}

function panel(tab) {
  return sheet.parts.body.querySelector(`[data-panel='${tab}']`);
}

async function load() {
  const current = sheet;
  const path = vsPath(current.host, current.vs.name);
  const [settings, security, layout] = await Promise.allSettled([
    call("GET", `${path}/settings`), call("GET", `${path}/security`), loadLayout()]);
  if (sheet !== current) {
    return;
  }
  if (layout.status === "rejected") {
    showError(current.parts.error, layout.reason.display ?? String(layout.reason));
  } else if (settings.status === "fulfilled") {
    current.layout = layout.value;
    fillSettings(settings.value);
  } else {
    showError(current.parts.error, settings.reason.display ?? String(settings.reason));
  }
  fillSecurity(security.status === "fulfilled" ? security.value : null, security.reason);
  renderDomains(panel("domains"), current.host, current.vs.name, notify);
  current.parts.node.dataset.loaded = "1";
}

function identityBox(vs) {
  const row = (key, value) => [el("dt", { i18n: key }), el("dd", { text: value ?? "—" })];
  return el("fieldset", { class: "group", "data-role": "identity" },
    el("legend", { i18n: "admin.group.identity" }),
    el("dl", { class: "summary" },
      ...row("admin.ipAddress", vs.address), ...row("admin.port", portText(vs.port, vs.endpoint)), ...row("endpoint", vs.endpoint),
      ...row("admin.homeDirectory", vs.homeDirectory), ...row("admin.defaultDomain", vs.defaultDomain)));
}

function fillSettings(settings) {
  sheet.settings = settings;
  sheet.original = flatten(settings);
  sheet.controls.clear();
  for (const tab of ["general", "access", "messages", "delivery", "ldapRouting"]) {
    const groups = (sheet.layout[tab] ?? []).map(([group, fields]) => [`admin.group.${group}`, fields]);
    const other = extras(settings, tab);
    if (other.length > 0) {
      groups.push(["admin.group.other", other]);
    }
    const boxes = groups.map(([legend, fields]) => {
      const rows = fields.filter(([name]) => name in sheet.original).map(([name, kind, choices]) => settingRow(name, kind, choices));
      return rows.length === 0 ? null : el("fieldset", { class: "group" }, el("legend", { i18n: legend }), ...rows);
    });
    const before = tab === "general" ? [identityBox(sheet.vs)] : [];
    const after = tab === "general" ? [deleteBox()]
      : tab === "messages" && !("badMailDirectory" in sheet.original) ? [badmailBox(sheet.vs)] : [];
    panel(tab).replaceChildren(...before, ...boxes.filter(Boolean), ...after);
  }
}

/**
 * The Messages tab's Badmail directory: in MailLab it is the home directory's Badmail folder (fixed,
 * like the home directory itself), shown with the .BAD/.BDR files it holds (GET …/folders/Badmail).
 */
function badmailBox(vs) {
  const files = el("ul", { class: "badmail-files", "data-role": "badmail" });
  const count = el("span", { class: "muted" });
  const current = sheet;
  call("GET", `${vsPath(current.host, vs.name)}/folders/Badmail`).then((list) => {
    count.textContent = t("admin.files", list.length);
    files.replaceChildren(...list.slice(0, 20).map((f) => el("li", { text: `${f.name} — ${f.message.subject}` })));
  }, (error) => {
    count.textContent = error.display ?? String(error);
  });
  return el("fieldset", { class: "group" }, el("legend", { i18n: "admin.setting.badMailDirectory" }),
    el("p", {}, el("code", { text: `${vs.homeDirectory}\\Badmail` }), " ", count), files);
}

/** Deletes the virtual server (DELETE …/{vs}); the first click arms the button, the second confirms. */
function deleteBox() {
  const button = el("button", { type: "button", class: "danger", "data-action": "delete-vs", i18n: "admin.deleteVirtualServer" });
  button.addEventListener("click", async () => {
    if (button.dataset.armed !== "1") {
      button.dataset.armed = "1";
      button.dataset.i18n = "admin.deleteConfirm";
      button.textContent = t("admin.deleteConfirm");
      return;
    }
    const current = sheet;
    try {
      await call("DELETE", vsPath(current.host, current.vs.name));
      close();
      notify();
    } catch (error) {
      showError(current.parts.error, error.display ?? String(error));
    }
  });
  return el("div", { class: "buttons" }, button);
}

function label(name) {
  const key = `admin.setting.${name}`;
  return t(key) === key ? { text: name } : key;
}

/** One setting's row; registers how to read it back. */
function settingRow(name, kind, choices = []) {
  const value = sheet.original[name];
  let read;
  let row;
  if (kind === "bool") {
    const box = el("input", { type: "checkbox", name, checked: !!value });
    read = () => box.checked;
    row = fieldRow(name, label(name), box);
    row.classList.add("check");
  } else if (kind === "limit") {
    const input = el("input", { type: "text", inputmode: "numeric", name, value: value ?? "", disabled: value === null });
    const box = el("input", { type: "checkbox", name: `${name}.limited`, checked: value !== null, "aria-label": t("admin.limit") });
    box.addEventListener("change", () => {
      input.disabled = !box.checked;
    });
    read = () => (box.checked ? parse("number", input.value) : null);
    row = fieldRow(name, label(name), input, box, el("span", { class: "hint", i18n: "admin.limit" }));
  } else if (kind === "onlyListed") {
    const group = `${name}-${Math.random().toString(36).slice(2, 8)}`;
    const radio = (v, key) => el("label", { class: "radio" },
      el("input", { type: "radio", name: group, "data-setting": name, value: String(v), checked: value === v }), el("span", { i18n: key }));
    const only = radio(true, "admin.onlyListed");
    row = fieldRow(name, label(name), only, radio(false, "admin.allExceptListed"));
    read = () => only.querySelector("input").checked;
  } else if (kind === "list") {
    const area = el("textarea", { name, rows: 3, value: listText(value) });
    read = () => parse("list", area.value, value);
    row = fieldRow(name, label(name), area, el("span", { class: "hint", i18n: "admin.onePerLine" }));
  } else if (kind === "choice") {
    const select = el("select", { name }, ...choices.map((c) => el("option", { value: c, i18n: `admin.choice.${name}.${c}`, selected: c === value })));
    read = () => select.value;
    row = fieldRow(name, label(name), select);
  } else if (kind === "password") {
    // Write-only: the API shows "********" when a password is set; an untouched box sends nothing.
    const input = el("input", { type: "password", name, value: value ?? "", autocomplete: "new-password" });
    read = () => (input.value === "" ? null : input.value);
    row = fieldRow(name, label(name), input);
  } else {
    const input = el("input", { type: "text", name, value: value ?? "" });
    read = () => parse(kind, input.value, value);
    row = fieldRow(name, label(name), input);
  }
  sheet.controls.set(name, read);
  return row;
}

function fillSecurity(security, failure) {
  const box = panel("security");
  if (!security) {
    box.replaceChildren(el("p", { class: "error", text: failure?.display ?? String(failure) }));
    sheet.operators = null;
    return;
  }
  sheet.operators = security.operators ?? [];
  const area = el("textarea", { name: "operators", rows: 5, value: sheet.operators.join("\n") });
  sheet.readOperators = () => area.value.split(/\n+/).map((s) => s.trim()).filter((s) => s !== "");
  box.replaceChildren(
    el("fieldset", { class: "group" }, el("legend", { i18n: "admin.group.operators" }),
      el("p", { class: "muted", i18n: "admin.operatorsHelp" }),
      fieldRow("operators", "admin.setting.operators", area, el("span", { class: "hint", i18n: "admin.onePerLine" }))));
}

function changes() {
  const changed = {};
  for (const [name, read] of sheet.controls) {
    const value = read();
    if (JSON.stringify(value) !== JSON.stringify(sheet.original[name])) {
      changed[name] = value;
    }
  }
  return changed;
}

async function apply() {
  const current = sheet;
  clearErrors(current.parts.node);
  const path = vsPath(current.host, current.vs.name);
  try {
    const changed = changes();
    if (Object.keys(changed).length > 0) {
      const settings = await call("PATCH", `${path}/settings`, changed);
      if (sheet === current) {
        fillSettings(settings);
      }
    }
    const operators = current.readOperators?.();
    if (operators && JSON.stringify(operators) !== JSON.stringify(current.operators)) {
      const security = await call("PUT", `${path}/security`, { operators });
      if (sheet === current) {
        fillSecurity(security);
      }
    }
    current.parts.node.dataset.applied = String(Number(current.parts.node.dataset.applied ?? 0) + 1);
    notify();
    return true;
  } catch (error) {
    if (sheet === current) {
      report(error);
    }
    return false;
  }
}

/** Shows an API error next to the setting it names (switching to that tab), else under the tabs. */
function report(error) {
  const message = error.display ?? String(error);
  const name = fieldNamed(error.message ?? "", [...sheet.controls.keys(), "operators"]);
  if (error.status === 400 && name && showFieldError(sheet.parts.body, name, message)) {
    showTab(sheet.parts.body.querySelector(`[data-error-for="${CSS.escape(name)}"]`).closest("[role='tabpanel']").dataset.panel);
    return;
  }
  showError(sheet.parts.error, message);
}

async function ok() {
  if (await apply()) {
    close();
  }
}

async function changeState(action) {
  const current = sheet;
  clearErrors(current.parts.node);
  try {
    current.vs = await call("POST", `${vsPath(current.host, current.vs.name)}/${action}`);
    retranslateSheet();
    notify();
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
}

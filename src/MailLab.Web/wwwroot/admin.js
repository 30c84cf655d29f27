// The Administration part of the page, after IIS Manager: per host its SMTP virtual servers (each with
// its Properties sheet), "New SMTP Virtual Server…", and the POP3 service; and the account the admin
// pages act as (HTTP Basic; none = the built-in Administrator). app.js calls initAdmin once, renderAdmin
// with every new server list and retranslateAdmin on a language switch; admin changes call its refresh,
// so the topology and the virtual-server table show them at once.
import "./admin-i18n.js";
import { t } from "./i18n.js";
import { actAs, actingAs } from "./admin-api.js";
import { el } from "./admin-dom.js";
import { initSheet, openProperties, updateSheet, retranslateSheet } from "./admin-sheet.js";
import { openWizard, retranslateWizard } from "./admin-wizard.js";
import { openPop3, retranslatePop3 } from "./admin-pop3.js";
import { openExchange, retranslateExchange } from "./admin-exchange.js";
import { openAduc, retranslateAduc } from "./admin-aduc.js";

let servers = [];
let refresh = () => {};
let showActingAs = () => {};

/** root: the admin section; onChanged: reloads the page's servers (app.js's loadServers). */
export function initAdmin(root, onChanged) {
  refresh = () => onChanged();
  initSheet(refresh);
  const user = el("input", { type: "text", name: "actAsUser", autocomplete: "username", placeholder: "Administrator" });
  const password = el("input", { type: "password", name: "actAsPassword", autocomplete: "current-password" });
  const current = el("span", { class: "muted", "data-role": "acting-as" });
  const show = () => {
    current.textContent = t("admin.actingAs", actingAs() ?? t("admin.builtInAdministrator"));
  };
  showActingAs = show;
  root.replaceChildren(
    el("h2", { i18n: "admin.title" }),
    el("form", { class: "act-as", onsubmit: (event) => {
      event.preventDefault();
      actAs(user.value.trim(), password.value);
      show();
    } },
      el("label", { i18n: "admin.user" }), user,
      el("label", { i18n: "admin.password" }), password,
      el("button", { type: "submit", "data-action": "act-as", i18n: "admin.actAs" }),
      el("button", { type: "button", "data-action": "act-as-admin", i18n: "admin.reset", onclick: () => {
        user.value = "";
        password.value = "";
        actAs(null);
        show();
      } }),
      current),
    el("table", { id: "admin-hosts" },
      el("thead", {}, el("tr", {}, ...["host", "admin.smtpVirtualServers", "admin.pop3Service"].map((key) => el("th", { i18n: key })))),
      el("tbody")));
  show();
}

/** Redraws the hosts list from GET /servers (called by app.js whenever the list changed). */
export function renderAdmin(list) {
  servers = list;
  const body = document.querySelector("#admin-hosts tbody");
  if (!body) {
    return;
  }
  body.replaceChildren(...servers.map((host) => el("tr", { "data-host": host.name },
    el("td", { text: host.name }),
    el("td", { class: "actions" },
      ...host.smtp.virtualServers.map((vs) => el("button", {
        type: "button", "data-action": "properties", "data-vs": vs.name, "data-state": vs.state,
        text: t("admin.propertiesButton", vs.name), onclick: () => properties(host.name, vs.name),
      })),
      el("button", { type: "button", "data-action": "new-vs", i18n: "admin.newVirtualServer",
        onclick: () => openWizard(host.name, () => refresh()) })),
    el("td", { class: "actions" },
      el("button", { type: "button", "data-action": "pop3", i18n: "admin.pop3Open", onclick: () => openPop3(host.name, refresh) }),
      host.exchange ? el("button", { type: "button", "data-action": "exchange", i18n: "esm.open",
        onclick: () => openExchange(host, (vs) => properties(host.name, vs)) }) : null,
      host.exchange ? el("button", { type: "button", "data-action": "aduc", i18n: "aduc.open", onclick: () => openAduc(host.name) }) : null))));
  updateSheet(servers);
}

function properties(host, name) {
  const vs = servers.find((h) => h.name === host)?.smtp.virtualServers.find((v) => v.name === name);
  if (vs) {
    openProperties(host, vs);
  }
}

/** Labels that carry values (titles, "acting as"); the rest are data-i18n and follow translatePage. */
export function retranslateAdmin() {
  showActingAs();
  renderAdmin(servers);
  retranslateSheet();
  retranslateWizard();
  retranslatePop3();
  retranslateExchange();
  retranslateAduc();
}

// A host's POP3 service page, after the Windows Server 2003 POP3 snap-in: the server's properties
// (authentication method, Require Secure Password Authentication, port…) drawn from the POP3 settings
// table and saved with PATCH /servers/{host}/pop3/settings (admin-pop3-properties.js); e-mail domains and
// their mailboxes (messages, size, quota, lock), whose every change runs winpop through POST
// /servers/{host}/pop3/winpop, the API `maillab winpop` uses, so the page and the command line cannot
// disagree (docs/REFERENCE.md, "winpop").
import { t } from "./i18n.js";
import { call, hostPath } from "./admin-api.js";
import { el, fieldRow, dialog, open, clearErrors, showFieldError, showError, kilobytes } from "./admin-dom.js";
import { loadPop3Table } from "./admin-settings.js";
import { propertiesBox } from "./admin-pop3-properties.js";

let page = null;

export async function openPop3(host, onChanged) {
  const parts = dialog("admin-pop3", "pop3");
  parts.node.dataset.host = host;
  page = { host, parts, onChanged };
  parts.footer.append(el("button", { type: "button", "data-action": "close", i18n: "admin.close", onclick: () => parts.node.close() }));
  retranslatePop3();
  open(parts.node);
  await reload();
}

export function retranslatePop3() {
  if (page) {
    page.parts.title.textContent = t("admin.pop3.title", page.host);
    if (page.service) {
      render(page.service, page.settings, page.table); // sizes are formatted text (KB / КБ), not labels
    }
  }
}

async function reload() {
  const current = page;
  try {
    const [service, settings, table] = await Promise.all([
      call("GET", `${hostPath(current.host)}/pop3`), call("GET", `${hostPath(current.host)}/pop3/settings`), loadPop3Table()]);
    if (page === current) {
      render(service, settings, table);
    }
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
  }
}

/** Runs one winpop command; on failure shows its error next to field (or under the page). */
async function winpop(args, field) {
  const current = page;
  clearErrors(current.parts.node);
  let result;
  try {
    result = await call("POST", `${hostPath(current.host)}/pop3/winpop`, { args });
  } catch (error) {
    showError(current.parts.error, error.display ?? String(error));
    return false;
  }
  const output = current.parts.body.querySelector("[data-role='output']");
  if (output) {
    output.textContent = `> winpop ${args.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")}\n${result.output}${result.error}`;
  }
  await reload();
  current.onChanged();
  if (result.exitCode !== 0) {
    const message = (result.error || result.output).trim();
    if (!(field && showFieldError(current.parts.body, field, message))) {
      showError(current.parts.error, message);
    }
    return false;
  }
  return true;
}

function render(service, settings, table) {
  Object.assign(page, { service, settings, table });
  const { body } = page.parts;
  const output = body.querySelector("[data-role='output']")?.textContent ?? "";
  const current = page;
  const properties = propertiesBox(current.host, table, settings, service, current.parts.error, async () => {
    await reload();
    current.parts.node.dataset.applied = String(Number(current.parts.node.dataset.applied ?? 0) + 1);
    current.onChanged();
  });
  body.replaceChildren(properties, ...service.domains.map(domainBox), addBox(service),
    el("pre", { class: "winpop-output", "data-role": "output", text: output }));
  page.parts.node.dataset.loaded = "1";
}

function domainBox(domain) {
  const rows = domain.mailboxes.map((m) => el("tr", { "data-mailbox": m.address, "data-locked": String(m.locked) },
    el("td", { text: m.address }),
    el("td", { class: "number", "data-role": "messages", text: String(m.messages) }),
    el("td", { class: "number", "data-role": "size", text: kilobytes(m.bytes) }),
    el("td", { class: "number", text: m.quota == null ? t("admin.pop3.noQuota") : `${kilobytes(m.quota.usedBytes)} / ${kilobytes(m.quota.limitBytes)}` }),
    el("td", { i18n: m.locked ? "admin.pop3.locked" : "admin.pop3.unlocked" }),
    el("td", { class: "actions" },
      lockButton(m.address, m.locked),
      el("button", { type: "button", "data-action": "quota", i18n: "admin.pop3.quotaFile", onclick: () => winpop(["createquotafile", m.address]) }),
      el("button", { type: "button", "data-action": "delete", i18n: "admin.remove", onclick: () => winpop(["delete", m.address]) }))));
  return el("fieldset", { class: "group pop3-domain", "data-domain": domain.name, "data-locked": String(domain.locked) },
    el("legend", { text: domain.name }),
    el("div", { class: "buttons" },
      el("span", { class: "muted", i18n: domain.locked ? "admin.pop3.locked" : "admin.pop3.unlocked" }),
      lockButton(domain.name, domain.locked),
      el("button", { type: "button", "data-action": "delete-domain", i18n: "admin.pop3.deleteDomain", onclick: () => winpop(["delete", domain.name]) })),
    el("table", { class: "mailboxes" },
      el("thead", {}, el("tr", {}, ...["admin.pop3.mailbox", "admin.pop3.messages", "admin.pop3.size", "admin.pop3.quota", "state", "actions"]
        .map((key) => el("th", { i18n: key })))),
      el("tbody", {}, ...rows)),
    rows.length === 0 ? el("p", { class: "muted", i18n: "admin.pop3.noMailboxes" }) : null);
}

function lockButton(target, locked) {
  const verb = locked ? "unlock" : "lock";
  return el("button", { type: "button", "data-action": verb, i18n: `admin.pop3.${verb}`, onclick: () => winpop([verb, target]) });
}

function addBox(service) {
  const domain = el("input", { type: "text", name: "newDomain", placeholder: "example.com" });
  const user = el("input", { type: "text", name: "newMailbox", placeholder: "user" });
  const inDomain = el("select", { name: "mailboxDomain" }, ...service.domains.map((d) => el("option", { value: d.name, text: d.name })));
  const password = el("input", { type: "password", name: "newPassword", autocomplete: "new-password" });
  const addMailbox = () => {
    const args = ["add", `${user.value.trim()}@${inDomain.value}`];
    if (password.value !== "") {
      args.push("/createuser", password.value);
    }
    return winpop(args, "newMailbox");
  };
  return el("div", { class: "pop3-add" },
    el("fieldset", { class: "group" }, el("legend", { i18n: "admin.pop3.addDomain" }),
      fieldRow("newDomain", "admin.domainName", domain),
      el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "add-pop3-domain", i18n: "admin.add",
        onclick: () => winpop(["add", domain.value.trim()], "newDomain") }))),
    el("fieldset", { class: "group", disabled: service.domains.length === 0 }, el("legend", { i18n: "admin.pop3.addMailbox" }),
      fieldRow("newMailbox", "admin.pop3.mailboxName", user, el("span", { text: "@" }), inDomain),
      fieldRow("newPassword", "admin.pop3.password", password, el("span", { class: "hint", i18n: "admin.pop3.createUser" })),
      el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "add-mailbox", i18n: "admin.add", onclick: addMailbox }))));
}

// The Domains of one SMTP virtual server (IIS: the Domains node under it): the Local (Default) domain,
// Local (Alias) and Remote domains with their options; add, change a remote domain, make a local domain
// the default (the old default becomes an alias), remove. Each action goes to the API at once.
import { t } from "./i18n.js";
import { call, vsPath } from "./admin-api.js";
import { el, fieldRow, clearErrors, showFieldError, showError, fieldNamed } from "./admin-dom.js";

const TYPE_LABEL = { Local: "admin.domain.Local", Alias: "admin.domain.Alias", Remote: "admin.domain.Remote" };

/** Renders the domains tab into box and loads it. */
export async function renderDomains(box, host, vs, onChanged) {
  const path = `${vsPath(host, vs)}/domains`;
  const error = el("p", { class: "inline-error error", role: "alert", hidden: true });
  const body = el("tbody");
  const table = el("table", { class: "domains" },
    el("thead", {}, el("tr", {}, ...["admin.domainName", "admin.domainType", "admin.col.relay", "admin.setting.smartHost",
      "admin.col.tls", "actions"].map((key) => el("th", { i18n: key })))),
    body);

  const run = async (method, suffix, payload) => {
    clearErrors(box);
    try {
      await call(method, suffix ? `${path}/${encodeURIComponent(suffix)}` : path, payload);
      await reload();
      onChanged();
      return true;
    } catch (failure) {
      const field = method === "POST" && fieldNamed(failure.message, ["smartHost", "name", "type"]);
      if (!(failure.status === 400 && showFieldError(box, `domain.${field}`, failure.display))) {
        showError(error, failure.display ?? String(failure));
      }
      return false;
    }
  };

  const row = (d) => {
    const remote = d.type === "Remote";
    const relay = el("input", { type: "checkbox", name: "allowRelay", checked: !!d.allowRelay, disabled: !remote });
    const tls = el("input", { type: "checkbox", name: "requireTls", checked: !!d.requireTls, disabled: !remote });
    const smartHost = el("input", { type: "text", name: "smartHost", value: d.smartHost ?? "", disabled: !remote, size: 14 });
    const actions = el("td", { class: "actions" });
    if (remote) {
      actions.append(el("button", { type: "button", "data-action": "save", i18n: "admin.save",
        onclick: () => run("PUT", d.name, { allowRelay: relay.checked, requireTls: tls.checked, smartHost: smartHost.value.trim() || null }) }));
    } else if (!d.isDefault) {
      actions.append(el("button", { type: "button", "data-action": "default", i18n: "admin.makeDefault",
        onclick: () => run("PUT", d.name, { isDefault: true }) }));
    }
    actions.append(el("button", { type: "button", "data-action": "remove", i18n: "admin.remove", disabled: !!d.isDefault,
      title: d.isDefault ? t("admin.defaultCannotBeRemoved") : null, onclick: () => run("DELETE", d.name) }));
    const type = d.isDefault ? "admin.domain.Default" : TYPE_LABEL[d.type] ?? d.type;
    return el("tr", { "data-domain": d.name, "data-type": d.type, "data-default": d.isDefault ? "true" : null },
      el("td", { text: d.name }), el("td", { i18n: type }), el("td", {}, relay), el("td", {}, smartHost), el("td", {}, tls), actions);
  };

  const reload = async () => {
    const domains = await call("GET", path);
    body.replaceChildren(...domains.map(row));
  };

  box.replaceChildren(table, error, addForm(run));
  try {
    await reload();
  } catch (failure) {
    showError(error, failure.display ?? String(failure));
  }
}

/** New domain: a name and Alias or Remote; a remote domain's relay, smart host and TLS options. */
function addForm(run) {
  const name = el("input", { type: "text", name: "domain.name", placeholder: "example.com" });
  const type = el("select", { name: "domain.type" },
    el("option", { value: "Alias", i18n: "admin.domain.Alias" }), el("option", { value: "Remote", i18n: "admin.domain.Remote" }));
  const relay = el("input", { type: "checkbox", name: "domain.allowRelay" });
  const smartHost = el("input", { type: "text", name: "domain.smartHost", placeholder: "[192.0.2.1]:25" });
  const tls = el("input", { type: "checkbox", name: "domain.requireTls" });
  const remoteOnly = el("div", { class: "remote-options", hidden: true },
    fieldRow("domain.allowRelay", "admin.setting.allowRelay", relay),
    fieldRow("domain.smartHost", "admin.setting.smartHost", smartHost),
    fieldRow("domain.requireTls", "admin.setting.requireTlsDomain", tls));
  type.addEventListener("change", () => {
    remoteOnly.hidden = type.value !== "Remote";
  });
  const add = async () => {
    const remote = type.value === "Remote";
    const ok = await run("POST", null, {
      name: name.value.trim(),
      type: type.value,
      isDefault: false,
      allowRelay: remote && relay.checked,
      smartHost: remote ? smartHost.value.trim() || null : null,
      requireTls: remote && tls.checked,
    });
    if (ok) {
      name.value = "";
    }
  };
  return el("fieldset", { class: "group add-domain" }, el("legend", { i18n: "admin.addDomain" }),
    fieldRow("domain.name", "admin.domainName", name),
    fieldRow("domain.type", "admin.domainType", type),
    remoteOnly,
    el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "add-domain", i18n: "admin.add", onclick: add })));
}

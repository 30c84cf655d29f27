// The POP3 service's server properties, drawn from its settings table (the schema's pop3 group: each
// setting's name, editor and en/ru label) and the values of GET /servers/{host}/pop3/settings. Apply
// sends what changed with PATCH …/pop3/settings (all or nothing); a refusal that names a setting is
// shown next to it, any other under the page.
import { t } from "./i18n.js";
import { call, hostPath } from "./admin-api.js";
import { el, fieldRow, clearErrors, showFieldError, showError, fieldNamed, portText } from "./admin-dom.js";
import { parse } from "./admin-settings.js";

// The authentication methods as the POP3 snap-in names them (the table's values are the topology file's names).
const CHOICE_LABELS = { local: "admin.pop3.method1", activeDirectory: "admin.pop3.method2", passwordFile: "admin.pop3.method3" };

/**
 * The "Server properties" box: table is loadPop3Table()'s, settings the service's values, service its
 * GET …/pop3 answer (for the endpoint). onApplied(settings) gets the API's answer after a save.
 */
export function propertiesBox(host, table, settings, service, errorSlot, onApplied) {
  const controls = new Map();
  const rows = table.filter(({ name }) => name in settings).map((setting) => {
    const [row, read] = settingRow(setting, settings[setting.name], service);
    controls.set(setting.name, read);
    return row;
  });
  const box = el("fieldset", { class: "group", "data-role": "pop3-properties" }, el("legend", { i18n: "admin.pop3.service" }),
    el("dl", { class: "summary" }, el("dt", { i18n: "endpoint" }), el("dd", { text: service.endPoint ?? "—" })),
    ...rows,
    el("div", { class: "buttons" }, el("button", { type: "button", "data-action": "apply-pop3", i18n: "admin.apply", onclick: apply })));

  async function apply() {
    clearErrors(box);
    showError(errorSlot, "");
    const changed = {};
    for (const [name, read] of controls) {
      const value = read();
      if (JSON.stringify(value) !== JSON.stringify(settings[name])) {
        changed[name] = value;
      }
    }
    if (Object.keys(changed).length === 0) {
      return;
    }
    try {
      onApplied(await call("PATCH", `${hostPath(host)}/pop3/settings`, changed));
    } catch (error) {
      const message = error.display ?? String(error);
      const name = error.status === 400 ? fieldNamed(error.message ?? "", [...controls.keys()]) : null;
      if (!(name && showFieldError(box, name, message))) {
        showError(errorSlot, message);
      }
    }
  }

  return box;
}

function label(name) {
  const key = `admin.pop3setting.${name}`;
  return t(key) === key ? { text: name } : key;
}

/** One setting's row and how to read its value back, shaped like the API's. */
function settingRow({ name, editor, choices }, value, service) {
  if (editor === "bool") {
    const box = el("input", { type: "checkbox", name, checked: !!value });
    const row = fieldRow(name, label(name), box);
    row.classList.add("check");
    return [row, () => box.checked];
  }
  if (editor === "choice") {
    const select = el("select", { name }, ...choices.map((choice) =>
      el("option", CHOICE_LABELS[choice]
        ? { value: choice, i18n: CHOICE_LABELS[choice], selected: choice === value }
        : { value: choice, text: choice, selected: choice === value })));
    return [fieldRow(name, label(name), select), () => select.value];
  }
  const numeric = editor === "number" || editor === "limit";
  const input = el("input", { type: "text", name, value: value ?? "", ...(numeric ? { inputmode: "numeric" } : {}) });
  const hint = name === "port" && value === 0 ? el("span", { class: "hint", "data-role": "bound-port", text: portText(value, service.endPoint) }) : null;
  return [fieldRow(name, label(name), input, hint), () => parse(numeric ? "number" : "text", input.value, value)];
}

// The "New SMTP Virtual Server" wizard, in the lecture's four steps: 1 the name (as IIS Manager shows
// it), 2 the IP address and TCP port, 3 the home directory (the only thing that cannot be changed later),
// 4 the default domain. Back / Next / Finish; each step is checked before the next; Finish sends
// POST /servers/{host}/smtp and shows the API's refusal on the step whose field it names.
import { t } from "./i18n.js";
import { call, hostPath } from "./admin-api.js";
import { el, fieldRow, dialog, open, clearErrors, showFieldError, showError, fieldNamed } from "./admin-dom.js";

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Each step: its fields, and a check returning [field, message key] for the first bad one. */
const STEPS = [
  { fields: ["name"], check: (v) => (v.name === "" ? ["name", "admin.wizard.nameRequired"] : null) },
  {
    fields: ["ipAddress", "port"],
    check: (v) => (v.ipAddress !== "" && !IPV4.test(v.ipAddress) ? ["ipAddress", "admin.wizard.badIp"]
      : !/^\d{1,5}$/.test(v.port) || Number(v.port) > 65535 ? ["port", "admin.wizard.badPort"] : null),
  },
  { fields: ["homeDirectory"], check: (v) => (v.homeDirectory === "" ? ["homeDirectory", "admin.wizard.homeRequired"] : null) },
  { fields: ["defaultDomain"], check: (v) => (!DOMAIN.test(v.defaultDomain) ? ["defaultDomain", "admin.wizard.badDomain"] : null) },
];

let wizard = null;

/** Opens the wizard for a new virtual server on host; onCreated runs after the API has created it. */
export function openWizard(host, onCreated) {
  const parts = dialog("admin-wizard", "wizard");
  parts.node.dataset.host = host;
  const inputs = {
    name: el("input", { type: "text", name: "name", maxlength: 100 }),
    // Empty: "(All Unassigned)", IIS's default; MailLab then listens on loopback.
    ipAddress: el("input", { type: "text", name: "ipAddress", placeholder: t("admin.wizard.allUnassigned") }),
    port: el("input", { type: "text", name: "port", inputmode: "numeric", value: "25" }),
    homeDirectory: el("input", { type: "text", name: "homeDirectory", value: "C:\\Inetpub\\mailroot2" }),
    defaultDomain: el("input", { type: "text", name: "defaultDomain", placeholder: "example.com" }),
  };
  const pages = STEPS.map((step, index) => el("section", { class: "wizard-step", "data-step": index + 1, hidden: index > 0 },
    el("h4", { i18n: `admin.wizard.step${index + 1}` }),
    el("p", { class: "muted", i18n: `admin.wizard.help${index + 1}` }),
    ...step.fields.map((name) => fieldRow(name, `admin.wizard.${name}`, inputs[name]))));
  const progress = el("p", { class: "wizard-progress" });
  parts.body.append(progress, ...pages);
  const back = el("button", { type: "button", "data-action": "back", i18n: "admin.back", onclick: () => go(wizard.step - 1) });
  const next = el("button", { type: "button", "data-action": "next", i18n: "admin.next", onclick: () => validate() && go(wizard.step + 1) });
  const finish = el("button", { type: "button", "data-action": "finish", i18n: "admin.finish", onclick: () => submit() });
  const cancel = el("button", { type: "button", "data-action": "cancel", i18n: "admin.cancel", onclick: () => parts.node.close() });
  parts.footer.append(back, next, finish, cancel);
  wizard = { host, parts, inputs, pages, progress, back, next, finish, step: 0, onCreated };
  retranslateWizard();
  go(0);
  open(parts.node);
  inputs.name.focus();
}

export function retranslateWizard() {
  if (wizard) {
    wizard.parts.title.textContent = t("admin.wizard.title", wizard.host);
    wizard.progress.textContent = t("admin.wizard.progress", wizard.step + 1, STEPS.length);
    wizard.inputs.ipAddress.placeholder = t("admin.wizard.allUnassigned");
  }
}

function values() {
  return Object.fromEntries(Object.entries(wizard.inputs).map(([name, input]) => [name, input.value.trim()]));
}

function go(step) {
  wizard.step = Math.max(0, Math.min(STEPS.length - 1, step));
  wizard.pages.forEach((page, index) => {
    page.hidden = index !== wizard.step;
  });
  wizard.parts.node.dataset.step = String(wizard.step + 1);
  wizard.back.disabled = wizard.step === 0;
  wizard.next.hidden = wizard.step === STEPS.length - 1;
  wizard.finish.hidden = wizard.step !== STEPS.length - 1;
  retranslateWizard();
  wizard.pages[wizard.step].querySelector("input")?.focus();
}

/** Checks the current step (or all of them, before Finish); shows the first problem next to its field. */
function validate(upTo = wizard.step) {
  clearErrors(wizard.parts.node);
  const v = values();
  for (let step = upTo === STEPS.length ? 0 : upTo; step <= Math.min(upTo, STEPS.length - 1); step++) {
    const problem = STEPS[step].check(v);
    if (problem) {
      go(step);
      showFieldError(wizard.parts.body, problem[0], t(problem[1]));
      return false;
    }
  }
  return true;
}

async function submit() {
  if (!validate(STEPS.length)) {
    return;
  }
  const current = wizard;
  const v = values();
  try {
    const created = await call("POST", `${hostPath(current.host)}/smtp`, { ...v, port: Number(v.port) });
    current.parts.node.close();
    wizard = null;
    current.onCreated(created);
  } catch (error) {
    const message = error.display ?? String(error);
    const field = fieldNamed(error.message ?? "", ["name", "ipAddress", "port", "homeDirectory", "defaultDomain"])
      ?? (/ip|address|port/i.test(error.message ?? "") ? "port" : null);
    const step = STEPS.findIndex((s) => s.fields.includes(field));
    if (step >= 0) {
      go(step);
      showFieldError(current.parts.body, field, message);
    } else {
      showError(current.parts.error, message);
    }
  }
}

// The settings of an SMTP virtual server laid out as IIS 6's property sheet tabs (docs/REFERENCE.md, the
// lecture's slides), from the server's settings table (GET /api/settings/schema): each setting's API
// name, the group box it sits in, how it is edited and its English and Russian labels.
// editors: limit (a "Limit … to" box: null = unlimited), number, bool, text (empty = none), list (one entry
// per line), onlyListed (the "Only the list below" / "All except the list below" pair).
import { addLabels } from "./i18n.js";
import { call } from "./admin-api.js";

export const TABS = ["general", "access", "messages", "delivery", "ldapRouting", "security", "domains"];

let layout = null;
let known = new Set();
let pop3 = null;
let storeLimits = null;
let schemaCall = null;

/** GET /api/settings/schema, once (a failed call is tried again next time). */
function loadSchema() {
  schemaCall ??= call("GET", "/settings/schema").catch((error) => {
    schemaCall = null;
    throw error;
  });
  return schemaCall;
}

/**
 * Loads the POP3 service's settings table once (the schema's pop3 group): [{ name, editor, choices }…]
 * in the table's order, and each setting's label as "admin.pop3setting.NAME" in both languages.
 */
export async function loadPop3Table() {
  if (pop3) {
    return pop3;
  }
  const schema = await loadSchema();
  addSettingLabels(schema.pop3, "admin.pop3setting");
  pop3 = schema.pop3.map((setting) => ({ name: setting.name, editor: setting.editor, choices: setting.schema?.enum ?? [] }));
  return pop3;
}

/**
 * Loads a mailbox store's Limits tab once (the schema's exchangeStoreLimits group): its setting names
 * in the table's order, and each setting's label as "esm.limit.NAME" in both languages.
 */
export async function loadStoreLimitsTable() {
  if (storeLimits) {
    return storeLimits;
  }
  const schema = await loadSchema();
  addSettingLabels(schema.exchangeStoreLimits, "esm.limit");
  // the maintenance interval (text, the Database tab) shares the store's table but not the Limits tab's number boxes
  storeLimits = schema.exchangeStoreLimits.filter((setting) => setting.kind === "Number").map((setting) => setting.name);
  return storeLimits;
}

/** Adds each setting's labels from the table, in every language it has, as "PREFIX.NAME". */
function addSettingLabels(settings, prefix) {
  const labels = {};
  for (const setting of settings) {
    for (const [lang, text] of Object.entries(setting.labels)) {
      (labels[lang] ??= {})[`${prefix}.${setting.name}`] = text;
    }
  }
  addLabels(labels);
}

/**
 * Loads the settings table once: the layout { tab: [[group, [[name, editor, choices]…]]…] } and each setting's
 * label as "admin.setting.NAME" in both languages.
 */
export async function loadLayout() {
  if (layout) {
    return layout;
  }
  const schema = await loadSchema();
  const built = {};
  for (const tab of schema.tabs) {
    built[tab.name] = tab.groups.map((group) => {
      addSettingLabels(group.settings, "admin.setting");
      return [group.name, group.settings.map((setting) => [setting.name, setting.editor, setting.schema?.enum ?? []])];
    });
  }
  known = new Set(Object.values(built).flat().flatMap(([, fields]) => fields.map(([name]) => name)));
  layout = built;
  return layout;
}

/** Settings the API returns that this layout does not place: shown under "Other" on the tab the API puts them. */
export function extras(settings, tab) {
  const group = settings[tab] ?? {};
  return Object.keys(group).filter((name) => !known.has(name)).map((name) => [name, kindOf(group[name])]);
}

function kindOf(value) {
  if (typeof value === "boolean") {
    return "bool";
  }
  if (typeof value === "number") {
    return "number";
  }
  return Array.isArray(value) ? "list" : "text";
}

/** Every setting by name, whatever tab the API grouped it under. */
export function flatten(settings) {
  return Object.assign({}, ...Object.values(settings ?? {}).filter((g) => g && typeof g === "object" && !Array.isArray(g)));
}

/** The value to send for what the user typed, shaped like the value the API gave (numbers stay numbers). */
export function parse(kind, text, original) {
  const number = (s) => (s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : s.trim());
  switch (kind) {
    case "number":
      return number(text);
    case "text":
      return text.trim() === "" ? null : text.trim();
    case "list": {
      const items = text.split(/[\n,;]+/).map((s) => s.trim()).filter((s) => s !== "");
      if (typeof original === "string") {
        return items.join(", ");
      }
      const numeric = Array.isArray(original) && original.length > 0 && original.every((v) => typeof v === "number");
      return numeric ? items.map(number) : items;
    }
    default:
      return text;
  }
}

/** A list value as the text box shows it: one entry per line. */
export function listText(value) {
  if (Array.isArray(value)) {
    return value.join("\n");
  }
  return (value ?? "").split(/\s*,\s*/).filter((s) => s !== "").join("\n");
}

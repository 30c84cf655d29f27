// DOM helpers of the admin pages: elements built from data (text always through textContent), modal
// dialogs in the style of an IIS property sheet, and error messages shown next to the field they name.
import { t, language } from "./i18n.js";

const PROPERTIES = new Set(["value", "checked", "disabled", "hidden", "selected", "open"]);

/**
 * Builds an element. attrs: class, text, i18n (a label key, re-translated on a language switch),
 * on<event> (a listener), value/checked/disabled/hidden/selected (properties), anything else an attribute.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === "class") {
      node.className = value;
    } else if (key === "text") {
      node.textContent = String(value);
    } else if (key === "i18n") {
      node.dataset.i18n = value;
      node.textContent = t(value);
    } else if (key.startsWith("on") && typeof value === "function") {
      node.addEventListener(key.slice(2), value);
    } else if (PROPERTIES.has(key)) {
      node[key] = value;
    } else {
      node.setAttribute(key, value === true ? "" : String(value));
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

/** A labelled row: the label (a label key, or { text }), the control(s), and an error slot for this field. */
export function fieldRow(name, label, ...controls) {
  const id = `admin-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const first = controls[0];
  if (first && !first.id && ["INPUT", "SELECT", "TEXTAREA"].includes(first.tagName)) {
    first.id = id;
  }
  return el("div", { class: "field", "data-field": name },
    el("label", typeof label === "string" ? { for: first?.id ?? id, i18n: label } : { for: first?.id ?? id, text: label.text }),
    el("span", { class: "control" }, ...controls),
    el("span", { class: "field-error", "data-error-for": name, role: "alert", hidden: true }));
}

/** Creates (once) a modal dialog with a title, a body and a footer; returns its parts. */
export function dialog(id, extraClass) {
  let node = document.getElementById(id);
  if (!node) {
    node = el("dialog", { id, class: `admin-dialog ${extraClass}` });
    node.addEventListener("cancel", () => node.dispatchEvent(new Event("admin-close")));
    document.body.append(node);
  }
  node.replaceChildren();
  for (const key of Object.keys(node.dataset)) {
    delete node.dataset[key];
  }
  const title = el("h3", { class: "dialog-title" });
  const body = el("div", { class: "dialog-body" });
  const error = el("p", { class: "dialog-error error", role: "alert", hidden: true });
  const footer = el("div", { class: "dialog-footer" });
  node.append(title, body, error, footer);
  return { node, title, body, error, footer };
}

/** The footer's Close button of a dialog page (the POP3 service, Exchange System Manager, ADUC). */
export function closeButton(node) {
  return el("button", { type: "button", "data-action": "close", i18n: "admin.close", onclick: () => node.close() });
}

export function open(node) {
  if (!node.open) {
    node.showModal();
  }
}

/** Clears every field error and the dialog's own error line. */
export function clearErrors(root) {
  for (const slot of root.querySelectorAll(".field-error, .dialog-error, .inline-error")) {
    slot.hidden = true;
    slot.textContent = "";
  }
  for (const field of root.querySelectorAll(".field.invalid")) {
    field.classList.remove("invalid");
  }
}

/** Shows message next to the field called name inside root; false when there is no such field. */
export function showFieldError(root, name, message) {
  const slot = name ? root.querySelector(`[data-error-for="${CSS.escape(name)}"]`) : null;
  if (!slot) {
    return false;
  }
  slot.textContent = message;
  slot.hidden = false;
  slot.closest(".field")?.classList.add("invalid");
  return true;
}

export function showError(slot, message) {
  slot.textContent = message;
  slot.hidden = !message;
}

/**
 * The field an API error is about: the first of names that the sentence mentions (the API names the bad
 * setting or argument, e.g. "\"0\" is not a valid value for \"maxHopCount\""), earliest mention first.
 */
export function fieldNamed(message, names) {
  let best = null;
  let bestAt = Infinity;
  const lower = message.toLowerCase();
  for (const name of names) {
    const at = lower.indexOf(name.toLowerCase());
    if (at >= 0 && (at < bestAt || (at === bestAt && name.length > best.length))) {
      best = name;
      bestAt = at;
    }
  }
  return best;
}

/** Bytes as IIS and the POP3 snap-in show them: KB (КБ) with one decimal, in the page's language. */
export function kilobytes(bytes) {
  const number = (bytes / 1024).toLocaleString(language(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
  return t("admin.kb", number);
}

/** The TCP port that is listening: port 0 (maillab up --any-port, or the wizard's 0) is a free port the system chose. */
export function portText(port, endpoint) {
  const bound = endpoint ? Number(endpoint.slice(endpoint.lastIndexOf(":") + 1)) : null;
  return port === 0 && bound ? t("admin.anyPort", bound) : String(port);
}

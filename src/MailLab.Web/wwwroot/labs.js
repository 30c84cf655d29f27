// The Labs panel (issue 16): pick a lab of courseware/labs, read its instructions beside the
// topology, press Check and see each task turn ✓ or ✗ with what was expected and what is there
// (POST /api/labs/{id}/check, which changes nothing). Start resets the world to the lab's topology.
import { t, language, addLabels } from "./i18n.js";
import { $, h, api } from "./dom.js";
import { renderMarkdown } from "./markdown.js";

addLabels({
  en: {
    "labs.title": "Labs", "labs.pick": "Lab", "labs.open": "Open", "labs.none": "No labs found.", "labs.check": "Check",
    "labs.start": "Start this lab", "labs.tasks": "Tasks", "labs.slide": "slide {0}", "labs.minutes": "{0} min",
    "labs.done": "{0} of {1} tasks done", "labs.notChecked": "Not checked yet: do the tasks, then press Check.",
    "labs.expected": "Expected", "labs.actual": "Actual", "labs.checking": "Checking…",
    "labs.confirmStart": "Reset the whole world to this lab's starting topology? Mailboxes, queues and settings are replaced.",
    "labs.started": "The world now runs the lab's starting topology.",
  },
  ru: {
    "labs.title": "Лабораторные работы", "labs.pick": "Работа", "labs.open": "Открыть", "labs.none": "Лабораторных работ не найдено.", "labs.check": "Проверить",
    "labs.start": "Начать эту работу", "labs.tasks": "Задания", "labs.slide": "слайд {0}", "labs.minutes": "{0} мин",
    "labs.done": "Выполнено заданий: {0} из {1}", "labs.notChecked": "Ещё не проверено: выполните задания и нажмите «Проверить».",
    "labs.expected": "Ожидалось", "labs.actual": "Получено", "labs.checking": "Проверка…",
    "labs.confirmStart": "Вернуть весь мир к начальной топологии этой работы? Почтовые ящики, очереди и настройки будут заменены.",
    "labs.started": "Мир запущен с начальной топологией работы.",
  },
});

const state = { labs: [], lab: null, report: null, checks: 0, hooks: null };

/** hooks.onStarted(clock): the world was reset to a lab's topology. */
export function initLabs(hooks) {
  state.hooks = hooks;
  $("lab-open").addEventListener("click", () => open($("lab-select").value));
  $("lab-check").addEventListener("click", check);
  $("lab-start").addEventListener("click", start);
  $("lab-close").addEventListener("click", close);
  loadList();
}

/** After a language switch: the list, the open lab and its last check again, in the new language (checking changes nothing). */
export async function retranslateLabs() {
  await loadList();
  if (state.lab) {
    const checked = state.report !== null;
    await open(state.lab.id);
    if (checked) {
      await check();
    }
  }
}

async function loadList() {
  try {
    const list = await api(`/labs?lang=${language()}`);
    state.labs = list.labs;
    const chosen = $("lab-select").value || state.lab?.id;
    $("lab-select").replaceChildren(...state.labs.map((lab) =>
      h("option", { value: lab.id, text: `${String(lab.slide).padStart(2, "0")}. ${lab.title}`, selected: lab.id === chosen })));
    $("lab-open").disabled = state.labs.length === 0;
    $("labs-none").hidden = state.labs.length > 0;
    showError("");
  } catch (error) {
    showError(error.message);
  }
}

async function open(id) {
  if (!id) {
    return;
  }
  try {
    state.lab = await api(`/labs/${encodeURIComponent(id)}?lang=${language()}`);
  } catch (error) {
    showError(error.message);
    return;
  }
  state.report = null;
  const lab = state.lab;
  const view = $("lab-view");
  view.dataset.lab = lab.id;
  $("lab-title").textContent = lab.title;
  $("lab-meta").textContent = `${t("labs.slide", lab.slide)} «${lab.slideTitle}» · ${t("labs.minutes", lab.minutes)}`;
  $("lab-instructions").replaceChildren(...renderMarkdown(lab.instructions));
  view.hidden = false;
  renderTasks();
}

function close() {
  state.lab = null;
  state.report = null;
  $("lab-view").hidden = true;
  delete $("lab-view").dataset.lab;
}

async function check() {
  const lab = state.lab;
  if (!lab) {
    return;
  }
  $("lab-check").disabled = true;
  $("lab-summary").textContent = t("labs.checking");
  try {
    state.report = await api(`/labs/${encodeURIComponent(lab.id)}/check?lang=${language()}`, { method: "POST" });
    state.checks++;
    showError("");
  } catch (error) {
    showError(error.message);
  } finally {
    $("lab-check").disabled = false;
  }
  renderTasks();
  $("lab-view").dataset.checked = String(state.checks);
}

async function start() {
  const lab = state.lab;
  if (!lab || !window.confirm(t("labs.confirmStart"))) {
    return;
  }
  try {
    const started = await api(`/labs/${encodeURIComponent(lab.id)}/start`, { method: "POST" });
    state.report = null;
    renderTasks();
    $("lab-summary").textContent = t("labs.started");
    state.hooks?.onStarted(started.clock);
  } catch (error) {
    showError(error.message);
  }
}

/** The lab's tasks: before a check each with a dot, after it ✓ or ✗ and, for ✗, the step's message, expected and actual. */
function renderTasks() {
  const lab = state.lab;
  if (!lab) {
    return;
  }
  const results = new Map((state.report?.tasks ?? []).map((task) => [task.id, task]));
  $("lab-tasks").replaceChildren(...lab.tasks.map((task) => {
    const result = results.get(task.id);
    const status = result ? (result.passed ? "passed" : "failed") : "pending";
    const item = h("li", { class: status, "data-task": task.id, "data-status": status },
      h("span", { class: "lab-mark", text: result ? (result.passed ? "✓" : "✗") : "•" }), " ", h("span", { class: "lab-task-text", text: task.text }));
    if (result && !result.passed) {
      const why = h("div", { class: "lab-why" }, h("div", { class: "lab-message", text: result.message ?? "" }));
      if (result.expected !== null && result.expected !== undefined) {
        why.append(h("div", {}, h("span", { class: "label", text: `${t("labs.expected")}: ` }), h("code", { text: result.expected })),
          h("div", {}, h("span", { class: "label", text: `${t("labs.actual")}: ` }), h("code", { text: result.actual ?? "" })));
      }
      item.append(why);
    }
    return item;
  }));
  const report = state.report;
  $("lab-summary").textContent = report
    ? t("labs.done", report.tasks.filter((task) => task.passed).length, report.tasks.length)
    : t("labs.notChecked");
  $("lab-view").dataset.passed = report ? String(report.passed) : "";
}

function showError(message) {
  $("lab-error").textContent = message;
  $("lab-error").hidden = !message;
}

// The Scenario panel (issue 6): a .feature file (picked or pasted) run on the server, each scenario
// in a fresh simulated world; then a scenario's steps stepped through with a cursor, showing for
// the current step its outcome, what its administration commands printed (the run asks for
// ?verbose=true) and the trace events it produced (protocol lines as C:/S:, stages as rows).
import { t, addLabels } from "./i18n.js";
import { $, h, api, formatTime } from "./dom.js";

addLabels({
  en: {
    "scenario.title": "Scenario", "scenario.file": "Feature file", "scenario.text": "Feature text", "scenario.run": "Run",
    "scenario.running": "Running…", "scenario.summary": "{0} passed, {1} failed of {2}", "scenario.empty": "Paste or pick a .feature file first.",
    "scenario.cursor": "Step cursor", "scenario.cursorAt": "Step {0} / {1}: {2}, {3}", "scenario.events": "Trace events of this step",
    "scenario.noEvents": "This step produced no trace events.", "scenario.omitted": "… {0} more events not shown",
    "scenario.expected": "Expected", "scenario.actual": "Actual", "scenario.pick": "Choose a scenario to step through it.",
    "scenario.noSteps": "This scenario has no steps: nothing was run or checked.", "scenario.output": "Command output",
    "scenario.withoutSteps": "{0} without steps",
    "run.passed": "passed", "run.failed": "failed", "run.undefined": "undefined", "run.skipped": "skipped", "run.empty": "no steps",
  },
  ru: {
    "scenario.title": "Сценарий", "scenario.file": "Файл .feature", "scenario.text": "Текст сценария", "scenario.run": "Выполнить",
    "scenario.running": "Выполняется…", "scenario.summary": "успешно: {0}, с ошибками: {1} из {2}", "scenario.empty": "Сначала вставьте или выберите файл .feature.",
    "scenario.cursor": "Курсор шагов", "scenario.cursorAt": "Шаг {0} / {1}: {2}, {3}", "scenario.events": "События трассировки этого шага",
    "scenario.noEvents": "Этот шаг не породил событий трассировки.", "scenario.omitted": "… ещё {0} событий не показано",
    "scenario.expected": "Ожидалось", "scenario.actual": "Получено", "scenario.pick": "Выберите сценарий, чтобы пройти его по шагам.",
    "scenario.noSteps": "В этом сценарии нет шагов: ничего не выполнено и не проверено.", "scenario.output": "Вывод команды",
    "scenario.withoutSteps": "без шагов: {0}",
    "run.passed": "успешно", "run.failed": "ошибка", "run.undefined": "не определён", "run.skipped": "пропущен", "run.empty": "нет шагов",
  },
});

const PROTOCOL = { ClientLine: "C", ClientData: "C", ServerReply: "S" };

const state = { run: null, scenario: -1, cursor: 0, running: false };

export function initScenario() {
  $("scenario-file").addEventListener("change", async () => {
    const file = $("scenario-file").files[0];
    if (file) {
      $("scenario-text").value = await file.text();
    }
  });
  $("scenario-run").addEventListener("click", run);
  $("scenario-list").addEventListener("click", (event) => {
    const item = event.target.closest("[data-index]");
    if (item) {
      select(Number(item.dataset.index));
    }
  });
  $("scenario-steps").addEventListener("click", (event) => {
    const item = event.target.closest("li[data-index]");
    if (item) {
      move(Number(item.dataset.index));
    }
  });
  $("scenario-cursor").addEventListener("input", () => move(Number($("scenario-cursor").value)));
  $("scenario-prev").addEventListener("click", () => move(state.cursor - 1));
  $("scenario-next").addEventListener("click", () => move(state.cursor + 1));
}

/** Re-renders the texts built in code after a language switch. */
export function retranslateScenario() {
  renderSummary();
  renderList();
  renderSteps();
}

async function run() {
  const text = $("scenario-text").value;
  if (!text.trim()) {
    showError(t("scenario.empty"));
    return;
  }
  state.running = true;
  $("scenario-run").disabled = true;
  renderSummary();
  try {
    state.run = await api("/scenarios/run?verbose=true", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "text/plain; charset=utf-8" },
      body: text,
    });
    showError(null);
    state.scenario = -1;
    $("scenario-result").hidden = false;
  } catch (error) {
    showError(error.message);
  } finally {
    state.running = false;
    $("scenario-run").disabled = false;
  }
  retranslateScenario();
}

function select(index) {
  state.scenario = index;
  state.cursor = 0;
  renderList();
  renderSteps();
}

function move(index) {
  const steps = currentSteps();
  state.cursor = Math.max(0, Math.min(index, steps.length - 1));
  renderSteps();
}

function currentSteps() {
  return state.run?.scenarios[state.scenario]?.steps ?? [];
}

function showError(message) {
  $("scenario-error").hidden = !message;
  $("scenario-error").textContent = message ?? "";
}

function renderSummary() {
  const scenarios = state.run?.scenarios ?? [];
  const passed = scenarios.filter((s) => s.status === "passed").length;
  const failed = scenarios.filter((s) => s.status === "failed").length;
  const empty = scenarios.filter((s) => s.status === "empty").length;
  $("scenario-status").textContent = state.running ? t("scenario.running")
    : state.run ? t("scenario.summary", passed, failed, scenarios.length) + (empty > 0 ? `, ${t("scenario.withoutSteps", empty)}` : "") : "";
}

function renderList() {
  const items = (state.run?.scenarios ?? []).map((scenario, i) =>
    h("li", {},
      h("button", {
        type: "button", class: `scenario-item ${scenario.status}${i === state.scenario ? " current" : ""}`,
        "data-index": String(i), "data-status": scenario.status, "aria-pressed": String(i === state.scenario),
      },
      h("span", { class: "name", text: scenario.name }), " ",
      h("span", { class: "run-status", text: t(`run.${scenario.status}`) }))));
  $("scenario-list").replaceChildren(...items);
  $("scenario-pick").hidden = !state.run || state.scenario >= 0;
  $("scenario-no-steps").hidden = state.run?.scenarios[state.scenario]?.status !== "empty";
}

function renderSteps() {
  const steps = currentSteps();
  $("scenario-steps-panel").hidden = steps.length === 0;
  if (steps.length === 0) {
    return;
  }
  const cursor = $("scenario-cursor");
  cursor.max = String(steps.length - 1);
  cursor.value = String(state.cursor);
  $("scenario-prev").disabled = state.cursor === 0;
  $("scenario-next").disabled = state.cursor === steps.length - 1;
  const step = steps[state.cursor];
  $("scenario-cursor-label").textContent = t("scenario.cursorAt", state.cursor + 1, steps.length, t(`run.${step.status}`), formatTime(step.time));
  $("scenario-steps").replaceChildren(...steps.map((s, i) =>
    h("li", { class: `step ${s.status}${i === state.cursor ? " current" : ""}`, "data-index": String(i), "data-status": s.status },
      h("span", { class: "keyword", text: s.keyword }), " ", h("span", { text: s.text }), " ",
      h("span", { class: "run-status", text: t(`run.${s.status}`) }))));
  renderStepError(step);
  renderStepOutput(step);
  renderEvents(step);
}

function renderStepOutput(step) {
  $("scenario-step-output").hidden = !step.output;
  $("scenario-step-output").querySelector("pre").textContent = step.output ?? "";
}

function renderStepError(step) {
  const parts = [step.error, step.expected && `${t("scenario.expected")}: ${step.expected}`, step.actual && `${t("scenario.actual")}: ${step.actual}`].filter(Boolean);
  $("scenario-step-error").hidden = parts.length === 0;
  $("scenario-step-error").textContent = parts.join("\n");
}

function renderEvents(step) {
  $("scenario-no-events").hidden = step.events.length > 0;
  $("scenario-events").hidden = step.events.length === 0;
  const rows = step.events.map((e) => {
    const direction = PROTOCOL[e.kind];
    return h("tr", { class: direction ? `line ${direction === "S" ? "server" : "client"}` : "stage", "data-kind": e.kind, "data-host": e.host },
      h("td", { class: "time", text: formatTime(e.time) }),
      h("td", { text: e.host }),
      h("td", { class: direction ? "dir" : "", text: direction ? `${direction}:` : t(`stage.${e.kind}`) }),
      h("td", { class: direction ? "text protocol" : "text", text: e.text }));
  });
  if (step.omitted > 0) {
    rows.push(h("tr", {}, h("td", { colSpan: 4, class: "muted", text: t("scenario.omitted", step.omitted) })));
  }
  const table = $("scenario-events");
  table.tHead.replaceChildren(h("tr", {}, ...["time", "host", "stage", "text"].map((key) => h("th", { text: t(key) }))));
  table.tBodies[0].replaceChildren(...rows);
}

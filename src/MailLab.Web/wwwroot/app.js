// The MailLab page: clock, topology, virtual servers, deliveries (live over Server-Sent Events) and
// the detail of one delivery. No innerHTML anywhere: every value from the server goes in with textContent.
import { t, language, setLanguage, translatePage } from "./i18n.js";
import { renderTopology, linkKey } from "./topology.js";
import { initAdmin, renderAdmin, retranslateAdmin } from "./admin.js";

const MAX_ROWS = 500;
const REFRESH_KINDS = new Set(["Received", "DeliveredToMailbox", "DeliveredToDrop", "Deferred", "Failed",
  "Queued", "Relayed", "NdrGenerated", "MovedToBadMail", "Expired"]);

const state = {
  servers: [],
  serversJson: "",
  network: null,
  traces: [],
  selected: null,
  detail: null,
  clock: null,
};

const $ = (id) => document.getElementById(id);

function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") {
      node.className = value;
    } else if (key === "text") {
      node.textContent = value;
    } else if (key.startsWith("data-")) {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children);
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(`/api${path}`, { headers: { Accept: "application/json" }, ...options });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.error) {
        message = body.error;
      }
    } catch {
      // Not JSON: keep the status line.
    }
    throw new Error(message);
  }
  return response.status === 204 ? null : response.json();
}

function showError(error) {
  const box = $("error");
  if (!error) {
    box.hidden = true;
    box.textContent = "";
    return;
  }
  box.hidden = false;
  box.textContent = error.message ?? String(error);
}

function debounce(fn, ms) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

function formatTime(iso) {
  return iso ? iso.replace("T", " ").replace(/(\.\d{3})\d*/, "$1").replace(/\+00:00$|Z$/, " UTC") : "";
}

// ---- clock ----

async function loadClock() {
  try {
    state.clock = await api("/clock");
    renderClock();
  } catch (error) {
    showError(error);
  }
}

function renderClock() {
  const clock = state.clock;
  if (!clock) {
    return;
  }
  $("clock-now").textContent = formatTime(clock.now);
  $("clock-now").dateTime = clock.now;
  $("clock-mode").textContent = t(`mode.${clock.mode}`);
  const simulate = clock.mode === "simulate";
  $("clock-step").hidden = !simulate;
  $("clock-advance").hidden = !simulate;
}

async function clockAction(path) {
  try {
    state.clock = await api(path, { method: "POST" });
    renderClock();
    showError(null);
  } catch (error) {
    showError(error);
  }
  refreshTraces();
}

// ---- servers and topology ----

async function loadServers() {
  try {
    const [servers, network] = await Promise.all([api("/servers"), api("/network")]);
    const json = JSON.stringify([servers, network]);
    if (json !== state.serversJson) {
      state.serversJson = json;
      state.servers = servers;
      state.network = network;
      renderServers();
      renderTopologyView();
      renderAdmin(servers);
    }
  } catch (error) {
    showError(error);
  }
}

function renderServers() {
  const body = $("servers").tBodies[0];
  const rows = [];
  for (const host of state.servers) {
    for (const vs of host.smtp.virtualServers) {
      const actions = h("td", { class: "actions" });
      for (const action of ["start", "pause", "stop"]) {
        const button = h("button", { type: "button", text: t(action), "data-action": action });
        button.disabled = (action === "start" && vs.state === "Running")
          || (action === "pause" && vs.state !== "Running")
          || (action === "stop" && vs.state === "Stopped");
        button.addEventListener("click", () => controlVirtualServer(host.name, vs.name, action));
        actions.append(button);
      }
      rows.push(h("tr", { "data-host": host.name, "data-vs": vs.name, "data-state": vs.state },
        h("td", { text: host.name }),
        h("td", { text: vs.name }),
        h("td", { text: vs.endpoint ?? "-" }),
        h("td", {}, h("span", { class: `state ${vs.state}`, text: t(`state.${vs.state}`), "data-state": vs.state })),
        actions));
    }
  }
  body.replaceChildren(...rows);
}

async function controlVirtualServer(host, vs, action) {
  try {
    await api(`/servers/${encodeURIComponent(host)}/smtp/${encodeURIComponent(vs)}/${action}`, { method: "POST" });
    showError(null);
  } catch (error) {
    showError(error);
  }
  await loadServers();
}

/** The hosts of a delivery in the order the message reached them. */
function pathOrder(detail) {
  const order = [];
  for (const stage of detail.stages) {
    if (!order.includes(stage.host)) {
      order.push(stage.host);
    }
  }
  return order;
}

function pathHighlight() {
  const detail = state.detail;
  if (!detail) {
    return null;
  }
  const order = pathOrder(detail);
  const links = new Set();
  for (let i = 1; i < order.length; i++) {
    links.add(linkKey(order[i - 1], order[i]));
  }
  const clients = new Set([detail.message.from]);
  if (detail.message.status === "delivered") {
    detail.message.recipients.forEach((r) => clients.add(r));
  }
  return { hosts: new Set(order), links, clients };
}

function renderTopologyView() {
  renderTopology($("topology"), state.servers, state.network, pathHighlight());
}

// ---- deliveries ----

async function loadTraces() {
  try {
    state.traces = await api("/traces");
    renderTraces();
  } catch (error) {
    showError(error);
  }
}

const refreshTraces = debounce(loadTraces, 100);
const refreshDetail = debounce(() => state.selected && loadDetail(state.selected), 100);

function renderTraces() {
  const all = state.traces;
  const shown = all.slice(-MAX_ROWS).reverse();
  const rows = shown.map((trace) => {
    const row = h("tr", { "data-id": trace.id, "data-status": trace.status, tabIndex: 0 },
      h("td", { class: "from", text: trace.from }),
      h("td", { class: "to", text: trace.recipients.join(", ") }),
      h("td", { class: "subject", text: trace.subject }),
      h("td", {}, h("span", { class: `status ${trace.status}`, text: t(`status.${trace.status}`) })));
    if (trace.id === state.selected) {
      row.classList.add("selected");
      row.setAttribute("aria-selected", "true");
    }
    return row;
  });
  $("deliveries").tBodies[0].replaceChildren(...rows);
  $("deliveries-empty").hidden = all.length > 0;
  const more = $("deliveries-more");
  more.hidden = all.length <= MAX_ROWS;
  more.textContent = all.length > MAX_ROWS ? t("showing", MAX_ROWS, all.length) : "";
}

function onDeliveryActivated(event) {
  const row = event.target.closest("tr[data-id]");
  if (!row) {
    return;
  }
  if (event.type === "keydown" && event.key !== "Enter" && event.key !== " ") {
    return;
  }
  select(row.dataset.id);
}

function select(id) {
  state.selected = id;
  renderTraces();
  loadDetail(id);
}

// ---- detail ----

async function loadDetail(id) {
  try {
    const detail = await api(`/traces/${encodeURIComponent(id)}`);
    if (state.selected !== id) {
      return;
    }
    state.detail = detail;
    renderDetail();
    renderTopologyView();
  } catch (error) {
    showError(error);
  }
}

function renderDetail() {
  const detail = state.detail;
  $("detail-empty").hidden = !!detail;
  $("detail-body").hidden = !detail;
  if (!detail) {
    return;
  }
  const message = detail.message;
  $("detail-body").dataset.id = message.id;
  $("d-subject").textContent = message.subject;
  $("d-from").textContent = message.from;
  $("d-to").textContent = message.recipients.join(", ");
  $("d-status").replaceChildren(h("span", { class: `status ${message.status}`, text: t(`status.${message.status}`) }));

  $("stages").tBodies[0].replaceChildren(...detail.stages.map((s) =>
    h("tr", { "data-stage": s.stage, "data-host": s.host },
      h("td", { class: "time", text: formatTime(s.time) }),
      h("td", { text: s.host }),
      h("td", { class: "stage-name", text: t(`stage.${s.stage}`) }),
      h("td", { class: "stage-text", text: s.text }))));

  // Hops along the path: each host's inbound session (it received), then its outbound one (it relayed).
  const order = pathOrder(detail);
  const rank = (hop) => {
    const index = order.indexOf(hop.host);
    return (index < 0 ? order.length : index) * 2 + (hop.role === "server" ? 0 : 1);
  };
  const hops = detail.hops.map((hop, index) => ({ hop, index }))
    .sort((a, b) => rank(a.hop) - rank(b.hop) || a.index - b.index)
    .map((x) => x.hop);
  $("hops").replaceChildren(...hops.map((hop) => {
    const title = hop.role === "server" ? t("hopIn", hop.host, hop.peer ?? "?") : t("hopOut", hop.host, hop.peer ?? "?");
    const lines = hop.transcript.map((line) =>
      h("div", { class: `line ${line.direction === "S" ? "server" : "client"}`, "data-direction": line.direction },
        h("span", { class: "dir", text: `${line.direction}: ` }),
        h("span", { class: "text", text: line.text })));
    return h("article", { class: "hop", "data-host": hop.host, "data-role": hop.role },
      h("h4", {},
        h("span", { text: title }),
        h("span", { class: "reply", text: hop.reply ? ` — ${t("reply")}: ${hop.reply}` : "" })),
      h("div", { class: "transcript" }, ...lines));
  }));
}

// ---- events ----

function connectEvents() {
  const live = $("live");
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => {
    live.dataset.i18n = "liveOn";
    live.className = "live on";
    live.textContent = t("liveOn");
    document.body.dataset.live = "on";
    refreshTraces();
  });
  source.addEventListener("error", () => {
    live.dataset.i18n = "liveOff";
    live.className = "live off";
    live.textContent = t("liveOff");
    document.body.dataset.live = "off";
  });
  source.addEventListener("trace", (message) => {
    let event;
    try {
      event = JSON.parse(message.data);
    } catch {
      return;
    }
    if (REFRESH_KINDS.has(event.kind)) {
      refreshTraces();
    }
    if (state.selected && event.traceId === state.selected) {
      refreshDetail();
    }
    if (state.clock?.mode === "simulate") {
      loadClock();
    }
  });
}

// ---- language ----

function applyLanguage() {
  translatePage();
  $("lang").textContent = t("switchTo");
  $("lang").lang = language() === "en" ? "ru" : "en";
  renderClock();
  renderServers();
  renderTopologyView();
  renderTraces();
  renderDetail();
  retranslateAdmin();
}

function start() {
  $("lang").addEventListener("click", () => {
    setLanguage(language() === "en" ? "ru" : "en");
    applyLanguage();
  });
  $("clock-step").addEventListener("click", () => clockAction("/clock/step"));
  $("clock-advance").addEventListener("click", () => clockAction("/clock/advance?by=PT15M"));
  const deliveries = $("deliveries").tBodies[0];
  deliveries.addEventListener("click", onDeliveryActivated);
  deliveries.addEventListener("keydown", onDeliveryActivated);
  initAdmin($("admin"), loadServers);
  applyLanguage();
  connectEvents();
  Promise.all([loadClock(), loadServers(), loadTraces()]).then(() => {
    document.body.dataset.ready = "1";
  });
  setInterval(() => {
    if (state.clock?.mode !== "simulate") {
      loadClock();
    }
  }, 1000);
  setInterval(loadServers, 3000);
}

start();

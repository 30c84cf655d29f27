// The MailLab page: clock and simulation controls, topology (with DNS and host details), virtual
// servers, deliveries (live over Server-Sent Events, virtualised) and one delivery's journey: its
// stages on a timeline with a cursor that moves the message across the topology, each hop's
// transcript, the Received headers each hop added, and the body in a sandboxed frame.
// No innerHTML anywhere: every value from the server goes in with textContent (the body, as
// srcdoc of a frame with sandbox="", runs no script).
import { t, language, setLanguage, translatePage } from "./i18n.js";
import { stageText } from "./stage-i18n.js";
import { $, h, api, debounce, coalesce, formatTime } from "./dom.js";
import { DeliveryList, statusView, kindBadge } from "./deliveries.js";
import { journeyClients, pathFrames, trailUpTo } from "./pathframes.js";
import { initSimControls, showSimControls } from "./simcontrols.js";
import { initHostDetails, openHostDetails, closeHostDetails, refreshHostDetails, openHost } from "./hostdetails.js";
import { renderTopology } from "./topology.js";
import { initAdmin, renderAdmin, retranslateAdmin } from "./admin.js";
import { initScenario, retranslateScenario } from "./scenario.js";
import { initLabs, retranslateLabs } from "./labs.js";

const STAGE_KINDS = new Set(["Received", "Cleanup", "Categorized", "DeliveredToMailbox", "DeliveredToDrop", "Queued", "MxLookup", "Connecting",
  "Relayed", "Deferred", "RetryScheduled", "DelayNotification", "Failed", "NdrGenerated", "MovedToBadMail", "Expired",
  "RetrievedByPop3", "DeletedByPop3", "RetrievedByImap", "MovedByImap", "ExpungedByImap", "AppendedByImap", "MailboxMoved"]);
const STEP_MS = 300;

const state = {
  servers: [],
  serversJson: "",
  network: null,
  selected: null,
  detail: null,
  headers: null,
  frames: [],
  cursor: -1,
  follow: true,
  playing: 0,
  messageAnchor: null,
  clock: null,
};

/** How late live events reach the page (ms from the server seeing them to the list showing them); read by the benchmarks. */
const metrics = { latencies: [] };
window.mailLabMetrics = metrics;

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

// ---- clock ----

async function loadClock() {
  try {
    state.clock = await api("/clock");
    renderClock();
  } catch (error) {
    showError(error);
  }
}

const refreshClock = debounce(loadClock, 50);

function renderClock() {
  const clock = state.clock;
  if (!clock) {
    return;
  }
  $("clock-now").textContent = formatTime(clock.now);
  $("clock-now").dateTime = clock.now;
  $("clock-mode").textContent = t(`mode.${clock.mode}`);
  document.body.dataset.mode = clock.mode;
  showSimControls(clock.mode === "simulate");
  const next = clock.nextDue ? t("nextTimer", formatTime(clock.nextDue), clock.pendingTimers) : clock.mode === "simulate" ? t("noTimers") : "";
  $("clock-next").textContent = next;
}

// ---- servers and topology ----

async function loadServers(force = false) {
  try {
    const [servers, network, dns] = await Promise.all([api("/servers"), api("/network"), api("/dns")]);
    const json = JSON.stringify([servers, network, dns]);
    if (force || json !== state.serversJson) {
      state.serversJson = json;
      state.servers = servers;
      state.network = { ...network, mailDomains: dns.mailDomains };
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
  refreshHost();
}

function renderTopologyView() {
  const trail = state.detail ? trailUpTo(state.frames, state.cursor, state.detail) : null;
  const journey = state.detail ? journeyClients(state.detail, state.servers) : null;
  state.messageAnchor = renderTopology($("topology"), state.servers, state.network, trail, state.messageAnchor, journey);
}

function onTopologyActivated(event) {
  const host = event.target.closest("g.host[data-host]");
  if (!host || (event.type === "keydown" && event.key !== "Enter" && event.key !== " ")) {
    return;
  }
  event.preventDefault();
  openHostDetails(host.dataset.host).catch(showError);
}

const refreshHost = debounce(() => openHost() && refreshHostDetails().catch(showError), 150);

// ---- deliveries ----

const list = new DeliveryList($("deliveries-scroll"), $("deliveries"), $("deliveries-empty"), $("deliveries-count"), select);

const reloadTraces = coalesce(async () => {
  try {
    list.setAll(await api("/traces"));
  } catch (error) {
    showError(error);
  }
});

/** Fetches only the messages newer than the newest shown (the whole list when that one is gone, e.g. after a reset). */
const loadNewTraces = coalesce(async () => {
  const last = list.lastId();
  if (!last) {
    await reloadTraces();
    return;
  }
  try {
    list.append(await api(`/traces?after=${encodeURIComponent(last)}`));
  } catch {
    await reloadTraces();
  }
});

// Exchange System Manager's Message Tracking Center opens a message's journey here.
document.addEventListener("maillab:select-trace", (event) => select(event.detail));

function select(id) {
  stopPlaying();
  state.selected = id;
  state.detail = null;
  state.headers = null;
  state.frames = [];
  state.cursor = -1;
  state.messageAnchor = null;
  list.select(id);
  loadDetail(id, true);
}

// ---- detail: timeline, cursor, hops, headers, body ----

async function loadDetail(id, animate = false) {
  try {
    // The headers come in the same answer, read from the same copy: asked for apart, the copy could be
    // gone by the second request (a bounce, a POP3 DELE). No stored copy left: the detail says where it went.
    const detail = await api(`/traces/${encodeURIComponent(id)}?headers=true`);
    const headers = detail.headers ?? null;
    if (state.selected !== id) {
      return;
    }
    state.detail = detail;
    state.headers = headers;
    state.headersMissing = detail.noCopyLeft ?? "";
    state.frames = pathFrames(detail);
    if (animate) {
      state.cursor = 0;
      state.follow = true;
      renderDetail();
      play();
      return;
    }
    if (state.follow && !state.playing) {
      state.cursor = state.frames.length - 1;
    }
    state.cursor = Math.min(state.cursor, state.frames.length - 1);
    renderDetail();
  } catch (error) {
    showError(error);
  }
}

const refreshDetail = debounce(() => state.selected && loadDetail(state.selected), 100);

function renderDetail() {
  const detail = state.detail;
  $("detail-empty").hidden = !!detail;
  $("detail-body").hidden = !detail;
  if (!detail) {
    renderTopologyView();
    return;
  }
  const message = detail.message;
  $("detail-body").dataset.id = message.id;
  $("d-from").textContent = message.from;
  $("d-to").textContent = message.recipients.join(", ");
  $("d-status").replaceChildren(...statusView(message));
  // Where each recipient's copy is or went, as the server's reader says (host, mailbox / Drop / the server it was relayed to).
  $("d-recipients").replaceChildren(...(message.recipientStatus ?? []).map((r) =>
    h("div", { class: "recipient", "data-address": r.address, "data-status": r.status },
      h("span", { class: "address", text: `${r.address} ` }),
      h("span", { class: `status ${r.status}`, text: t(`status.${r.status}`) }),
      h("span", { class: "where", text: r.host ? ` ${r.host}${r.where ? ` → ${r.where}` : ""}` : "" }),
      h("span", { class: "detail muted", text: r.detail ? ` (${r.detail})` : "" }))));
  // A notice and the message it reports on are two messages, linked both ways.
  const related = [
    ...(message.original ? [[message.original, "aboutMessage"]] : []),
    ...(message.notifications ?? []).map((id) => [id, "notice"]),
  ];
  $("d-links-label").hidden = related.length === 0;
  $("d-links").hidden = related.length === 0;
  $("d-links").replaceChildren(...related.map(([id, label]) =>
    h("button", { type: "button", class: "link related", "data-id": id, onclick: () => select(id) }, `${t(label)} ${id}`)));
  $("d-subject").replaceChildren(...kindBadge(message), message.subject);

  $("stages").tBodies[0].replaceChildren(...detail.stages.map((s, i) =>
    h("tr", { "data-stage": s.stage, "data-host": s.host, "data-index": String(i) },
      h("td", { class: "time", text: formatTime(s.time) }),
      h("td", { text: s.host }),
      h("td", { class: "stage-name", text: t(`stage.${s.stage}`) }),
      h("td", { class: "stage-text", text: stageText(s.stage, s.text) }))));

  // Hops along the path: each host's inbound session (it received), then its outbound one (it relayed).
  const order = [];
  detail.stages.forEach((s) => order.includes(s.host) || order.push(s.host));
  const rank = (hop) => {
    const index = order.indexOf(hop.host);
    return (index < 0 ? order.length : index) * 2 + (hop.role === "server" ? 0 : 1);
  };
  const hops = detail.hops.map((hop, index) => ({ hop, index }))
    .sort((a, b) => rank(a.hop) - rank(b.hop) || a.index - b.index)
    .map((x) => x.hop);
  $("hops").replaceChildren(...hops.map((hop) => {
    // A POP3 hop names the account that logged on, and where from.
    const peer = hop.reader ? `${hop.reader} (${hop.peer ?? "?"})` : hop.peer ?? "?";
    const title = t({ server: "hopIn", client: "hopOut", pop3: "hopPop3" }[hop.role] ?? "hopOut", hop.host, peer);
    const lines = hop.transcript.map((line) =>
      h("div", { class: `line ${line.direction === "S" ? "server" : "client"}`, "data-direction": line.direction },
        h("span", { class: "dir", text: `${line.direction}: ` }),
        h("span", { class: "text", text: line.text })));
    return h("article", { class: "hop", "data-host": hop.host, "data-role": hop.role, "data-session": String(hop.sessionId), "data-reader": hop.reader ?? "" },
      h("h4", {},
        h("span", { text: title }),
        h("span", { class: "reply", text: hop.reply ? ` — ${t("reply")}: ${hop.reply}` : "" })),
      h("div", { class: "transcript" }, ...lines));
  }));

  renderHeaders();
  renderCursor();
}

function renderHeaders() {
  const headers = state.headers;
  $("headers-missing").hidden = !!headers;
  $("headers-missing-why").hidden = !!headers;
  $("headers-missing-why").textContent = headers ? "" : state.headersMissing ?? "";
  $("all-headers").hidden = !headers;
  $("d-body").hidden = !headers;
  if (!headers) {
    $("received").replaceChildren();
    return;
  }
  $("all-headers-list").replaceChildren(...headers.headers.map((header) =>
    h("div", { class: "header-line" },
      h("span", { class: "header-name", text: `${header.name}: ` }),
      h("span", { class: "header-value", text: header.value }))));
  // The frame's srcdoc inherits this page's CSP and sandbox="" forbids scripts, forms and same-origin access.
  const body = $("d-body");
  if (body.srcdoc !== headers.bodyHtml) {
    body.srcdoc = headers.bodyHtml;
  }
}

/** Everything that follows the cursor: the timeline row, the slider, the current hop, the Received headers so far, the topology. */
function renderCursor() {
  const frames = state.frames;
  const last = frames.length - 1;
  const cursor = Math.min(state.cursor, last);
  const slider = $("cursor");
  slider.max = String(Math.max(0, last));
  slider.value = String(Math.max(0, cursor));
  slider.disabled = last < 1;
  $("cursor-prev").disabled = cursor <= 0;
  $("cursor-next").disabled = cursor >= last;
  $("cursor-play").textContent = t(state.playing ? "simPause" : "play");
  const stage = frames[cursor]?.stage;
  $("cursor-label").textContent = stage
    ? t("cursorAt", cursor + 1, frames.length, stage.host, t(`stage.${stage.stage}`), formatTime(stage.time))
    : "";
  $("timeline").dataset.cursor = String(cursor);

  for (const row of $("stages").tBodies[0].rows) {
    const index = Number(row.dataset.index);
    row.classList.toggle("cursor", index === cursor);
    row.classList.toggle("future", index > cursor);
  }
  for (const hop of $("hops").children) {
    hop.classList.toggle("current", stage?.sessionId != null && hop.dataset.session === String(stage.sessionId));
  }

  // How the headers grew: the Received headers added up to the cursor, newest on top as in the message.
  const received = state.headers?.received ?? [];
  const upTo = stage?.sequence ?? -1;
  const added = received.filter((r) => r.sequence == null || r.sequence <= upTo);
  const newest = added.filter((r) => r.sequence != null).at(-1);
  $("received").replaceChildren(...added.slice().reverse().map((r) =>
    h("li", { class: `received${r === newest ? " latest" : ""}`, "data-number": String(r.number), "data-host": r.host ?? "" },
      h("div", { class: "received-by", text: r.host ? t("receivedBy", r.number, r.host, formatTime(r.time)) : t("receivedBefore", r.number) }),
      h("code", { class: "received-value", text: `Received: ${r.value}` }))));
  $("received-empty").hidden = added.length > 0;
  renderTopologyView();
}

function setCursor(index) {
  const last = state.frames.length - 1;
  state.cursor = Math.max(0, Math.min(index, last));
  state.follow = state.cursor === last;
  renderCursor();
}

function play() {
  stopPlaying();
  if (state.cursor >= state.frames.length - 1) {
    state.cursor = 0;
  }
  state.playing = setInterval(() => {
    if (state.cursor >= state.frames.length - 1) {
      stopPlaying();
      renderCursor();
      return;
    }
    setCursor(state.cursor + 1);
  }, STEP_MS);
  renderCursor();
}

function stopPlaying() {
  clearInterval(state.playing);
  state.playing = 0;
}

function scrub(index) {
  stopPlaying();
  setCursor(index);
}

// ---- events ----

function measure(event, done) {
  const arrived = performance.timeOrigin + performance.now();
  done.then(() => {
    const drawn = performance.timeOrigin + performance.now();
    metrics.latencies.push({ kind: event.kind, ms: drawn - event.sent, transit: arrived - event.sent });
    if (metrics.latencies.length > 20_000) {
      metrics.latencies.splice(0, 10_000); // a page left open for days keeps only the recent figures
    }
  });
}

/** A live event in the list: a known message's status, a new message's row (from the event, or fetched). */
function applyToList(event) {
  if (!list.apply(event) && event.message) {
    list.append([event.message]);
    list.apply(event);
  }
  return list.has(event.traceId) ? list.schedule() : loadNewTraces();
}

function connectEvents() {
  const live = $("live");
  const source = new EventSource("/api/events");
  source.addEventListener("open", () => {
    live.dataset.i18n = "liveOn";
    live.className = "live on";
    live.textContent = t("liveOn");
    document.body.dataset.live = "on";
    reloadTraces();
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
    if (event.traceId) {
      measure(event, applyToList(event));
    }
    if (state.selected && event.traceId === state.selected) {
      refreshDetail();
    }
    if (STAGE_KINDS.has(event.kind)) {
      refreshHost();
    }
    if (state.clock?.mode === "simulate") {
      refreshClock();
    }
  });
}

function afterReset(clock) {
  stopPlaying();
  state.clock = clock;
  state.selected = null;
  state.detail = null;
  state.headers = null;
  state.frames = [];
  state.messageAnchor = null;
  list.select(null);
  renderClock();
  renderDetail();
  reloadTraces();
  loadServers(true);
  refreshHost();
}

// ---- language ----

function applyLanguage() {
  translatePage();
  $("lang").textContent = t("switchTo");
  $("lang").lang = language() === "en" ? "ru" : "en";
  renderClock();
  renderServers();
  renderTopologyView();
  list.render();
  renderDetail();
  retranslateAdmin();
  retranslateScenario();
  retranslateLabs();
  refreshHost();
}

function start() {
  $("lang").addEventListener("click", () => {
    setLanguage(language() === "en" ? "ru" : "en");
    applyLanguage();
  });
  initSimControls({
    onClock: (clock) => {
      state.clock = clock;
      renderClock();
    },
    onError: showError,
    onReset: afterReset,
    invalidDuration: () => showError(new Error(t("badDuration"))),
  });
  $("topology").addEventListener("click", onTopologyActivated);
  $("topology").addEventListener("keydown", onTopologyActivated);
  $("host-details-close").addEventListener("click", closeHostDetails);
  initHostDetails((error) => (error ? showError(error) : loadServers()));
  $("cursor").addEventListener("input", () => scrub(Number($("cursor").value)));
  $("cursor-prev").addEventListener("click", () => scrub(state.cursor - 1));
  $("cursor-next").addEventListener("click", () => scrub(state.cursor + 1));
  $("cursor-play").addEventListener("click", () => (state.playing ? (stopPlaying(), renderCursor()) : play()));
  $("stages").tBodies[0].addEventListener("click", (event) => {
    const row = event.target.closest("tr[data-index]");
    if (row) {
      scrub(Number(row.dataset.index));
    }
  });
  initAdmin($("admin"), loadServers);
  initScenario();
  initLabs({ onStarted: afterReset });
  applyLanguage();
  connectEvents();
  Promise.all([loadClock(), loadServers(), reloadTraces()]).then(() => {
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

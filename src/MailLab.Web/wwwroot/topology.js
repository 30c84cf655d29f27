// The topology as SVG: hosts (with each SMTP virtual server coloured by state and their mailbox
// store), DNS with its MX and A records, the mail clients and the links, laid out automatically for
// 2 to 10 hosts. A delivery's trail is highlighted and the message drawn where the cursor has it.
// Every name is set with textContent.
import { t } from "./i18n.js";
import { linkKey } from "./pathframes.js";

const NS = "http://www.w3.org/2000/svg";
const W = 900;
const HOST_W = 190;
const NARROW_HOST_W = 160;
const CLIENT_W = 190;
const CLIENT_H = 40;
const DNS_W = 230;
const DNS_LINES = 6;

function el(name, attributes = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes)) {
    node.setAttribute(key, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function hostHeight(host) {
  return 34 + 20 * Math.max(1, host.smtp.virtualServers.length) + 22;
}

function dnsLines(network) {
  return (network?.dns ?? []).map((r) => (r.type === "MX" ? `${r.name} MX ${r.preference} ${r.value}` : `${r.name} ${r.type} ${r.value}`));
}

function dnsHeight(lines) {
  return 28 + 15 * Math.max(1, Math.min(lines.length, DNS_LINES + 1));
}

/**
 * Centres and box width: for 1 or 2 hosts a row under DNS; for 3 to 6 an ellipse around DNS; for
 * 7 to 10 two rows of narrower boxes, DNS and the clients between them (checked by TopologyLayoutTests).
 */
export function layout(hosts) {
  const n = hosts.length;
  const positions = new Map();
  if (n <= 2) {
    const gap = (W - 2 * (CLIENT_W + 40)) / Math.max(1, n);
    hosts.forEach((h, i) => positions.set(h.name, { x: CLIENT_W + 40 + gap * (i + 0.5), y: 190 }));
    return { positions, dns: { x: W / 2, y: 62 }, height: 270, hostWidth: HOST_W, rows: false };
  }
  const height = 420;
  const cx = W / 2;
  const cy = height / 2;
  if (n <= 6) {
    // Wide enough that the side hosts clear the DNS box in the middle, narrow enough for the clients outside.
    const rx = W / 2 - HOST_W / 2 - 110;
    const ry = height / 2 - 70;
    hosts.forEach((h, i) => {
      const angle = Math.PI + (2 * Math.PI * i) / n;
      positions.set(h.name, { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) });
    });
    return { positions, dns: { x: cx, y: cy }, height, hostWidth: HOST_W, rows: false };
  }
  const top = Math.ceil(n / 2);
  hosts.forEach((h, i) => {
    const row = i < top ? 0 : 1;
    const count = row === 0 ? top : n - top;
    const index = row === 0 ? i : i - top;
    const gap = (W - 40) / count;
    positions.set(h.name, { x: 20 + gap * (index + 0.5), y: row === 0 ? 80 : height - 80 });
  });
  return { positions, dns: { x: cx, y: cy }, height, hostWidth: NARROW_HOST_W, rows: true };
}

/**
 * The mail clients. Without a journey: the first account of the first host (left), and the first
 * account of the last host that has one (right). With one (pathframes.journeyClients): its sender
 * (left) and its readers (right), the accounts that really took part.
 */
export function clients(hosts, journey) {
  const known = (c) => hosts.some((h) => h.name === c.host);
  if (journey && known(journey.sender)) {
    const readers = journey.readers.filter(known);
    return [
      { ...journey.sender, side: "left", index: 0, of: 1 },
      ...readers.map((r, index) => ({ ...r, side: "right", index, of: readers.length })),
    ];
  }
  const withAccounts = hosts.filter((h) => h.accounts && h.accounts.length > 0);
  if (withAccounts.length === 0) {
    return [];
  }
  const sender = { address: withAccounts[0].accounts[0], host: withAccounts[0].name, side: "left", index: 0, of: 1 };
  const last = withAccounts[withAccounts.length - 1];
  if (last === withAccounts[0]) {
    return [sender];
  }
  return [sender, { address: last.accounts[0], host: last.name, side: "right", index: 0, of: 1 }];
}

/**
 * Beside its host for 1 or 2 hosts; with two rows of hosts at the middle row's ends; else in a corner
 * on its host's side (the sender's at the top, the reader's at the bottom), clear of the ellipse.
 * Several readers stack: around that place beside a host or in the middle row, upwards from the corner.
 */
function clientPosition(client, hostPos, shape) {
  const { positions, height, rows } = shape;
  const x = (positions.size <= 2 || rows ? client.side === "left" : hostPos.x < W / 2) ? CLIENT_W / 2 + 10 : W - CLIENT_W / 2 - 10;
  const step = CLIENT_H + 8;
  if (positions.size <= 2 || rows) {
    const centre = positions.size <= 2 ? hostPos.y : height / 2;
    return { x, y: centre + (client.index - (client.of - 1) / 2) * step };
  }
  return { x, y: client.side === "left" ? CLIENT_H / 2 + 8 + client.index * step : height - CLIENT_H / 2 - 8 - client.index * step };
}

/**
 * Draws the topology into svg. highlight (or null): the trail from pathframes.trailUpTo.
 * previousAnchor: where the message was drawn before, to move it from there. journey (or null): the
 * selected message's clients (pathframes.journeyClients). Returns the message's new anchor point (or null).
 */
export function renderTopology(svg, servers, network, highlight, previousAnchor, journey) {
  const keep = svg.querySelector("title");
  svg.replaceChildren();
  if (keep) {
    svg.append(keep);
  }
  const shape = layout(servers);
  const { positions, dns, height, hostWidth } = shape;
  svg.setAttribute("viewBox", `0 0 ${W} ${height}`);
  const unreachable = new Set(network?.unreachableHosts ?? []);
  const links = svg.appendChild(el("g", { class: "links" }));
  const nodes = svg.appendChild(el("g", { class: "nodes" }));
  const anchors = { dns, hosts: new Map(), stores: new Map(), clients: new Map() };
  const lines = dnsLines(network);
  const dnsH = dnsHeight(lines);

  // Each host asks DNS (MX, then A) before it relays: a thin link from every host to the DNS box.
  for (const host of servers) {
    const p = positions.get(host.name);
    const on = highlight?.dnsLinks?.has(host.name);
    links.append(el("line", { x1: p.x, y1: p.y, x2: dns.x, y2: dns.y, class: `link dns-link${on ? " on-path" : ""}`, "data-dns-link": host.name }));
  }

  // Host-to-host links (one line per pair; down when either direction is down).
  const pairs = new Map();
  for (const link of network?.links ?? []) {
    if (!positions.has(link.from) || !positions.has(link.to)) {
      continue;
    }
    const key = linkKey(link.from, link.to);
    const previous = pairs.get(key);
    pairs.set(key, { from: link.from, to: link.to, reachable: (previous?.reachable ?? true) && link.reachable });
  }
  for (const [key, link] of pairs) {
    const a = positions.get(link.from);
    const b = positions.get(link.to);
    const down = !link.reachable || unreachable.has(link.from) || unreachable.has(link.to);
    const classes = ["link", down ? "down" : "", highlight?.links?.has(key) ? "on-path" : ""].join(" ").trim();
    links.append(el("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y, class: classes, "data-link": `${link.from} - ${link.to}` }));
  }

  // DNS: its records (the first few; all of them in the tooltip).
  const dnsGroup = nodes.appendChild(el("g", { class: `dns${highlight?.dns ? " on-path" : ""}`, "data-dns": "dns" }));
  dnsGroup.append(el("rect", { x: dns.x - DNS_W / 2, y: dns.y - dnsH / 2, width: DNS_W, height: dnsH, rx: 8, class: "dns-box" }));
  dnsGroup.append(el("text", { x: dns.x, y: dns.y - dnsH / 2 + 18, "text-anchor": "middle", class: "dns-name" }, t("dns")));
  const shown = lines.length > DNS_LINES + 1 ? [...lines.slice(0, DNS_LINES), t("moreRecords", lines.length - DNS_LINES)] : lines;
  shown.forEach((line, i) => dnsGroup.append(el("text", {
    x: dns.x, y: dns.y - dnsH / 2 + 34 + 15 * i, "text-anchor": "middle", class: "dns-record",
  }, line)));
  const resolved = (network?.mailDomains ?? []).map((d) =>
    `${d.domain}: ${d.mx.map((mx) => `MX ${mx.preference} ${mx.exchange} → ${mx.addresses.join(", ") || "?"}`).join("; ")}`);
  dnsGroup.append(el("title", {}, [...lines, "", ...resolved].join("\n")));

  // Mail clients, beside their host, outwards from the centre.
  for (const client of clients(servers, journey)) {
    const hostPos = positions.get(client.host);
    const { x, y } = clientPosition(client, hostPos, shape);
    anchors.clients.set(client.address, { x, y });
    const on = highlight?.clients?.has(client.address) || highlight?.readers?.has(client.address);
    const label = t("client", client.address);
    const width = Math.min(CLIENT_W, Math.max(120, 7 * label.length + 20));
    links.append(el("line", { x1: x, y1: y, x2: hostPos.x, y2: hostPos.y, class: `link client-link${on ? " on-path" : ""}` }));
    const g = nodes.appendChild(el("g", { class: `client${on ? " on-path" : ""}`, "data-client": client.address }));
    g.append(el("rect", { x: x - width / 2, y: y - CLIENT_H / 2, width, height: CLIENT_H, rx: 18 }));
    g.append(el("text", { x, y: y + 5, "text-anchor": "middle", class: "client-label" }, label));
  }

  // Hosts: a box with the name, one coloured row per virtual server, and the mailbox store.
  for (const host of servers) {
    const p = positions.get(host.name);
    const h = hostHeight(host);
    const down = unreachable.has(host.name);
    const on = highlight?.hosts?.has(host.name);
    const g = nodes.appendChild(el("g", {
      class: `host${on ? " on-path" : ""}${down ? " down" : ""}`, "data-host": host.name, tabindex: 0, role: "button",
      "aria-label": t("hostDetailsOf", host.name),
    }));
    g.append(el("rect", { x: p.x - hostWidth / 2, y: p.y - h / 2, width: hostWidth, height: h, rx: 8, class: "host-box" }));
    g.append(el("text", { x: p.x, y: p.y - h / 2 + 20, "text-anchor": "middle", class: "host-name" },
      down ? `${host.name} (${t("unreachable")})` : host.name));
    host.smtp.virtualServers.forEach((vs, i) => {
      const y = p.y - h / 2 + 34 + 20 * i;
      const row = g.appendChild(el("g", { class: `vs ${vs.state}`, "data-vs": vs.name, "data-state": vs.state }));
      row.append(el("rect", { x: p.x - hostWidth / 2 + 8, y, width: hostWidth - 16, height: 16, rx: 3, class: "vs-box" }));
      const port = vs.endpoint ? vs.endpoint.split(":").pop() : vs.port;
      const label = `${vs.name.replace("Default SMTP Virtual Server", "Default SMTP VS")} :${port}`;
      row.append(el("text", { x: p.x, y: y + 12, "text-anchor": "middle", class: "vs-label" }, label));
      row.append(el("title", {}, `${vs.name} (${vs.endpoint ?? "-"}): ${t(`state.${vs.state}`)}`));
    });
    const storeY = p.y + h / 2 - 20;
    const stored = highlight?.stores?.has(host.name);
    const store = g.appendChild(el("g", { class: `store${stored ? " on-path" : ""}`, "data-store": host.name }));
    store.append(el("rect", { x: p.x - hostWidth / 2 + 8, y: storeY, width: hostWidth - 16, height: 14, rx: 3, class: "store-box" }));
    store.append(el("text", { x: p.x, y: storeY + 11, "text-anchor": "middle", class: "store-label" }, t("mailboxStore")));
    anchors.stores.set(host.name, { x: p.x, y: storeY + 7 });
    // The message at the MTA sits in the box's corner, beside the name, leaving the rows readable.
    anchors.hosts.set(host.name, { x: p.x + hostWidth / 2 - 20, y: p.y - h / 2 + 14 });
  }

  return drawMessage(svg, anchors, highlight, previousAnchor);
}

function anchorOf(anchors, node) {
  switch (node?.type) {
    case "dns":
      return anchors.dns;
    case "host":
      return anchors.hosts.get(node.id);
    case "store":
      return anchors.stores.get(node.id);
    case "client":
      return anchors.clients.get(node.id);
    case "reader":
      return anchors.clients.get(node.id) ?? anchors.stores.get(node.host);
    default:
      return null;
  }
}

/** The message as an envelope at the cursor's position, gliding there from where it was. */
function drawMessage(svg, anchors, highlight, previousAnchor) {
  const at = highlight ? anchorOf(anchors, highlight.current) : null;
  if (!at) {
    return null;
  }
  const from = previousAnchor ?? anchorOf(anchors, highlight.previous) ?? at;
  const g = svg.appendChild(el("g", {
    class: `message${highlight.problem ? " problem" : ""}`, "data-at": `${highlight.current.type}:${highlight.current.id}`,
    transform: `translate(${at.x} ${at.y})`,
  }));
  g.append(el("rect", { x: -13, y: -9, width: 26, height: 18, rx: 3, class: "envelope" }));
  g.append(el("path", { d: "M -13 -9 L 0 2 L 13 -9", class: "envelope-flap" }));
  if (from.x !== at.x || from.y !== at.y) {
    g.animate([
      { transform: `translate(${from.x}px, ${from.y}px)` },
      { transform: `translate(${at.x}px, ${at.y}px)` },
    ], { duration: 350, easing: "ease-in-out" });
  }
  return at;
}
export { linkKey };

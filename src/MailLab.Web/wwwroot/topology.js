// The topology as SVG: hosts (with each SMTP virtual server coloured by state), the mail clients and
// the links, laid out automatically for 2 to 10 hosts. Every name is set with textContent.
import { t } from "./i18n.js";

const NS = "http://www.w3.org/2000/svg";
const W = 900;
let H = 360;
const HOST_W = 190;
const CLIENT_H = 40;

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
  return 34 + 20 * Math.max(1, host.smtp.virtualServers.length);
}

/** Centre of each host: a row for 2 or 3 hosts, an ellipse for more. */
const CLIENT_W = 190;

export function layout(hosts) {
  const n = hosts.length;
  H = n <= 3 ? 170 : 360;
  const cx = W / 2;
  const cy = H / 2;
  const positions = new Map();
  if (n <= 3) {
    const gap = (W - 2 * (CLIENT_W + 40)) / n;
    hosts.forEach((h, i) => positions.set(h.name, { x: CLIENT_W + 40 + gap * (i + 0.5), y: cy }));
  } else {
    const rx = W / 2 - CLIENT_W - HOST_W / 2 - 10;
    const ry = H / 2 - 70;
    hosts.forEach((h, i) => {
      const angle = Math.PI + (2 * Math.PI * i) / n;
      positions.set(h.name, { x: cx + rx * Math.cos(angle), y: cy + ry * Math.sin(angle) });
    });
  }
  return positions;
}

/** The two mail clients: the first account of the first host, and the first account of the last host that has one. */
export function clients(hosts) {
  const withAccounts = hosts.filter((h) => h.accounts && h.accounts.length > 0);
  if (withAccounts.length === 0) {
    return [];
  }
  const sender = { address: withAccounts[0].accounts[0], host: withAccounts[0].name, side: "left" };
  const last = withAccounts[withAccounts.length - 1];
  if (last === withAccounts[0]) {
    return [sender];
  }
  return [sender, { address: last.accounts[0], host: last.name, side: "right" }];
}

function linkKey(a, b) {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/**
 * Draws the topology into svg. highlight: { hosts: Set, links: Set of linkKey, clients: Set of addresses }.
 */
export function renderTopology(svg, servers, network, highlight) {
  const keep = svg.querySelector("title");
  svg.replaceChildren();
  if (keep) {
    svg.append(keep);
  }
  const positions = layout(servers);
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
  const unreachable = new Set(network?.unreachableHosts ?? []);
  const links = svg.appendChild(el("g", { class: "links" }));
  const nodes = svg.appendChild(el("g", { class: "nodes" }));

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

  // Mail clients, beside their host, outwards from the centre.
  for (const client of clients(servers)) {
    const hostPos = positions.get(client.host);
    let x;
    let y;
    if (servers.length <= 3) {
      x = client.side === "left" ? CLIENT_W / 2 + 10 : W - CLIENT_W / 2 - 10;
      y = hostPos.y;
    } else {
      x = hostPos.x < W / 2 ? CLIENT_W / 2 + 10 : W - CLIENT_W / 2 - 10;
      y = Math.min(H - CLIENT_H, Math.max(CLIENT_H, hostPos.y + (client.side === "left" ? -60 : 60)));
    }
    const on = highlight?.clients?.has(client.address);
    const label = t("client", client.address);
    const width = Math.min(CLIENT_W, Math.max(120, 7 * label.length + 20));
    links.append(el("line", { x1: x, y1: y, x2: hostPos.x, y2: hostPos.y, class: `link client-link${on ? " on-path" : ""}` }));
    const g = nodes.appendChild(el("g", { class: `client${on ? " on-path" : ""}`, "data-client": client.address }));
    g.append(el("rect", { x: x - width / 2, y: y - CLIENT_H / 2, width, height: CLIENT_H, rx: 18 }));
    g.append(el("text", { x, y: y + 5, "text-anchor": "middle", class: "client-label" }, label));
  }

  // Hosts: a box with the name and one coloured row per virtual server.
  for (const host of servers) {
    const p = positions.get(host.name);
    const h = hostHeight(host);
    const down = unreachable.has(host.name);
    const on = highlight?.hosts?.has(host.name);
    const g = nodes.appendChild(el("g", { class: `host${on ? " on-path" : ""}${down ? " down" : ""}`, "data-host": host.name }));
    g.append(el("rect", { x: p.x - HOST_W / 2, y: p.y - h / 2, width: HOST_W, height: h, rx: 8, class: "host-box" }));
    g.append(el("text", { x: p.x, y: p.y - h / 2 + 20, "text-anchor": "middle", class: "host-name" },
      down ? `${host.name} (${t("unreachable")})` : host.name));
    host.smtp.virtualServers.forEach((vs, i) => {
      const y = p.y - h / 2 + 34 + 20 * i;
      const row = g.appendChild(el("g", { class: `vs ${vs.state}`, "data-vs": vs.name, "data-state": vs.state }));
      row.append(el("rect", { x: p.x - HOST_W / 2 + 8, y, width: HOST_W - 16, height: 16, rx: 3, class: "vs-box" }));
      const port = vs.endpoint ? vs.endpoint.split(":").pop() : vs.port;
      const label = `${vs.name.replace("Default SMTP Virtual Server", "Default SMTP VS")} :${port}`;
      row.append(el("text", { x: p.x, y: y + 12, "text-anchor": "middle", class: "vs-label" }, label));
      row.append(el("title", {}, `${vs.name} (${vs.endpoint ?? "-"}): ${t(`state.${vs.state}`)}`));
    });
  }
}

export { linkKey };

// The details of one host, opened by clicking it on the topology: its address (static or DHCP), its SMTP virtual servers (state,
// endpoint, domains, queue length), its POP3 service, its IMAP service (MailLab's own) and its
// mailboxes with their message counts and IMAP folders.
// Read from the same endpoints as the rest of the page.
import { t } from "./i18n.js";
import { api, h, $ } from "./dom.js";

let current = null;
let changed = () => {};

/** onChange runs after the panel changed the world (a host switched off or on), so the page can redraw. */
export function initHostDetails(onChange) {
  changed = onChange;
}

export function openHostDetails(name) {
  current = name;
  $("host-details").hidden = false;
  return refreshHostDetails();
}

export function closeHostDetails() {
  current = null;
  $("host-details").hidden = true;
}

export function openHost() {
  return current;
}

/** Re-reads the open host (after a delivery or a state change); does nothing when none is open. */
export async function refreshHostDetails() {
  const name = current;
  if (!name) {
    return;
  }
  const enc = encodeURIComponent(name);
  const [server, pop3, network] = await Promise.all([api(`/servers/${enc}`), api(`/servers/${enc}/pop3`), api("/network")]);
  const queues = await Promise.all(server.smtp.virtualServers.map((vs) =>
    api(`/servers/${enc}/smtp/${encodeURIComponent(vs.name)}/folders/Queue`).then((files) => files.length)));
  // The host's mailboxes: its accounts' and the POP3 service's, each with what it holds now.
  const pop3Boxes = new Map(pop3.domains.flatMap((d) => d.mailboxes.map((m) => [m.address, m])));
  const addresses = [...new Set([...server.accounts, ...pop3Boxes.keys()])];
  const mailboxes = await Promise.all(addresses.map(async (address) => {
    const [messages, folders] = await Promise.all([
      api(`/mailboxes/${encodeURIComponent(address)}/messages`).catch(() => []),
      api(`/mailboxes/${encodeURIComponent(address)}/folders`).catch(() => []),
    ]);
    return { address, messages: messages.length, bytes: messages.reduce((sum, m) => sum + m.size, 0), locked: pop3Boxes.get(address)?.locked, folders };
  }));
  if (current !== name) {
    return;
  }
  render(server, pop3, queues, mailboxes, network.unreachableHosts.includes(server.name), network.hosts.find((n) => n.name === server.name));
}

/** Switches the host off (unreachable from everywhere) or on again: what a lesson does to see deferrals and retries. */
async function setReachable(name, reachable) {
  await api(`/network/hosts/${encodeURIComponent(name)}/${reachable ? "reachable" : "unreachable"}`, { method: "POST" });
  await Promise.all([refreshHostDetails(), changed()]);
}

function render(server, pop3, queues, boxes, unreachable, addressed) {
  const box = $("host-details");
  box.dataset.host = server.name;
  $("host-details-name").textContent = server.name;

  const servers = server.smtp.virtualServers.map((vs, i) => h("li", { class: "hd-vs", "data-vs": vs.name, "data-state": vs.state },
    h("strong", { text: vs.name }), " ",
    h("span", { class: `state ${vs.state}`, text: t(`state.${vs.state}`) }),
    h("div", { class: "muted", text: `${t("endpoint")}: ${vs.endpoint ?? "-"} · FQDN ${vs.fqdn}` }),
    h("div", { text: `${t("domains")}: ${vs.domains.map((d) => `${d.name} (${t(`domainType.${d.type}`)})`).join(", ")}` }),
    h("div", { class: "hd-queue", "data-queue": String(queues[i]), text: `${t("queueLength")}: ${queues[i]}` })));

  const mailboxes = boxes.map((m) =>
    h("tr", { "data-mailbox": m.address, "data-messages": String(m.messages) },
      h("td", { text: m.address }),
      h("td", { class: "num", text: String(m.messages) }),
      h("td", { class: "num", text: String(m.bytes) }),
      h("td", { text: m.locked ? t("locked") : "" }),
      h("td", { class: "hd-folders" }, ...m.folders.map((f) =>
        h("span", {
          class: "hd-folder", "data-folder": f.name, "data-messages": String(f.messages), "data-unseen": String(f.unseen),
          title: f.specialUse ? `\\${f.specialUse}` : "",
          text: `${f.name} ${f.messages}${f.unseen ? ` (${f.unseen} ${t("unseen")})` : ""}`,
        })))));

  // IMAP listeners come with the server's listeners (protocol imap / imaps).
  const imap = server.listeners.filter((l) => l.protocol === "imap" || l.protocol === "imaps");

  const toggle = h("button", { type: "button", id: "host-reachability", "data-unreachable": String(unreachable), text: t(unreachable ? "switchOn" : "switchOff") });
  toggle.addEventListener("click", () => setReachable(server.name, unreachable).catch((error) => changed(error)));
  $("host-details-body").replaceChildren(
    h("p", { class: "hd-network" }, h("span", { text: `${t("network")}: ${t(unreachable ? "unreachable" : "reachable")} ` }), toggle),
    h("p", {
      class: "hd-address", "data-addressing": addressed?.addressing ?? "static",
      text: `${t("address")}: ${addressed?.address ?? t("noAddress")} (${t(`addressing.${addressed?.addressing ?? "static"}`)})`,
    }),
    h("h4", { text: t("virtualServers") }),
    h("ul", { class: "hd-list" }, ...servers),
    h("h4", { text: t("pop3Service") }),
    h("p", {
      class: "hd-pop3", "data-enabled": String(pop3.enabled),
      text: pop3.enabled
        ? `${t("endpoint")}: ${pop3.endPoint ?? `:${pop3.port}`} · ${t(`pop3Auth.${pop3.authentication}`)}${pop3.spaRequired ? ` · ${t("spaRequired")}` : ""}`
        : t("pop3Disabled"),
    }),
    h("p", { text: `${t("domains")}: ${pop3.domains.map((d) => d.name + (d.locked ? ` (${t("locked")})` : "")).join(", ") || "—"}` }),
    h("h4", { text: t("imapService") }),
    h("p", {
      class: "hd-imap", "data-enabled": String(imap.length > 0),
      text: imap.length > 0 ? `${t("endpoint")}: ${imap.map((l) => `${l.protocol.toUpperCase()} ${l.endpoint}`).join(" · ")}` : t("imapDisabled"),
    }),
    h("p", { class: "muted hd-imap-own", text: t("imapOwn") }),
    h("h4", { text: t("mailboxes") }),
    h("table", { class: "hd-mailboxes" },
      h("thead", {}, h("tr", {},
        h("th", { text: t("mailbox") }), h("th", { text: t("messages") }), h("th", { text: t("bytes") }), h("th", { text: "" }),
        h("th", { text: t("folders") }))),
      h("tbody", {}, ...mailboxes)));
}

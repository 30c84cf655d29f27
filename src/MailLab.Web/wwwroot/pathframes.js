// A delivery's stages turned into positions on the topology, one frame per stage: where the message
// is (a client, a host's MTA, DNS, a host's store) and which link it just crossed. The page's
// timeline cursor picks a frame; everything up to it is the trail.

export const PROBLEM_STAGES = new Set(["Deferred", "Failed", "Expired", "MovedToBadMail", "NdrGenerated", "DelayNotification"]);

/** Key of a host-to-host link, the same for both directions. */
export function linkKey(a, b) {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The mail-reading roles of a hop: POP3 and IMAP (MailLab's own) clients. */
const READER_ROLES = new Set(["pop3", "imap"]);

/** The account that retrieved the message in a POP3 or IMAP stage, as the trace says (its hop's reader). */
function readerOf(detail, stage) {
  return detail.hops.find((h) => READER_ROLES.has(h.role) && h.sessionId === stage.sessionId)?.reader ?? null;
}

/**
 * The mail clients of a journey: the sender's, at the host it submitted to, and each reader's, at
 * its host: every account that retrieved the message by POP3 or IMAP and every recipient that is an account
 * of a host (its reader-to-be). hosts: the servers, with their accounts.
 */
export function journeyClients(detail, hosts) {
  const readers = new Map();
  for (const hop of detail.hops) {
    if (READER_ROLES.has(hop.role) && hop.reader) {
      readers.set(hop.reader, hop.host);
    }
  }
  for (const recipient of detail.message.recipients) {
    const host = hosts.find((h) => (h.accounts ?? []).some((a) => a.toLowerCase() === recipient.toLowerCase()));
    if (host && !readers.has(recipient)) {
      readers.set(recipient, host.name);
    }
  }
  readers.delete(detail.message.from);
  return {
    sender: { address: detail.message.from, host: detail.message.host },
    readers: [...readers].map(([address, host]) => ({ address, host })),
  };
}

/**
 * One frame per stage: { node: {type: "client"|"host"|"dns"|"store"|"reader", id}, link?: {type, key},
 * problem }. A "reader" node is the client of the account that retrieved the message by POP3
 * (id: the account, host: its host).
 */
export function pathFrames(detail) {
  const frames = [];
  let at = { type: "client", id: detail.message.from };
  let lastHost = null;
  for (const stage of detail.stages) {
    let node = { type: "host", id: stage.host };
    let link = null;
    switch (stage.stage) {
      case "Received":
        if (lastHost && lastHost !== stage.host) {
          link = { type: "host", key: linkKey(lastHost, stage.host) };
        } else if (!lastHost) {
          link = { type: "client", key: detail.message.from };
        }
        lastHost = stage.host;
        break;
      case "MxLookup":
        node = { type: "dns", id: "dns" };
        link = { type: "dns", key: stage.host };
        break;
      case "Relayed":
        // Logged once the next host answered 250: the message is already past this point.
        node = at;
        break;
      case "DeliveredToMailbox":
      case "DeliveredToDrop":
      case "DeletedByPop3":
      case "MovedByImap":
      case "ExpungedByImap":
      case "AppendedByImap":
      case "MailboxMoved":
        node = { type: "store", id: stage.host };
        break;
      case "RetrievedByPop3":
      case "RetrievedByImap": {
        const reader = readerOf(detail, stage) ?? stage.host;
        node = { type: "reader", id: reader, host: stage.host };
        link = { type: "reader", key: reader };
        break;
      }
      default:
        break;
    }
    frames.push({ stage, node, link, problem: PROBLEM_STAGES.has(stage.stage) });
    at = node;
  }
  return frames;
}

/**
 * The highlight for the topology with the cursor on frames[cursor]: the trail so far and the
 * current and previous positions (for the moving message).
 */
export function trailUpTo(frames, cursor, detail) {
  const trail = { hosts: new Set(), links: new Set(), clients: new Set(), dnsLinks: new Set(), stores: new Set(), readers: new Set(), dns: false };
  if (frames.length === 0 || cursor < 0) {
    return null;
  }
  const last = Math.min(cursor, frames.length - 1);
  for (let i = 0; i <= last; i++) {
    const { stage, node, link } = frames[i];
    trail.hosts.add(stage.host);
    if (node.type === "dns") {
      trail.dns = true;
    } else if (node.type === "store") {
      trail.stores.add(node.id);
    }
    if (link?.type === "host") {
      trail.links.add(link.key);
    } else if (link?.type === "client") {
      trail.clients.add(link.key);
    } else if (link?.type === "dns") {
      trail.dnsLinks.add(link.key);
    } else if (link?.type === "reader") {
      trail.readers.add(link.key);
    }
  }
  // At the end of the path it reaches the clients of the recipients whose copy was delivered (the server's
  // per-recipient status: a partly bounced message still lights its delivered recipients).
  if (last === frames.length - 1) {
    (detail.message.recipientStatus ?? []).filter((r) => r.status === "delivered").forEach((r) => trail.clients.add(r.address));
  }
  trail.current = frames[last].node;
  trail.previous = last > 0 ? frames[last - 1].node : { type: "client", id: detail.message.from };
  trail.problem = frames[last].problem;
  return trail;
}

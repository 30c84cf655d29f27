// The settings of an SMTP virtual server laid out as IIS 6's property sheet tabs (docs/REFERENCE.md, the
// lecture's slides): each setting's API name, the group box it sits in and how it is edited.
// kinds: limit (a "Limit … to" box: null = unlimited), number, bool, text (empty = none), list (one entry
// per line), onlyListed (the "Only the list below" / "All except the list below" pair).

export const TABS = ["general", "access", "messages", "delivery", "security", "domains"];

export const LAYOUT = {
  general: [
    ["connections", [["maxConnections", "limit"], ["connectionTimeoutMinutes", "number"]]],
    ["logging", [["loggingEnabled", "bool"]]],
  ],
  access: [
    ["authentication", [["anonymousAccess", "bool"], ["basicAuthentication", "bool"], ["basicRequiresTls", "bool"],
      ["basicDefaultDomain", "text"]]],
    ["secureCommunication", [["requireTls", "bool"]]],
    ["connectionControl", [["connectionOnlyListed", "onlyListed"], ["connectionList", "list"]]],
    ["relayRestrictions", [["relayOnlyListed", "onlyListed"], ["relayList", "list"], ["allowAuthenticatedRelay", "bool"]]],
  ],
  messages: [
    ["limits", [["maxMessageSizeKb", "limit"], ["maxSessionSizeKb", "limit"], ["maxMessagesPerConnection", "limit"],
      ["maxRecipientsPerMessage", "limit"]]],
    ["ndr", [["ndrCopyTo", "text"], ["badMailDirectory", "text"]]],
  ],
  delivery: [
    ["retries", [["retryIntervalsMinutes", "list"], ["delayNotificationHours", "number"], ["expirationHours", "number"]]],
    ["advanced", [["maxHopCount", "number"], ["masqueradeDomain", "text"], ["fqdn", "text"], ["smartHost", "text"]]],
    ["outbound", [["outboundPort", "number"], ["maxOutboundConnections", "limit"], ["maxOutboundConnectionsPerDomain", "limit"],
      ["outboundTimeoutMinutes", "number"]]],
    ["outboundSecurity", [["outboundTls", "bool"]]],
  ],
};

const KNOWN = new Set(Object.values(LAYOUT).flat().flatMap(([, fields]) => fields.map(([name]) => name)));

/** Settings the API returns that this layout does not place: shown under "Other" on the tab the API puts them. */
export function extras(settings, tab) {
  const group = settings[tab] ?? {};
  return Object.keys(group).filter((name) => !KNOWN.has(name)).map((name) => [name, kindOf(group[name])]);
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

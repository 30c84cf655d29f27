// The admin API as the admin pages call it: JSON in and out, the caller's credentials (HTTP Basic, as
// the API's Security tab expects; none = the built-in Administrator) and errors as one clear sentence.
import { t } from "./i18n.js";

let credentials = null;

/** Acts as user (local account name or full address) from now on; null for the built-in Administrator. */
export function actAs(user, password) {
  credentials = user ? { user, password: password ?? "" } : null;
}

export function actingAs() {
  return credentials?.user ?? null;
}

export class ApiError extends Error {
  /** answer: the error's JSON body, for the callers that read more than its sentence (e.g. "Stop Other Services"). */
  constructor(status, message, answer = null) {
    super(message);
    this.status = status;
    this.answer = answer;
  }

  /** The message to show: 401 and 403 say plainly who may not do what. */
  get display() {
    if (this.status === 403) {
      return t("admin.forbidden", this.message);
    }
    if (this.status === 401) {
      return t("admin.unauthorized", this.message);
    }
    return this.message;
  }
}

function basic({ user, password }) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = "";
  for (const b of bytes) {
    binary += String.fromCharCode(b);
  }
  return `Basic ${btoa(binary)}`;
}

/** Calls /api{path}; resolves with the JSON answer (null for 204), rejects with an ApiError. */
export async function call(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (credentials) {
    headers.Authorization = basic(credentials);
  }
  let response;
  try {
    // credentials "omit": the Authorization header above is ours, and a 401's WWW-Authenticate challenge
    // comes back to this script instead of opening the browser's own log-on prompt (Fetch standard,
    // HTTP-network-or-cache fetch: the prompt needs includeCredentials).
    response = await fetch(`/api${path}`, {
      method, headers, credentials: "omit", body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, t("admin.offline", error.message));
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    let answer = null;
    try {
      answer = await response.json();
      if (answer?.error) {
        message = answer.error;
      }
    } catch {
      // Not JSON: keep the status line.
    }
    throw new ApiError(response.status, message, answer);
  }
  return response.status === 204 ? null : response.json();
}

/** The path of a virtual server: /servers/{host}/smtp/{vs}. */
export function vsPath(host, vs) {
  return `/servers/${encodeURIComponent(host)}/smtp/${encodeURIComponent(vs)}`;
}

export function hostPath(host) {
  return `/servers/${encodeURIComponent(host)}`;
}

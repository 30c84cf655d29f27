// Small helpers shared by the page's modules: elements built with textContent only, and the JSON API.

export const $ = (id) => document.getElementById(id);

/** An element; props.text becomes its textContent, "class" its className, data-* attributes; never markup. */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") {
      node.className = value;
    } else if (key === "text") {
      node.textContent = value;
    } else if (key.startsWith("data-") || key.startsWith("aria-")) {
      node.setAttribute(key, value);
    } else {
      node[key] = value;
    }
  }
  node.append(...children);
  return node;
}

/** Calls /api{path}; a failed answer throws an Error with the server's message. */
export async function api(path, options = {}) {
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

export function formatTime(iso) {
  return iso ? iso.replace("T", " ").replace(/(\.\d{3})\d*/, "$1").replace(/\+00:00$|Z$/, " UTC") : "";
}

export function debounce(fn, ms) {
  let timer = 0;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

/**
 * Runs an async fn at most once at a time: a call while it runs asks for one more run after it.
 * Updates go out as soon as possible without piling up requests.
 */
export function coalesce(fn) {
  let running = null;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await fn();
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = null;
    }
  };
  return run;
}

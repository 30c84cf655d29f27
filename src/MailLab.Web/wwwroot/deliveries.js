// The deliveries list, newest first, virtualised: only the rows in view (and a few around them) are
// in the DOM, between two spacer rows, so 10,000 messages scroll as smoothly as 10. Live events
// update a message's status in place; a message not seen yet makes the list reload.
import { t } from "./i18n.js";
import { h } from "./dom.js";

const OVERSCAN = 8;
const DEFAULT_ROW_HEIGHT = 29;

/** The status a message has after a stage event (the server's rule in TraceEndpoints.ToListItem). */
export function nextStatus(status, kind) {
  if (kind === "Failed" || kind === "MovedToBadMail") {
    return "bounced";
  }
  if (status === "bounced") {
    return status;
  }
  switch (kind) {
    case "Queued":
      return "queued";
    case "Deferred":
      return "deferred";
    case "DeliveredToMailbox":
    case "DeliveredToDrop":
      return "delivered";
    default:
      return status;
  }
}

export class DeliveryList {
  /** scroller: the scrolling box; table: its table (thead + tbody); empty, count: the notes under it. */
  constructor(scroller, table, empty, count, onSelect) {
    this.count = count;
    this.scroller = scroller;
    this.body = table.tBodies[0];
    this.empty = empty;
    this.items = [];
    this.byId = new Map();
    this.selected = null;
    this.rowHeight = DEFAULT_ROW_HEIGHT;
    this.frame = 0;
    scroller.addEventListener("scroll", () => this.schedule(), { passive: true });
    const activate = (event) => {
      const row = event.target.closest("tr[data-id]");
      if (!row || (event.type === "keydown" && event.key !== "Enter" && event.key !== " ")) {
        return;
      }
      onSelect(row.dataset.id);
    };
    this.body.addEventListener("click", activate);
    this.body.addEventListener("keydown", activate);
  }

  /** Replaces the whole list (in arrival order, as GET /api/traces gives it). */
  setAll(items) {
    this.items = items;
    this.byId = new Map(items.map((item) => [item.id, item]));
    this.render();
  }

  /** Adds messages that arrived after the last one (GET /api/traces?after=…). */
  append(items) {
    for (const item of items) {
      if (!this.byId.has(item.id)) {
        this.items.push(item);
        this.byId.set(item.id, item);
      }
    }
    this.schedule();
  }

  has(id) {
    return this.byId.has(id);
  }

  /** The newest message's id, or null. */
  lastId() {
    return this.items.length > 0 ? this.items[this.items.length - 1].id : null;
  }

  /** Applies a live stage event to a known message; returns false when the message is unknown. */
  apply(event) {
    const item = this.byId.get(event.traceId);
    if (!item) {
      return false;
    }
    const status = nextStatus(item.status, event.kind);
    if (status !== item.status) {
      item.status = status;
      this.schedule();
    }
    return true;
  }

  select(id) {
    this.selected = id;
    this.render();
  }

  /** Renders on the next frame (several updates in one frame render once); resolves when drawn. */
  schedule() {
    if (!this.frame) {
      this.pending = new Promise((resolve) => {
        this.frame = requestAnimationFrame(() => {
          this.frame = 0;
          this.render();
          resolve();
        });
      });
    }
    return this.pending;
  }

  render() {
    const total = this.items.length;
    this.empty.hidden = total > 0;
    this.count.hidden = total === 0;
    this.count.textContent = t("messageCount", total);
    const viewport = this.scroller.clientHeight || 400;
    const first = Math.max(0, Math.floor(this.scroller.scrollTop / this.rowHeight) - OVERSCAN);
    const count = Math.ceil(viewport / this.rowHeight) + 2 * OVERSCAN;
    const last = Math.min(total, first + count);
    const rows = [spacer(first * this.rowHeight, "top")];
    for (let i = first; i < last; i++) {
      rows.push(this.row(this.items[total - 1 - i], i));
    }
    rows.push(spacer((total - last) * this.rowHeight, "bottom"));
    this.body.replaceChildren(...rows);
    this.body.parentElement.setAttribute("aria-rowcount", String(total + 1));
    const measured = rows[1]?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - this.rowHeight) > 0.5) {
      this.rowHeight = measured;
      this.schedule();
    }
  }

  row(trace, index) {
    const row = h("tr", { "data-id": trace.id, "data-status": trace.status, tabIndex: 0, "aria-rowindex": String(index + 2) },
      h("td", { class: "from", text: trace.from, title: trace.from }),
      h("td", { class: "to", text: trace.recipients.join(", "), title: trace.recipients.join(", ") }),
      h("td", { class: "subject", text: trace.subject, title: trace.subject }),
      h("td", {}, h("span", { class: `status ${trace.status}`, text: t(`status.${trace.status}`) })));
    if (trace.id === this.selected) {
      row.classList.add("selected");
      row.setAttribute("aria-selected", "true");
    }
    return row;
  }
}

function spacer(height, where) {
  const row = h("tr", { class: `spacer ${where}`, "aria-hidden": "true" }, h("td", { colSpan: 4 }));
  row.style.height = `${height}px`;
  return row;
}

// The deliveries list, newest first, virtualised: only the rows in view (and a few around them) are
// in the DOM, between two spacer rows, so 10,000 messages scroll as smoothly as 10. Live events
// update a message's status in place from the list entry the server sends with each delivery stage
// (the page never works a status out itself); a message not seen yet makes the list reload.
import { t } from "./i18n.js";
import { h } from "./dom.js";

const OVERSCAN = 8;
const DEFAULT_ROW_HEIGHT = 29;

/**
 * A message's status as the server derived it: the one-word status, and when its recipients differ,
 * their counts (statusCounts, in the server's order) as "delivered 2/3, bounced 1" in the page's language.
 */
export function statusView(trace) {
  const word = h("span", { class: `status ${trace.status}`, text: t(`status.${trace.status}`) });
  const counts = trace.statusCounts ?? [];
  if (counts.length < 2) {
    return [word];
  }
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const text = counts.map((c, i) => `${t(`status.${c.status}`)} ${i === 0 ? `${c.count}/${total}` : c.count}`).join(", ");
  return [word, h("span", { class: "status-summary", text: ` ${text}` })];
}

/** A delivery status notification's badge ("delay notice", "NDR"), or nothing for ordinary mail. */
export function kindBadge(trace) {
  return trace.kind && trace.kind !== "message" ? [h("span", { class: `kind ${trace.kind}`, text: t(`kind.${trace.kind}`) }), " "] : [];
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

  /** Applies a live stage event to a known message (its list entry, when it carries one); returns false when the message is unknown. */
  apply(event) {
    const item = this.byId.get(event.traceId);
    if (!item) {
      return false;
    }
    if (event.message) {
      const changed = event.message.status !== item.status || event.message.statusSummary !== item.statusSummary;
      Object.assign(item, event.message);
      if (changed) {
        this.schedule();
      }
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
    const row = h("tr", { "data-id": trace.id, "data-status": trace.status, "data-kind": trace.kind ?? "message", tabIndex: 0, "aria-rowindex": String(index + 2) },
      h("td", { class: "from", text: trace.from || "<>", title: trace.from || "<>" }),
      h("td", { class: "to", text: trace.recipients.join(", "), title: trace.recipients.join(", ") }),
      h("td", { class: "subject", title: trace.subject }, ...kindBadge(trace), trace.subject),
      h("td", { class: "status-cell", title: trace.statusSummary ?? "" }, ...statusView(trace)));
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

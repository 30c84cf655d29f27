// A small Markdown reader for the labs' instructions (a Russian and an English file per lab): headings,
// paragraphs, numbered and bulleted lists, pipe tables, `code`, **bold** and *italic*. It builds
// elements with textContent only, so a lab's text can never inject markup into the page.
import { h } from "./dom.js";

/** The Markdown text as a list of block elements. */
export function renderMarkdown(text) {
  const blocks = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push(h(`h${heading[1].length + 2}`, {}, ...inline(heading[2])));
      i++;
      continue;
    }
    if (/^\s*\|/.test(line)) {
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) {
        rows.push(lines[i].trim().replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim()));
        i++;
      }
      const body = rows.filter((row, index) => !(index === 1 && row.every((cell) => /^:?-+:?$/.test(cell))));
      const [head, ...rest] = body;
      blocks.push(h("table", { class: "md-table" },
        h("thead", {}, h("tr", {}, ...head.map((cell) => h("th", {}, ...inline(cell))))),
        h("tbody", {}, ...rest.map((row) => h("tr", {}, ...row.map((cell) => h("td", {}, ...inline(cell))))))));
      continue;
    }
    const item = /^(\s*)(\d+\.|[-*])\s+(.*)$/.exec(line);
    if (item) {
      const ordered = /\d/.test(item[2]);
      const list = h(ordered ? "ol" : "ul");
      while (i < lines.length) {
        const next = /^(\s*)(\d+\.|[-*])\s+(.*)$/.exec(lines[i]);
        if (next) {
          list.append(h("li", {}, ...inline(next[3])));
        } else if (/^\s+\S/.test(lines[i]) && list.lastChild) {
          list.lastChild.append(" ", ...inline(lines[i].trim()));
        } else {
          break;
        }
        i++;
      }
      blocks.push(list);
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() && !/^(#{1,4}\s|\s*\||\s*(\d+\.|[-*])\s)/.test(lines[i])) {
      paragraph.push(lines[i].trim());
      i++;
    }
    blocks.push(h("p", {}, ...inline(paragraph.join(" "))));
  }
  return blocks;
}

/** `code`, **bold** and *italic* within a line, as nodes. */
function inline(text) {
  const nodes = [];
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\*([^*]+)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) {
      nodes.push(text.slice(last, match.index));
    }
    nodes.push(match[1] !== undefined ? h("code", { text: match[1] }) : match[2] !== undefined ? h("strong", { text: match[2] }) : h("em", { text: match[3] }));
    last = match.index + match[0].length;
  }
  if (last < text.length) {
    nodes.push(text.slice(last));
  }
  return nodes;
}

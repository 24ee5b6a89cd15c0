/**
 * The change view as HTML: nested lists of native <details> (keyboard and screen readers know
 * them without scripting), filter controls the page script enables, and every operation said
 * in words and symbols as well as colours.
 */
import { MARK_TEXT, MARKS, type ChangeResourceView, type ChangeView, type Mark, type PropertyChangeView } from "./model";
import { attrs, esc } from "./markup";

const OP_WORD: Readonly<Record<Mark, string>> = { replace: "replace", delete: "delete", create: "create", update: "update" };

function opTag(op: Mark): string {
  return `<span${attrs({ class: `op op-${op}` })}><span aria-hidden="true">${esc(MARK_TEXT[op].symbol)}</span> ${OP_WORD[op]}</span>`;
}

function property(c: PropertyChangeView): string {
  const value = (v: string | undefined, cls: string, label: string) => (v === undefined ? "" : `<span class="${cls}"><span class="visually-hidden">${label} </span><code>${esc(v)}</code></span>`);
  const arrow = c.old !== undefined && c.new !== undefined ? `<span aria-hidden="true"> → </span>` : "";
  const verb = c.kind === "add" ? "added" : c.kind === "delete" ? "removed" : "changed";
  return (
    `<li${attrs({ class: `prop prop-${c.kind}` })}><code class="path">${esc(c.path)}</code> <span class="kind">${verb}</span> ` +
    value(c.old, "old", "from") +
    arrow +
    value(c.new, "new", "to") +
    (c.replaces ? ` <strong class="forces">forces replacement</strong>` : "") +
    c.notes.map((n) => ` <span class="note">${esc(n)}</span>`).join("") +
    `</li>`
  );
}

function resource(r: ChangeResourceView): string {
  const reasons = r.replaceReasons.length ? ` <span class="why">replaced because of ${esc(r.replaceReasons.join(", "))}</span>` : "";
  const links =
    (r.mapId ? ` <a${attrs({ href: `#${r.mapId}`, class: "to-map" })}>on the map</a>` : "") +
    (r.findings && r.mapId ? ` <a${attrs({ href: `#${r.mapId}-findings`, class: "to-findings" })}>⚠ ${r.findings} finding${r.findings === 1 ? "" : "s"}</a>` : "");
  const summary = `${opTag(r.op)} <code class="type">${esc(r.type)}</code> <strong>${esc(r.name)}</strong>${reasons}`;
  const body = r.changes.length ? `<ul class="props">${r.changes.map(property).join("")}</ul>` : "";
  return (
    `<li${attrs({ id: r.id, class: `res op-${r.op}`, "data-op": r.op, "data-type": r.type })}>` +
    (body ? `<details><summary>${summary}</summary>${links ? `<p class="links">${links}</p>` : ""}${body}</details>` : `<div class="leaf">${summary}${links}</div>`) +
    `</li>`
  );
}

export function changeHtml(c: ChangeView, envId: string): string {
  const counts = MARKS.filter((m) => c.counts[m] > 0);
  const total = c.groups.reduce((n, g) => n + g.resources.length, 0);
  const head = `<p class="counts">${MARKS.map((m) => `${opTag(m)} ${c.counts[m]}`).join(" · ")} · ${c.counts.same} unchanged</p>`;
  if (total === 0) return `${head}<p>No resource changes.</p>`;
  const filters =
    `<form class="filters" data-filters hidden aria-label="Filter the changes">` +
    `<fieldset><legend>Operation</legend>${counts.map((m) => `<label><input${attrs({ type: "checkbox", name: "op", value: m, checked: "checked" })}> ${opTag(m)} (${c.counts[m]})</label>`).join(" ")}</fieldset>` +
    `<label class="type-filter">Type <select name="type"><option value="">all types</option>${c.types.map((t) => `<option${attrs({ value: t })}>${esc(t)}</option>`).join("")}</select></label>` +
    ` <button type="button" data-expand>Expand all</button> <button type="button" data-collapse>Collapse all</button>` +
    ` <output${attrs({ "aria-live": "polite", "data-shown": "", id: `${envId}-shown` })}>${total} of ${total} changed resources shown</output>` +
    `</form>`;
  const groups = c.groups
    .map((g) => {
      const ops = MARKS.map((m) => [m, g.resources.filter((r) => r.op === m).length] as const).filter(([, n]) => n > 0);
      const summary = `<strong>${esc(g.name)}</strong> <code class="type">${esc(g.type)}</code> <span class="group-counts">${ops.map(([m, n]) => `${esc(MARK_TEXT[m].symbol)}${n} ${OP_WORD[m]}`).join(", ")}</span>`;
      return `<li${attrs({ id: g.id, class: "group", "data-group": "" })}><details open><summary>${summary}</summary><ul class="resources">${g.resources.map(resource).join("")}</ul></details></li>`;
    })
    .join("");
  return `${head}${filters}<ul class="tree" data-tree>${groups}</ul>`;
}

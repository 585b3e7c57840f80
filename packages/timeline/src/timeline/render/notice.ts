/**
 * The notice listing problems in the data: what is not shown and why, dismissible. Identical
 * problems in different events (the same `detail`) are one line: "99 events: start has no time
 * zone… (a, b, c, …)". The count of items not shown counts items, not problems.
 *
 * @module
 */
import type { Problem } from '@reeltime/core';
import { html, nothing } from 'lit';
import type { Messages } from '../../i18n/messages.js';

export { NOTICE_WORDS as words } from '../../i18n/part-words.js';
export { noticeStyles as styles } from './notice.styles.js';

/** Lines the notice shows before "…and N more". */
const SHOWN = 5;
/** Ids named in a grouped line. */
const IDS = 3;

/** One line of the notice: a problem, or a group of the same problem in several events. */
interface Line {
  problem: Problem;
  ids: string[];
  count: number;
}

/** Groups problems with the same severity, field and detail, in order of first appearance. */
export function groupProblems(problems: readonly Problem[]): Line[] {
  const lines: Line[] = [];
  const groups = new Map<string, Line>();
  for (const problem of problems) {
    const key =
      problem.detail === undefined ? undefined : `${problem.severity}|${problem.field ?? ''}|${problem.detail}`;
    const line = key === undefined ? undefined : groups.get(key);
    const id = problem.eventId ?? (problem.index === undefined ? undefined : `#${problem.index}`);
    if (line) {
      line.count++;
      if (id !== undefined && line.ids.length < IDS) line.ids.push(id);
      continue;
    }
    const created: Line = { problem, ids: id === undefined ? [] : [id], count: 1 };
    lines.push(created);
    if (key !== undefined) groups.set(key, created);
  }
  return lines;
}

/** How many items errors keep from the page: one per event (or other item), however many errors it has. */
export function itemsNotShown(problems: readonly Problem[]): number {
  const events = new Set<number>();
  let others = 0;
  for (const problem of problems) {
    if (problem.severity !== 'error') continue;
    if (problem.index !== undefined) events.add(problem.index);
    else others++;
  }
  return events.size + others;
}

function lineText(line: Line, msg: Messages): string {
  if (line.count === 1) return line.problem.message;
  const ids = line.ids.join(', ') + (line.count > line.ids.length ? ', …' : '');
  return `${msg.count('events', line.count)}: ${line.problem.detail} (${ids})`;
}

export function renderNotice(problems: readonly Problem[], dismissed: boolean, onDismiss: () => void, msg: Messages) {
  if (!problems.length || dismissed) return nothing;
  const notShown = itemsNotShown(problems);
  const summary = `${msg.count('problems', problems.length)}; ${notShown ? msg.count('notShown', notShown) : msg.text('allShown')}`;
  const lines = groupProblems(problems);
  const shown = lines.slice(0, SHOWN);
  const rest = lines.slice(SHOWN).reduce((sum, line) => sum + line.count, 0);
  return html`<div class="notice" part="notice" role="status">
    <div>
      <strong>${summary}</strong>
      <ul>
        ${shown.map((line) => html`<li>${lineText(line, msg)}</li>`)}
        ${rest ? html`<li>${msg.text('moreProblems', { count: msg.number(rest) })}</li>` : nothing}
      </ul>
    </div>
    <button type="button" @click=${onDismiss}>${msg.text('dismiss')}</button>
  </div>`;
}

/**
 * The timeline's keyboard map, as a function of the key to an action on the view state. Arrow keys
 * move focus through every event in time order (zooming in to reveal one that is dense), Home/End
 * go to the first and last, Enter/Space toggle the selection, Escape clears it, `+`/`-` zoom
 * around the focused event and `0` shows everything.
 *
 * @module
 */

/** What the key handler can do to its timeline. */
export interface KeyboardTarget {
  /** Number of events, and the display position of the focused one (-1 for none). */
  readonly size: number;
  readonly focusedPosition: number;
  /** Time flows right to left: ←/→ follow what is seen (← goes later in time). */
  readonly rtl?: boolean;
  focusPosition(position: number): void;
  toggleFocused(): void;
  clearSelection(): boolean;
  zoomBy(factor: number): void;
  resetZoom(): void;
}

/** Handles a keydown; returns whether the key was used (the caller then prevents its default). */
export function handleTimelineKey(key: string, target: KeyboardTarget): boolean {
  const { size, focusedPosition: current } = target;
  if (target.rtl && (key === 'ArrowLeft' || key === 'ArrowRight'))
    key = key === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
  switch (key) {
    case 'ArrowRight':
      if (size) target.focusPosition(Math.min(size - 1, current + 1));
      return true;
    case 'ArrowLeft':
      if (size) target.focusPosition(Math.max(0, current - 1));
      return true;
    case 'Home':
      if (size) target.focusPosition(0);
      return true;
    case 'End':
      if (size) target.focusPosition(size - 1);
      return true;
    case 'Enter':
    case ' ':
      target.toggleFocused();
      return true;
    case 'Escape':
      return target.clearSelection();
    case '+':
    case '=':
      target.zoomBy(2);
      return true;
    case '-':
    case '_':
      target.zoomBy(1 / 2);
      return true;
    case '0':
      target.resetZoom();
      return true;
    default:
      return false;
  }
}

/**
 * Printing a timeline (issue 14): a print stylesheet (black on white, no controls, overview or
 * hints, labels not clipped) and a controller that shows the whole range and every lane (a tall
 * timeline draws only the lanes near the window) while the page is printed, then puts the
 * reader's view back.
 *
 * Its own chunk, but loaded right after the element's first update rather than on demand: the
 * browser lays the page out for print straight after `beforeprint`, too soon for a chunk to
 * arrive, so the styles must already be adopted when the reader presses Ctrl+P.
 *
 * @module
 */
import { css, type ReactiveController } from 'lit';
import { viewportOf } from '../controllers/viewport-controller.js';
import type { ReelTimeline } from './timeline.js';
import type { VisibleRange } from './view-state.js';

/** Adopted by the host's shadow root on arrival: only `@media print`, so the screen never sees it. */
export const styles = css`
  @media print {
    :host {
      /* Black on white whatever the theme: ink on paper. Lane hues stay (they tell lanes apart). */
      color-scheme: light;
      --_text: #000;
      --_muted: #000;
      --_background: #fff;
      --_surface: #fff;
      --_border: #000;
      --_grid: #bbb;
      --_era: #f2f2f2;
      --_era-text: #000;
      --_warning: #fff;
      color: #000;
      background: #fff;
      border-color: #000;
      break-inside: avoid;
      print-color-adjust: exact;
    }

    /* Controls do nothing on paper. */
    .explore,
    .zoom,
    header button,
    .notice button,
    [part~='details'] > header button,
    [part~='overview'],
    [part~='export'],
    [part~='tooltip'],
    [part~='wheel-hint'],
    [part~='progress'],
    .focus-ring {
      display: none !important;
    }

    /* A label running past the plot's edge is printed whole, not cut. */
    .plot,
    .body,
    .body svg {
      overflow: visible !important;
    }

    .axis {
      position: static;
    }

    .title {
      overflow: visible;
      white-space: normal;
    }
  }
`;

/** Shows the whole range while printing (or while print media is emulated), then the view as it was. */
class PrintController implements ReactiveController {
  readonly #host: ReelTimeline;
  readonly #media = matchMedia('print');
  #saved: VisibleRange | undefined;

  constructor(host: ReelTimeline) {
    this.#host = host;
  }

  hostConnected(): void {
    addEventListener('beforeprint', this.#enter);
    addEventListener('afterprint', this.#leave);
    this.#media.addEventListener('change', this.#change);
  }

  hostDisconnected(): void {
    removeEventListener('beforeprint', this.#enter);
    removeEventListener('afterprint', this.#leave);
    this.#media.removeEventListener('change', this.#change);
  }

  readonly #change = (): void => (this.#media.matches ? this.#enter() : this.#leave());

  readonly #enter = (): void => {
    if (this.#saved) return;
    this.#saved = this.#host.visibleRange;
    // Paper has no scrolling: every lane, not only those near the window.
    viewportOf(this.#host)?.whole(true);
    this.#host.resetZoom();
  };

  readonly #leave = (): void => {
    const saved = this.#saved;
    this.#saved = undefined;
    if (!saved) return;
    viewportOf(this.#host)?.whole(false);
    this.#host.visibleRange = saved;
  };
}

/** Adopts the print styles into the host's shadow root and follows printing. */
export function watchPrint(host: ReelTimeline): void {
  const root = host.shadowRoot;
  const sheet = styles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet))
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  host.addController(new PrintController(host));
}

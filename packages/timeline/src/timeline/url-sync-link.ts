/**
 * Wires the URL sync (`sync-url`) to the element: loads its module the first time the attribute is
 * set (its own chunk), adds the controller then, and removes it when the attribute goes.
 *
 * @module
 */
import type { ReactiveController } from 'lit';
import type { ReelTimeline } from './timeline.js';

export class UrlSyncLink {
  readonly #host: ReelTimeline;
  /** Whether the view can be written to the URL (data loaded and drawn). */
  readonly #ready: () => boolean;
  /** The URL sync, once `sync-url` was set and its module loaded. */
  #urlSync: ReactiveController | undefined;
  #urlSyncLoading = false;

  constructor(host: ReelTimeline, ready: () => boolean) {
    this.#host = host;
    this.#ready = ready;
  }

  /** Loads the URL sync the first time `sync-url` is set (its own chunk), and adds or removes it. */
  connect(): void {
    if (this.#urlSync) {
      if (!this.#host.syncUrl) {
        this.#host.removeController(this.#urlSync);
        this.#urlSync = undefined;
      }
      return;
    }
    if (!this.#host.syncUrl || this.#urlSyncLoading) return;
    this.#urlSyncLoading = true;
    void import('./url-sync.js').then(({ UrlSync }) => {
      this.#urlSyncLoading = false;
      if (!this.#host.syncUrl || this.#urlSync) return;
      this.#urlSync = new UrlSync(this.#host, this.#ready);
      this.#host.requestUpdate();
    });
  }
}

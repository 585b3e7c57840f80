/**
 * `reel-export`, fired by `<reel-timeline>`'s export toolbar (the `export` attribute). Its own
 * module, so that it loads with the toolbar's chunk and not with the element's entry.
 *
 * @module
 */

/** The files the export toolbar offers. */
export const EXPORT_FORMATS = ['svg', 'png', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Detail of {@link ReelExportEvent}. */
export interface ReelExportDetail {
  /** The format the reader chose. */
  readonly format: ExportFormat;
  /** The file, with its MIME type (`image/svg+xml`, `image/png`, `text/csv;charset=utf-8`, `application/json`). */
  readonly blob: Blob;
  /** The file name the download would take, made from the dataset's title (`Dead Reckoning.csv`). */
  readonly filename: string;
}

/**
 * Fired when the reader picks a file in the export toolbar, once the file is made and before it
 * is downloaded. Cancelable: `preventDefault()` stops the download, so that a page can handle the
 * file itself (upload it, show it, name it otherwise).
 */
export class ReelExportEvent extends CustomEvent<ReelExportDetail> {
  static readonly eventName = 'reel-export';
  constructor(detail: ReelExportDetail) {
    super(ReelExportEvent.eventName, { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reel-export': ReelExportEvent;
  }
}

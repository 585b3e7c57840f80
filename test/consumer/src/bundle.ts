// The single-file bundle is a typed subpath too.
import { ReelTimeline, type ReelSelectEvent } from '@reeltime/timeline/bundle';
import { parseDataset } from '@reeltime/core';
import schema from '@reeltime/core/dataset.schema.json' with { type: 'json' };

export const isTimeline = (node: unknown): node is ReelTimeline => node instanceof ReelTimeline;
export const selectedTitle = (e: ReelSelectEvent): string | undefined => e.detail.event?.title;
export const parsed = parseDataset({ events: [] });
export const schemaTitle: unknown = schema;

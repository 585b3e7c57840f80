/**
 * The model back out as a reeltime dataset file. Dates are written as the text they were read
 * from (`TimePoint.input`), so their precision and flags survive: `toReeltime(parse(x))` parsed
 * again gives the same events, lanes and eras.
 *
 * @module
 */
import { DEFAULT_LANE } from '../model/plain.js';
import type {
  Dataset,
  DatasetInput,
  EraInput,
  EventStatus,
  LaneInput,
  Source,
  SourceInput,
  TimelineEvent,
  TimelineEventInput,
} from '../model/types.js';
import type { TimePoint } from '../model/date.js';

function sourceInput(source: Source): SourceInput {
  return {
    title: source.title,
    ...(source.publisher === undefined ? {} : { publisher: source.publisher }),
    ...(source.published === undefined ? {} : { published: source.published.input }),
    ...(source.file === undefined ? {} : { file: source.file }),
    ...(source.url === undefined ? {} : { url: source.url }),
    ...(source.quote === undefined ? {} : { quote: source.quote }),
  };
}

/** The status the parser would give an event that does not say. */
function defaultStatus(start: TimePoint): EventStatus {
  return start.uncertain ? 'uncertain' : start.approximate ? 'approximate' : 'confirmed';
}

/** One event as a dataset file writes it; defaults are left out. */
export function eventInput(event: TimelineEvent): TimelineEventInput {
  return {
    id: event.id,
    title: event.title,
    start: event.start.input,
    ...(event.end === undefined ? {} : { end: event.end.input }),
    ...(event.description === undefined ? {} : { description: event.description }),
    ...(event.lane === DEFAULT_LANE ? {} : { lane: event.lane }),
    ...(event.tags.length ? { tags: [...event.tags] } : {}),
    ...(event.locations.length ? { locations: [...event.locations] } : {}),
    ...(event.people.length ? { people: [...event.people] } : {}),
    ...(event.status === defaultStatus(event.start) ? {} : { status: event.status }),
    ...(event.sources.length ? { sources: event.sources.map(sourceInput) } : {}),
    ...(event.url === undefined ? {} : { url: event.url }),
    ...(event.displayDate === undefined ? {} : { displayDate: event.displayDate }),
    ...(event.media === undefined ? {} : { media: { ...event.media } }),
    ...(event.descriptionHtml === undefined ? {} : { descriptionHtml: event.descriptionHtml }),
  };
}

/**
 * The lanes a file must declare to get the same lanes back: those up to the last one whose label
 * or description says more than its id (the parser makes the others, in order of first use).
 */
function laneInputs(dataset: Dataset): LaneInput[] {
  const lanes = dataset.lanes;
  let last = -1;
  lanes.forEach((lane, i) => {
    if (lane.id !== DEFAULT_LANE && (lane.label !== lane.id || lane.description !== undefined)) last = i;
  });
  return lanes
    .slice(0, last + 1)
    .filter((lane) => lane.id !== DEFAULT_LANE)
    .map((lane) => ({
      id: lane.id,
      label: lane.label || lane.id,
      ...(lane.description === undefined ? {} : { description: lane.description }),
    }));
}

/**
 * A parsed dataset as a reeltime dataset file (plain JSON data; `JSON.stringify` it to save).
 * Every field of every event, lane and era is kept, and dates keep their precision.
 */
export function toReeltime(dataset: Dataset): DatasetInput {
  const lanes = laneInputs(dataset);
  const eras: EraInput[] = dataset.eras.map((era) => ({
    id: era.id,
    title: era.title,
    start: era.start.input,
    end: era.end.input,
    ...(era.description === undefined ? {} : { description: era.description }),
    ...(era.sources.length ? { sources: era.sources.map(sourceInput) } : {}),
  }));
  return {
    ...(dataset.title === undefined ? {} : { title: dataset.title }),
    ...(dataset.description === undefined ? {} : { description: dataset.description }),
    ...(lanes.length ? { lanes } : {}),
    ...(eras.length ? { eras } : {}),
    events: dataset.events.map(eventInput),
  };
}

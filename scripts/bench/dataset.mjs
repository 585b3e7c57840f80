/**
 * The dataset-file workload: a reeltime dataset JSON (the format of `data/src/dead-reckoning.json`
 * and of what the reeltime page builds: title, lanes, events with `YYYY-MM-DD` dates) of about a
 * given size, for `<reel-timeline src="…">`. Dates, ranges and lanes come from the same generator
 * as the other workloads (`workload.mjs`); titles, descriptions, tags and sources are text of
 * varied length from a second seeded PRNG stream, so the file is as heavy to parse as a real one
 * rather than a repetition of `Event <i>`.
 *
 * Node only (it writes the file); the page only fetches it.
 */
import { writeFileSync } from 'node:fs';
import { dayToIso, eventId, generateWorkload, mulberry32 } from './workload.mjs';

/** Events per MB of file: 115,000 events make a file of about 50 MB. */
export const EVENTS_PER_MB = 2300;

/** Parses a `--sizes` entry such as `50MB` into megabytes, or returns undefined for a plain count. */
export function parseMegabytes(text) {
  const match = /^(\d+(?:\.\d+)?)\s*MB$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

const SUBJECTS = [
  'The harbour authority',
  'A coalition of fishing cooperatives',
  'The regional court',
  'Inspectors',
  'The ministry of transport',
  'A consortium led by two shipyards',
  'Local residents',
  'The port of Rotterdam',
  'Researchers at the marine institute',
  'The coast guard',
  'A freight operator',
  'The city council',
  'Union representatives',
  'The European Commission',
  'An independent auditor',
  'The national weather service',
  'Insurers',
  'The pilots’ association',
  'A delegation from the northern provinces',
  'The environmental agency',
];
const VERBS = [
  'announces',
  'suspends',
  'approves',
  'publishes',
  'rejects',
  'extends',
  'opens',
  'closes',
  'reviews',
  'postpones',
  'signs',
  'completes',
  'launches',
  'investigates',
  'confirms',
  'revises',
  'challenges',
  'funds',
];
const OBJECTS = [
  'the dredging contract',
  'a new tidal barrier',
  'the second container terminal',
  'emergency repairs',
  'the night-time shipping ban',
  'a survey of the estuary',
  'the ferry timetable',
  'the pension agreement',
  'its annual report',
  'the salvage operation',
  'a ban on bottom trawling',
  'the lighthouse restoration',
  'the icebreaker fleet plan',
  'a study of sediment flows',
  'the fuel subsidy',
  'the cross-border rail link',
  'the evacuation plan for the islands',
  'new rules for cargo inspections',
  'the wind farm tender',
];
const PLACES = [
  'Antwerp',
  'the Wadden Sea',
  'Gdańsk',
  'the lower Elbe',
  'Bergen',
  'the Øresund',
  'Le Havre',
  'Kiel',
  'the Scheldt estuary',
  'Tallinn',
  'the Frisian islands',
  'Aberdeen',
  'Bilbao',
  'the Bay of Biscay',
  'Riga',
];
const WORDS = (
  'after weeks of negotiation the agreement covers maintenance of the outer channel and a review of ' +
  'safety procedures for vessels above twenty thousand tonnes while critics argue that the costs were ' +
  'underestimated and that the timetable leaves little room for the environmental assessment required ' +
  'under national law officials said the first phase would begin in spring with a budget of several ' +
  'million euros and that further work depends on the results of the monitoring programme residents ' +
  'raised concerns about noise traffic and the loss of access to the beach during construction the ' +
  'report notes that similar projects elsewhere ran over budget by a third on average and recommends ' +
  'quarterly public updates the operator expects volumes to recover by the end of the year although ' +
  'analysts remain cautious given fuel prices and the shortage of qualified crews in the region'
).split(' ');
const BRIEF_NOUNS = ['talks', 'works', 'vote', 'ruling', 'strike', 'inquiry'];
const BRIEF_OUTCOMES = ['postponed', 'approved', 'suspended', 'resumes', 'ends', 'announced'];
const TAGS = ['ports', 'shipping', 'labour', 'environment', 'courts', 'funding', 'safety', 'weather', 'energy'];
const PUBLISHERS = ['Harbour Gazette', 'Maritime Daily', 'Coastal Review', 'The Northern Courier', 'Port Bulletin'];

/**
 * Builds the dataset text (JSON, one event per line so it stays readable) for `n` events.
 * @param {{ n: number, seed: number, rangeShare: number }} params
 */
export function datasetText({ n, seed, rangeShare }) {
  const workload = generateWorkload({ n, seed, rangeShare });
  // A separate stream for the text, so the dates equal those of the count workloads with this seed.
  const random = mulberry32(seed ^ 0x5eed5eed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (min, max) => min + Math.floor(random() * (max - min + 1));
  const capital = (text) => `${text[0].toUpperCase()}${text.slice(1)}`;
  const sentence = () => {
    const words = Array.from({ length: between(6, 20) }, () => pick(WORDS));
    return `${capital(words.join(' '))}.`;
  };
  const title = () => {
    // From three words ("Kiel: vote postponed") to a long headline with a place and a clause.
    const base = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`;
    const roll = random();
    if (roll < 0.2) return capital(`${pick(PLACES)}: ${pick(BRIEF_NOUNS)} ${pick(BRIEF_OUTCOMES)}`);
    if (roll < 0.6) return `${base} in ${pick(PLACES)}`;
    if (roll < 0.85) return base;
    return `${base} in ${pick(PLACES)} after ${between(2, 30)} months of ${pick(['talks', 'delays', 'protests', 'studies'])}`;
  };
  const lanes = workload.lanes.map((lane) => ({
    ...lane,
    description: `Events of ${lane.label.toLowerCase()}: ${sentence()}`,
  }));
  const lines = [];
  for (let i = 0; i < n; i++) {
    const event = { id: eventId(i), title: title(), start: dayToIso(workload.start[i]) };
    if (workload.end[i] >= 0) event.end = dayToIso(workload.end[i]);
    event.lane = lanes[workload.lane[i]].id;
    // Mostly a paragraph, sometimes one line, sometimes a long account.
    const roll = random();
    const sentences = roll < 0.3 ? 1 : roll < 0.9 ? between(2, 3) : between(4, 8);
    event.description = Array.from({ length: sentences }, sentence).join(' ');
    const tagCount = between(0, 3);
    if (tagCount) event.tags = [...new Set(Array.from({ length: tagCount }, () => pick(TAGS)))];
    if (random() < 0.5) {
      const publisher = pick(PUBLISHERS);
      event.sources = [
        {
          title: `${pick(PLACES)}: ${pick(OBJECTS)}`,
          publisher,
          url: `https://news.example.org/${between(1e5, 1e6 - 1)}`,
        },
      ];
    }
    lines.push(JSON.stringify(event));
  }
  return (
    `{"title":"Benchmark dataset (${n} events)","lanes":${JSON.stringify(lanes)},"events":[\n` +
    `${lines.join(',\n')}\n]}\n`
  );
}

/**
 * Writes the dataset of about `megabytes` MB to `path`; returns its event count and size in bytes.
 * @param {{ megabytes: number, seed: number, rangeShare: number, path: string }} params
 */
export function writeDataset({ megabytes, seed, rangeShare, path }) {
  const n = Math.round(megabytes * EVENTS_PER_MB);
  const text = datasetText({ n, seed, rangeShare });
  writeFileSync(path, text);
  return { n, bytes: Buffer.byteLength(text) };
}

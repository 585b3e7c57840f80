/**
 * A deterministic synthetic dataset for stories and benchmarks: `count` events over several
 * decades in a few lanes, a mix of points at every precision and of ranges.
 */
import type { DatasetInput, TimelineEventInput } from '@reeltime/core';

/** Park–Miller PRNG: the same seed always gives the same dataset. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Builds the dataset. */
export function syntheticDataset(count: number, seed = 42): DatasetInput {
  const next = random(seed);
  const lanes = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((id) => ({ id, label: `Lane ${id}` }));
  const events: TimelineEventInput[] = [];
  for (let i = 0; i < count; i++) {
    const year = 1990 + Math.floor(next() * 35);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const kind = next();
    const start = kind < 0.6 ? `${year}-${pad(month)}-${pad(day)}` : kind < 0.8 ? `${year}-${pad(month)}` : `${year}`;
    const event: TimelineEventInput = {
      id: `event-${i + 1}`,
      title: `Event ${i + 1}`,
      start,
      lane: lanes[Math.floor(next() * lanes.length)]!.id,
    };
    if (next() < 0.15) event.end = `${Math.min(2025, year + 1 + Math.floor(next() * 3))}`;
    events.push(event);
  }
  return { title: `${count.toLocaleString('en-US')} synthetic events`, lanes, events };
}

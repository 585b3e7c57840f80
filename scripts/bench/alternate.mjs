/**
 * Built bench pages measured side by side: each folder (holding `reeltime/index.html`) served on its
 * own port, `run(url)` called for each folder in turn, rep by rep, so that every build is measured
 * under the same load; prints each run with the load average and, at the end, the median of each
 * numeric field per folder. Used by trace-render.mjs and idle-overrun.mjs.
 */
import { createServer } from 'node:http';
import os from 'node:os';
import sirv from 'sirv';

/**
 * @param {string[]} folders
 * @param {{ reps: number, run: (url: string) => Promise<Record<string, unknown>>, line: (r: Record<string, number>) => string }} how
 */
export async function alternate(folders, { reps, run, line }) {
  const servers = [];
  const urls = [];
  for (const folder of folders) {
    const server = createServer(sirv(folder, { dev: true }));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${server.address().port}/reeltime/index.html`);
  }
  const results = folders.map(() => []);
  try {
    for (let rep = 0; rep < reps; rep++)
      for (let i = 0; i < folders.length; i++) {
        const r = await run(urls[i]);
        results[i].push(r);
        console.log(`${folders[i]}: ${line(r)}, load ${os.loadavg()[0].toFixed(1)}`);
      }
  } finally {
    for (const server of servers) server.close();
  }
  console.log('medians:');
  for (let i = 0; i < folders.length; i++) {
    const keys = Object.keys(results[i][0]).filter((key) => typeof results[i][0][key] === 'number');
    const median = Object.fromEntries(keys.map((key) => [key, med(results[i].map((r) => r[key]))]));
    console.log(`${folders[i]}: ${line(median)} (${results[i].length} runs)`);
  }
  return results;
}

/** The median of a list of numbers. */
export function med(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The memory of this process and the processes it started (Chromium's), sampled: the resident set summed over the
// tree (an upper bound: pages shared between Chromium's processes count once per process) and the proportional set
// (each shared page divided between the processes that share it, from /proc/PID/smaps_rollup), in MB. Linux only;
// elsewhere only this process's own resident set is known.
import { readdirSync, readFileSync } from 'node:fs';

function field(text: string, name: string): number {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text);
  return match ? Number(match[1]) : 0;
}

/** This process and every process below it, by walking /proc for parent ids. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree = [root];
  for (let index = 0; index < tree.length; index += 1) tree.push(...(children.get(tree[index]!) ?? []));
  return tree;
}

export type MemorySample = { rssMb: number; pssMb: number };

export function sampleMemory(): MemorySample {
  let rssKb = 0;
  let pssKb = 0;
  try {
    for (const pid of processTree(process.pid)) {
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        rssKb += field(rollup, 'Rss');
        pssKb += field(rollup, 'Pss');
      } catch {
        // Gone, or not ours to read.
      }
    }
  } catch {
    rssKb = pssKb = process.memoryUsage().rss / 1024;
  }
  return { rssMb: rssKb / 1024, pssMb: pssKb / 1024 };
}

/** Samples every `everyMs` until stopped; the peaks of each measure. */
export function watchMemory(everyMs = 100): { stop(): MemorySample } {
  const peak: MemorySample = { rssMb: 0, pssMb: 0 };
  const take = () => {
    const sample = sampleMemory();
    peak.rssMb = Math.max(peak.rssMb, sample.rssMb);
    peak.pssMb = Math.max(peak.pssMb, sample.pssMb);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}

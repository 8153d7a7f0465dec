import { readdirSync, readFileSync } from 'node:fs';

/** Linux /proc: a process and all its descendants, with resident memory, so wrappers (npm, tsx) are counted too. */
export interface ProcessRss {
  pid: number;
  command: string;
  rssMb: number;
}

function parentOf(pid: number): number | undefined {
  try {
    // Field 4 of /proc/<pid>/stat, after the parenthesised command name (which may itself contain spaces).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function rssOf(pid: number): ProcessRss | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).slice(0, 3).join(' ');
    return { pid, command, rssMb: kb / 1024 };
  } catch {
    return undefined;
  }
}

export function processTree(root: number): ProcessRss[] {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: ProcessRss[] = [];
  const visit = (pid: number) => {
    const rss = rssOf(pid);
    if (rss) out.push(rss);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return out;
}

import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

export interface CellResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Answers other than 2xx, and connection errors or time-outs. */
  failures: number;
  /** CPU the server process spent per answered request, in ms (user + system). */
  cpuMsPerTurn?: number;
}

/** CPU time of a process in ms, from /proc (Linux clock ticks are 10 ms). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

export interface Cell {
  url: string;
  connections: number;
  /** Seconds, or a fixed number of requests (one per seeded record). */
  duration?: number;
  amount?: number;
  /** The activity for the n-th request. */
  body(n: number): unknown;
  pid?: number;
}

export async function runCell(cell: Cell): Promise<CellResult> {
  let n = 0;
  const before = cell.pid ? cpuMs(cell.pid) : 0;
  const result = await autocannon({
    url: `${cell.url}/api/messages`,
    connections: cell.connections,
    ...(cell.amount ? { amount: cell.amount } : { duration: cell.duration ?? 5 }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: any) => ({ ...req, body: JSON.stringify(cell.body(n++)) }),
      },
    ],
  });
  const answered = result.requests.total;
  const cpu = cell.pid ? cpuMs(cell.pid) - before : undefined;
  return {
    rps: answered / (result.duration || 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: answered,
    failures: result.non2xx + result.errors + result.timeouts,
    cpuMsPerTurn: cpu !== undefined && answered ? cpu / answered : undefined,
  };
}

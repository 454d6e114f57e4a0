import { readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'

// Figures read from /proc and small statistics helpers shared by the scenarios.

const CLK_TCK = 100

/** utime + stime of a process, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK
}

/**
 * The machine's CPU time, in seconds over all cores: `steal` is what the hypervisor gave other
 * guests while this VM wanted to run. Figures from a window with much steal are not comparable.
 */
export function machineCpu(): { total: number; steal: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
  return { total: fields.reduce((sum, value) => sum + value, 0) / CLK_TCK, steal: (fields[7] ?? 0) / CLK_TCK }
}

/** The share of the machine's CPU time that was stolen between two `machineCpu()` readings, in %. */
export function stealPct(before: { total: number; steal: number }, after: { total: number; steal: number }): number {
  const total = after.total - before.total
  return total > 0 ? (100 * (after.steal - before.steal)) / total : 0
}

function statusKb(pid: number, field: string): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`))
  return match ? Number(match[1]) : NaN
}

export const peakRssMb = (pid: number) => Math.round(statusKb(pid, 'VmHWM') / 1024)
export const rssKb = (pid: number) => statusKb(pid, 'VmRSS')

/** Resets VmHWM so that each scenario reports its own peak (Linux ≥ 4.0; ignored if refused). */
export function resetPeakRss(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
  } catch {
    // The peak then covers the server's whole life so far.
  }
}

export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50)
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Prints results the way `pnpm bench` does: a table row each, then one JSON line each. */
/** A table row per result, then (unless `json: false`) one JSON line per result. */
export function printResults(results: Array<Record<string, unknown>>, { json = true } = {}): void {
  for (const result of results) {
    const { name, ...figures } = result
    console.log(`${String(name)} | ${Object.entries(figures).map(([k, v]) => `${k}=${String(v)}`).join(' ')}`)
  }
  if (json) for (const result of results) console.log(JSON.stringify(result))
}

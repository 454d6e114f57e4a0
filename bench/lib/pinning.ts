import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'

// As in the peers' figures (/work/shared/BENCHMARKS.md): the server under test on one core, the
// load generator (this process and the processes it forks) on the other, so neither measures
// the other's scheduling. `BENCH_PIN=0` turns it off; it needs taskset and two cores.
const SERVER_CPU = '0'
const GENERATOR_CPU = '1'

export const pinned = process.env.BENCH_PIN !== '0' && availableParallelism() >= 2 && existsSync('/usr/bin/taskset')

let generatorPinned = false

/** The command and arguments that start `args` under Node pinned to the server's core. */
export function serverCommand(args: string[]): { command: string; args: string[] } {
  pinGenerator()
  return pinned ? { command: 'taskset', args: ['-c', SERVER_CPU, process.execPath, ...args] } : { command: process.execPath, args }
}

/** Pins this process (and so every generator process it forks later) to the generator's core. */
export function pinGenerator(): void {
  if (!pinned || generatorPinned) return
  execFileSync('taskset', ['-pc', GENERATOR_CPU, String(process.pid)], { stdio: 'ignore' })
  generatorPinned = true
}

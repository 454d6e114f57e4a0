import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('reads a relative DATA_DIR or CLIENT_DIR from where the user ran pnpm, not from server/ where the script runs', () => {
    const config = loadConfig({ INIT_CWD: '/home/anna/samskriv', DATA_DIR: './mina-data', CLIENT_DIR: 'client/dist' })
    expect(config.dataDir).toBe('/home/anna/samskriv/mina-data')
    expect(config.clientDir).toBe('/home/anna/samskriv/client/dist')
    expect(loadConfig({ INIT_CWD: '/home/anna/samskriv', DATA_DIR: '/srv/samskriv' }).dataDir).toBe('/srv/samskriv')
  })

  it('keeps the data in the repository’s data/ by default', () => {
    expect(loadConfig({}).dataDir).toBe(new URL('../../data', import.meta.url).pathname)
  })
})

import { describe, expect, it, vi } from 'vitest'
import { loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('reads a relative DATA_DIR or CLIENT_DIR from where the user ran pnpm, not from server/ where the script runs', () => {
    const config = loadConfig({ INIT_CWD: '/home/anna/samskriv', DATA_DIR: './mina-data', CLIENT_DIR: 'client/dist' })
    expect(config.dataDir).toBe('/home/anna/samskriv/mina-data')
    expect(config.clientDir).toBe('/home/anna/samskriv/client/dist')
    expect(loadConfig({ INIT_CWD: '/home/anna/samskriv', DATA_DIR: '/srv/samskriv' }).dataDir).toBe('/srv/samskriv')
  })

  it('keeps using a database left where a relative DATA_DIR was read from before (server/), and says so', () => {
    const env = { INIT_CWD: '/nowhere/samskriv', DATA_DIR: 'data' }
    const earlier = `${process.cwd()}/data/samskriv.sqlite`
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(loadConfig(env, (path) => path === earlier).dataDir).toBe(`${process.cwd()}/data`)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('/nowhere/samskriv/data'))
    warn.mockRestore()
    // Nothing at the old place, or a database at the new one: the new place.
    expect(loadConfig(env, () => false).dataDir).toBe('/nowhere/samskriv/data')
    expect(loadConfig(env, () => true).dataDir).toBe('/nowhere/samskriv/data')
  })

  it('keeps the data in the repository’s data/ by default', () => {
    expect(loadConfig({}).dataDir).toBe(new URL('../../data', import.meta.url).pathname)
  })
})

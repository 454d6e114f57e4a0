import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { newFixture, type Fixture } from './api.ts'
import { launchBrowser } from './browser.ts'
import { newServer, type TestServer } from './newServer.ts'

export interface BrowserSuite {
  server: TestServer
  browser: Browser
  fixture: Fixture
}

/**
 * A server, a browser and a fixture for one e2e file: started before its tests, stopped after.
 * The fields are set once `beforeAll` has run, so read them inside tests.
 */
export function browserSuite(template?: Parameters<typeof newFixture>[1]): BrowserSuite {
  const suite = {} as BrowserSuite
  beforeAll(async () => {
    suite.server = await newServer()
    suite.browser = await launchBrowser()
    suite.fixture = await newFixture(suite.server.url, template)
  })
  afterAll(async () => {
    await suite.browser?.close()
    await suite.server?.stop()
  })
  return suite
}

import type { Activity } from './Activity.ts'

/** A valid activity for tests; override what the test is about. */
export function testActivity(overrides: Partial<Activity> = {}): Activity {
  return {
    id: 'a1',
    title: 'Kartläggning av samverkan',
    description: '',
    owner: null,
    start: '2023-10',
    end: '2023-12',
    status: 'planerad',
    phase: 'Analys',
    links: [],
    recurrence: null,
    ...overrides,
  }
}

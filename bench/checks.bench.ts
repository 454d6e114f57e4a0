import { runChecks, type CheckDocument } from '@samskriv/checks'
import { getTemplate } from '@samskriv/schema'
import { pathToFileURL } from 'node:url'

// What an analyst waits for when pressing "Kör kontroller": runChecks over a whole ESF+
// application of about 100 pages (≈ 300 000 characters), with big plan, budget and
// indicator tables. The server runs it per request, so p50 and max both matter.

const PAGES = 100
const CHARS_PER_PAGE = 3000
const WARMUP = 2
const MEASURED = 20

// Invented sentences that exercise every rule: words from the families (inflected and
// compounded), figures near women and men, abbreviations and long compounds for LIX.
const SENTENCES = [
  'Av deltagarna förra året var 58 procent kvinnor och 42 procent män.',
  'Utrikes födda kvinnor med funktionsnedsättning får t.ex. mindre stöd än andra grupper.',
  'Samordningsförbundets verksamhetsutveckling kräver myndighetsövergripande samverkan.',
  'Unga hbtq-personer och transpersoner beskriver ett bemötande som inte alltid är bra.',
  'Vi ser över lokalerna, informationen och arbetssätten tillsammans med deltagarna.',
  'Projektet följer upp jämställdheten, bl.a. med könsuppdelad statistik varje kvartal.',
  'Religion och etnisk tillhörighet följs inte upp i dag, vilket gör mönstren svåra att se.',
  'Den digitala mötestjänsten ska uppfylla WCAG 2.1 AA och ha en tillgänglighetsredogörelse.',
  'Äldre deltagare behöver ofta mer tid, dvs. längre insatser och fler uppföljningar.',
  'Handläggarna får utbildning i jämställdhetsintegrering och icke-diskriminering.',
]

/** Deterministic (mulberry32), so every run checks the same document. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function prose(chars: number, next: () => number): string {
  const paragraphs: string[] = []
  let length = 0
  while (length < chars) {
    const count = 3 + Math.floor(next() * 4)
    const paragraph = Array.from(
      { length: count },
      () => SENTENCES[Math.floor(next() * SENTENCES.length)],
    ).join(' ')
    paragraphs.push(paragraph)
    length += paragraph.length + 1
  }
  return paragraphs.join('\n')
}

const month = (index: number) =>
  `${2026 + Math.floor((8 + index) / 12)}-${String(((8 + index) % 12) + 1).padStart(2, '0')}`

function fieldsFor(
  kind: string | undefined,
  next: () => number,
): Record<string, unknown> | undefined {
  switch (kind) {
    case 'plan':
      return {
        activities: Array.from({ length: 200 }, (_, i) => {
          const start = Math.floor(next() * 20)
          return {
            title: `Aktivitet ${i + 1} med tolk`,
            start: month(start),
            end: month(start + 3),
          }
        }),
      }
    case 'budget':
      return {
        rows: Array.from({ length: 100 }, (_, i) => ({
          label: `Kostnad ${i + 1}`,
          amount: 20_000,
        })),
        total: 2_000_000,
        financing: [
          { funder: 'ESF+', amount: 1_080_000, esf: true },
          { funder: 'Samordningsförbundet', amount: 920_000 },
        ],
        requiredCofinancingPercent: 46,
      }
    case 'indicators':
      return {
        rows: Array.from({ length: 30 }, (_, i) => ({
          goal: `Mål ${1 + (i % 10)}`,
          indicator: `Indikator ${i + 1}`,
          baseline: 10,
          target: 20,
          bySex: i % 2 === 0,
        })),
      }
    case 'participants':
      return { women: 340, men: 260, total: 600 }
    default:
      return undefined
  }
}

function buildDocument(next: () => number): CheckDocument {
  const template = getTemplate('esf-projektide')
  const textSections = template.sections.filter((section) => (section.kind ?? 'text') === 'text')
  const perSection = Math.ceil((PAGES * CHARS_PER_PAGE) / textSections.length)
  return {
    templateId: template.id,
    templateVersion: template.version,
    signOffs: {},
    sections: template.sections.map((section, i) => {
      const fields = fieldsFor(section.kind, next)
      return {
        id: `s${i}`,
        key: section.key,
        title: section.title,
        text: (section.kind ?? 'text') === 'text' ? prose(perSection, next) : '',
        charLimit: section.charLimit,
        required: section.required,
        ...(section.kind ? { kind: section.kind } : {}),
        ...(fields ? { fields } : {}),
      }
    }),
  }
}

function percentile(sorted: readonly number[], p: number): number {
  const value =
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN
  return Math.round(value * 10) / 10
}

export async function benchChecks(): Promise<{
  name: string
  pages: number
  p50_ms: number
  max_ms: number
}> {
  const doc = buildDocument(random(20_260_301))
  const chars = doc.sections.reduce((sum, section) => sum + section.text.length, 0)
  const times: number[] = []
  for (let run = 0; run < WARMUP + MEASURED; run++) {
    const start = process.hrtime.bigint()
    const report = runChecks(doc)
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6
    if (report.groups.length !== 4) throw new Error('unexpected report shape')
    if (run >= WARMUP) times.push(elapsed)
  }
  times.sort((a, b) => a - b)
  return {
    name: `checks runChecks, esf-projektide ${Math.round(chars / 1000)}k chars, ${MEASURED} runs after ${WARMUP} warm-up`,
    pages: Math.round(chars / CHARS_PER_PAGE),
    p50_ms: percentile(times, 50),
    max_ms: percentile(times, 100),
  }
}

const invokedPath = process.argv[1]
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  const result = await benchChecks()
  console.log(
    `${result.name} | ${result.pages} pages | p50 ${result.p50_ms} ms | max ${result.max_ms} ms`,
  )
  console.log(JSON.stringify(result))
}

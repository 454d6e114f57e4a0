import type { TemplateDefinition } from './TemplateDefinition.ts'

/**
 * Färdplan: a roadmap with phases and a month-by-month activity plan (seed 000's deliverable).
 * Limits follow DOMAIN.md's suggestions; they are configuration, not an external rule.
 */
export const fardplan: TemplateDefinition = {
  id: 'fardplan',
  version: 1,
  title: 'Färdplan',
  description:
    'En plan för hur samverkan ska utvecklas: vart ni vill, var ni står i dag, vad som ska göras månad för månad, vem som bestämmer och hur ni följer upp.',
  sections: [
    {
      key: 'syfte',
      title: 'Syfte och vision',
      guidance:
        'Beskriv i två eller tre stycken vad färdplanen ska förändra och för vilka. Skriv så att en ny ledamot i styrelsen förstår varför arbetet behövs.',
      charLimit: 1500,
      required: true,
    },
    {
      key: 'nulage',
      title: 'Nuläge',
      guidance:
        'Beskriv hur samverkan fungerar i dag och vilka hinder ni känner till. Använd statistik uppdelad på kvinnor och män och ange var siffrorna kommer ifrån.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'mal',
      title: 'Mål och indikatorer',
      kind: 'indicators',
      guidance:
        'Skriv kortsiktiga och långsiktiga mål. Ge varje mål minst en indikator med utgångsläge och målvärde i tabellen, uppdelad på kön när den gäller människor.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'faser',
      title: 'Faser och milstolpar',
      guidance:
        'Dela in arbetet i faser med start- och slutmånad. Lista milstolparna: delrapporter, beslut i styrelser och viktiga sista dagar.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'aktivitetsplan',
      title: 'Aktivitetsplan',
      kind: 'plan',
      guidance:
        'Lägg in varje aktivitet med fas, månader, ansvarig, vilka som deltar, vad den ska leverera och vilket mål den hör till. Markera återkommande aktiviteter, som månadsmöten, som återkommande.',
      charLimit: null,
      itemCharLimit: 500,
      required: true,
    },
    {
      key: 'organisation',
      title: 'Organisation och ansvar',
      guidance:
        'Beskriv styrgrupp och arbetsgrupper, vilket mandat de har och vem som beslutar om vad. Tänk på hur makt och uppdrag fördelas mellan kvinnor och män.',
      charLimit: 2500,
      required: true,
    },
    {
      key: 'forankring',
      title: 'Förankring och kommunikation',
      guidance:
        'Beskriv hur medlemmar, samarbetspartner och de personer som berörs görs delaktiga och hålls informerade. Välj kanaler och format som alla kan ta del av.',
      charLimit: 2500,
      required: true,
    },
    {
      key: 'risker',
      title: 'Risker och beroenden',
      guidance:
        'Lista riskerna med sannolikhet, konsekvens, åtgärd och ansvarig. Ta med beroenden av beslut eller resurser som ligger utanför er kontroll.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'horisontella-principer',
      title: 'Horisontella principer i genomförandet',
      guidance:
        'Beskriv hur aktiviteterna tar hänsyn till jämställdhet, tillgänglighet och icke-diskriminering: vilka som deltar, var och hur ni träffas, hur informationen utformas och hur ni följer upp.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'uppfoljning',
      title: 'Uppföljning och lärande',
      guidance:
        'Beskriv när och hur ni stämmer av framstegen, vem som gör det och hur planen revideras när något ändras.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'lattlast',
      title: 'Lättläst sammanfattning',
      maxLix: 40,
      guidance:
        'Berätta om färdplanen med vanliga ord och korta meningar, en sak i taget. Förklara ord som läsaren kanske inte kan. Texten ska ha LIX 40 eller lägre.',
      charLimit: 1000,
      required: true,
    },
  ],
}

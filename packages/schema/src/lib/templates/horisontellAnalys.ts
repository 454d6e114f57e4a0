import type { TemplateDefinition } from './TemplateDefinition.ts'

/**
 * Horisontell principanalys: one section per principle, framed by facts before and conclusions
 * after, so the analysis can feed goals and plan rows. Limits are configuration (DOMAIN.md).
 */
export const horisontellAnalys: TemplateDefinition = {
  id: 'horisontell-analys',
  version: 1,
  title: 'Horisontell principanalys',
  description:
    'Analys av jämställdhet, tillgänglighet och icke-diskriminering för en färdplan eller ansökan, med slutsatser som blir mål, indikatorer och åtgärder.',
  sections: [
    {
      key: 'underlag',
      title: 'Underlag och avgränsning',
      guidance:
        'Ange vilket dokument och vilken version som analyseras, vilka som gör analysen och när. Säg vad som inte ingår.',
      charLimit: 1500,
      required: true,
    },
    {
      key: 'nulagesbild',
      title: 'Nulägesbild i siffror',
      kind: 'indicators',
      guidance:
        'Samla statistik uppdelad på kvinnor och män och, där det är lagligt och finns, på andra grunder. Ange källa och år för varje siffra. Skriv aldrig uppgifter om enskilda personer.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'jamstalldhet',
      title: 'Jämställdhetsanalys enligt 4R',
      guidance:
        'Gå igenom representation (hur många kvinnor och män finns på varje nivå), resurser (hur tid, pengar och insatser fördelas), realia (varför mönstren ser ut så och vilka normer som styr) och realisera (vad som ska ändras).',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'tillganglighet',
      title: 'Tillgänglighetsanalys',
      guidance:
        'Gå igenom verksamheten (arbetssätt, tider, bemötande), lokalerna och den fysiska miljön, information och kommunikation samt digitala verktyg. Tänk på olika funktionsnedsättningar: rörelse, syn, hörsel och kognition.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'icke-diskriminering',
      title: 'Icke-diskrimineringsanalys',
      guidance:
        'Pröva arbetet mot alla sju diskrimineringsgrunder och mot både direkt och indirekt diskriminering. Fråga vem som syns, vem som saknas och varför, och vad som händer när flera grunder möts.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'slutsatser',
      title: 'Slutsatser, mål och indikatorer',
      kind: 'indicators',
      guidance:
        'Skriv vad analysen leder till: mål för varje princip och indikatorer som visar om målen nås, uppdelade på kön där det går.',
      charLimit: 2500,
      required: true,
    },
    {
      key: 'atgarder',
      title: 'Åtgärder i aktivitetsplanen',
      guidance:
        'Beskriv vilka åtgärder som ska in i aktivitetsplanen, till exempel tolk, anpassade lokaler eller lättläst material, och länka till raderna i planen.',
      charLimit: 2500,
      required: true,
    },
    {
      key: 'kompetens',
      title: 'Kompetens och stöd',
      guidance:
        'Beskriv vilken kunskap om principerna som finns och vilket stöd som behöver köpas in.',
      charLimit: 1500,
      required: true,
    },
    {
      key: 'uppfoljning',
      title: 'Uppföljning och utvärdering',
      guidance:
        'Beskriv hur resultaten för varje princip följs upp under arbetet och hur de utvärderas efteråt, och vem som ansvarar.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'checklista',
      title: 'Checklista och signering',
      guidance:
        'Här visas kontrollrapporten. Analytikerna signerar de manuella punkterna och kan skriva en kort kommentar till helheten.',
      charLimit: 2000,
      required: false,
    },
    {
      key: 'lattlast',
      title: 'Lättläst sammanfattning',
      maxLix: 40,
      guidance:
        'Berätta vad analysen visar med vanliga ord och korta meningar, en sak i taget. Texten ska ha LIX 40 eller lägre.',
      charLimit: 1000,
      required: true,
    },
  ],
}

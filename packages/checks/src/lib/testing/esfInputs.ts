import type { SectionInput } from './buildDocument.ts'

/**
 * A complete, invented ESF+ project idea ("Nya vägar") written to pass every automatic item.
 * Tests break one part at a time. Test data only; every sentence is written for this file.
 */
export const esfInputs: Record<string, SectionInput> = {
  oversikt: {
    text: 'Nya vägar – samverkan för unga vuxna i Norrdal',
    fields: {
      name: 'Nya vägar',
      owner: 'Samordningsförbundet Norrdal',
      start: '2026-09-01',
      end: '2028-08-31',
    },
  },
  problem: [
    'Många unga vuxna i Norrdal står långt från arbete och får stöd från flera myndigheter som inte talar med varandra.',
    'Bland de 420 personer som deltog i förbundets insatser förra året var 58 procent kvinnor och 42 procent män.',
    'Kvinnorna hade oftare psykisk ohälsa och var sjukskrivna längre. Männen lämnade insatserna tidigare.',
    'Var fjärde deltagare har en funktionsnedsättning, ofta NPF, och möter hinder i lokaler och i skriftlig information.',
    'Utrikes födda kvinnor får mindre stöd mot arbete än andra grupper.',
    'Vi vet lite om hur unga hbtq-personer och transpersoner upplever stödet, och religion eller etnisk tillhörighet följs inte upp alls.',
  ].join('\n'),
  orsaker: [
    'Stödet är uppdelat efter myndighetens ansvar och inte efter personens behov.',
    'Handläggare har olika bild av vad kvinnor och män klarar. Det leder till olika insatser.',
    'Projektet kan påverka samverkan och arbetssätt. Brist på bostäder och jobb ligger utanför projektets räckvidd.',
  ].join('\n'),
  konsekvenser: [
    'För individen blir vägen till arbete lång och otrygg.',
    'För myndigheterna blir arbetet dubbelt och dyrt. För samhället betyder det förlorade skatteintäkter och ökad ohälsa.',
  ].join('\n'),
  'tidigare-insatser':
    'Förbundet har drivit två mindre projekt med personliga coacher. De visade att en fast kontakt hjälper, men att resultaten försvann när projekten tog slut.',
  malgrupp: [
    'Målgruppen är unga vuxna mellan 18 och 29 år som har stöd från minst två av förbundets parter.',
    'Vi räknar med 60 deltagare, 34 kvinnor och 26 män.',
    'Tolv unga har varit med i workshoppar och format idén.',
    'Vi når fler genom information på flera språk, tolk vid behov och uppsökande arbete via föreningar.',
  ].join('\n'),
  aktorer:
    'Arbetsförmedlingen, Försäkringskassan, regionen och kommunen deltar. Varje part utser en kontaktperson och får bättre underlag för sina egna beslut.',
  projektmal: [
    'Mål 1: Fler unga vuxna går vidare till arbete eller studier.',
    'Mål 2: Skillnaden mellan kvinnor och män i tid till arbete ska minska, som ett steg mot ökad jämställdhet.',
    'Mål 3: Parterna har en gemensam rutin för samordnat stöd.',
  ].join('\n'),
  indikatorer: {
    text: 'Vi följer upp varje mål varje kvartal. Alla indikatorer redovisas per kön. Deltagarna svarar på en enkät om delaktighet och bemötande.',
    fields: {
      rows: [
        {
          goal: 'Mål 1',
          indicator: 'Andel i arbete eller studier',
          baseline: '22 %',
          target: '40 %',
          bySex: true,
        },
        { goal: 'Mål 2', indicator: 'Dagar till arbete', baseline: 310, target: 240, bySex: true },
        { goal: 'Mål 3', indicator: 'Antal parter med rutinen', baseline: 0, target: 4 },
      ],
    },
  },
  utvardering:
    'En extern utvärderare följer projektet och granskar särskilt resultaten för kvinnor och män, tillgängligheten och om alla grupper behandlas lika.',
  mottagare:
    'Resultaten tas emot av förbundets styrelse och parternas ledningar, som beslutar om fortsatt arbete.',
  metod: [
    'Varje deltagare får en fast kontaktperson som samordnar stödet.',
    'Vi träffas i lokaler som är kontrollerade för tillgänglighet och erbjuder också digitala möten.',
    'Den digitala mötestjänsten ska uppfylla WCAG 2.1 AA.',
  ].join('\n'),
  huvudaktiviteter:
    'Vi rekryterar deltagare, bygger upp samordnat stöd och utbildar personal i bemötande. Alla aktiviteter finns i tidsplanen.',
  tidsplan: {
    fields: {
      activities: [
        { title: 'Rekrytering av personal', start: '2026-09', end: '2026-10' },
        { title: 'Utbildning i bemötande med teckenspråkstolk', start: '2026-11', end: '2027-01' },
        { title: 'Samordnat stöd till deltagare', start: '2027-01', end: '2028-06' },
        { title: 'Slutrapport', start: '2028-07', end: '2028-08' },
      ],
    },
  },
  'inledande-fas':
    'Under de två första månaderna anställer vi personal, skriver avtal med parterna och bokar lokaler.',
  'deltagarnas-vag':
    'Deltagaren möter sin kontaktperson, gör en plan och får stöd tills hen har ett arbete eller studier.',
  deltagare: { fields: { women: 34, men: 26, total: 60 } },
  kompetenser:
    'Personalen har erfarenhet av samordnat stöd. Vi köper in stöd i jämställdhetsintegrering och tillgänglighet från en extern konsult.',
  bemanning:
    'Två personer är redan utsedda av parterna. Om någon saknas kan förbundet låna in personal från kommunen.',
  budget: {
    fields: {
      rows: [
        { label: 'Personal 2026–2027', amount: 900000 },
        { label: 'Personal 2027–2028', amount: 900000 },
        { label: 'Tolk och textning', amount: 60000 },
        { label: 'Lokaler', amount: 140000 },
      ],
      total: 2000000,
      financing: [
        { funder: 'ESF+', amount: 1080000, esf: true },
        { funder: 'Samordningsförbundet Norrdal', amount: 620000 },
        { funder: 'Regionen, personal i tjänst', amount: 300000 },
      ],
      cofinancingPercent: 46,
      requiredCofinancingPercent: 46,
    },
  },
  'utebliven-medfinansiering':
    'Om en part inte kan bidra minskar vi antalet deltagare i stället för att sänka kvaliteten.',
  redovisning: 'Ekonomen redovisar kostnader varje månad och personalen lämnar tidrapporter.',
  'ekonomisk-formaga':
    'Förbundet har eget kapital som räcker för att ligga ute med pengar i ett halvår.',
  forankring:
    'Styrelsen har beslutat att stödja ansökan. Alla parter har skrivit intyg om medfinansiering.',
  styrgrupp:
    'Styrgruppen har en chef från varje part och en person från målgruppen. Lika många kvinnor som män ingår.',
  sammanfattning:
    'Nya vägar ger unga vuxna samordnat stöd mot arbete eller studier. Projektet minskar skillnader mellan kvinnor och män.',
  'summary-en':
    'New Paths gives young adults coordinated support towards work or studies and reduces differences between women and men.',
  lattlast: [
    'Nya vägar är ett projekt för unga vuxna.',
    'Du får en person som hjälper dig.',
    'Hon eller han pratar med alla som ger dig stöd.',
    'Målet är att du ska få ett jobb eller börja studera.',
  ].join('\n'),
}

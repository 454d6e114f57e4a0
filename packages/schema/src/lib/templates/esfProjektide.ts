import type { TemplateDefinition } from './TemplateDefinition.ts'

/**
 * ESF+ projektidé/ansökan, ordered and numbered like the questions in Projektrummet+.
 *
 * Character limits are configuration, not fact: no public source states Projektrummet+'s own
 * per-field limits (DOMAIN.md). The values follow DOMAIN's suggestions (2 000–4 000 for the
 * questions, 1 500 for the economy texts) and can change per call by bumping `version`.
 */
export const esfProjektide: TemplateDefinition = {
  id: 'esf-projektide',
  version: 1,
  title: 'ESF+ projektidé',
  description:
    'Projektidé eller ansökan till Svenska ESF-rådet, i samma ordning och med samma numrering som frågorna i Projektrummet+. De horisontella principerna ska synas redan i problemanalysen.',
  sections: [
    {
      key: 'oversikt',
      number: '1',
      title: 'Översikt',
      guidance:
        'Fyll i projektets namn (högst 150 tecken), projektägare och ansvarigt arbetsställe, planerat start- och slutdatum, berörda regioner och vilken utlysning ni söker i. Uppgifterna styr resten av ansökan, till exempel vilka månader tidsplanen får omfatta.',
      charLimit: null,
      required: true,
    },
    {
      key: 'problem',
      number: '2.1',
      title: 'Problemet projektet vill lösa',
      guidance:
        'Beskriv problemet och vilka som berörs av det, på individ-, organisations- och strukturnivå. Visa med siffror uppdelade på kvinnor och män hur situationen ser ut. Ta upp vilka hinder som finns för jämställdhet, för personer med funktionsnedsättning och för grupper som riskerar att diskrimineras – alla tre principerna ska finnas med, även om en av dem väger tyngst.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'orsaker',
      number: '2.2',
      title: 'Orsaker till problemet',
      guidance:
        'Beskriv de viktigaste orsakerna. Skilj på orsaker som projektet kan påverka och sådana som ligger utanför projektets räckvidd, och säg vilka ni tänker arbeta med. Fundera på om orsakerna ser olika ut för kvinnor och män eller för olika grupper.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'konsekvenser',
      number: '2.3',
      title: 'Konsekvenser av problemet',
      guidance:
        'Beskriv vad problemet leder till för människor, för de organisationer som berörs och för samhället. Skriv ut om konsekvenserna drabbar vissa grupper hårdare än andra.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'tidigare-insatser',
      number: '2.4',
      title: 'Tidigare insatser',
      guidance:
        'Berätta vad som redan har prövats för att lösa problemet, av er eller av andra, och vad ni lärde er av det. Förklara vad projektet gör annorlunda.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'malgrupp',
      number: '2.5',
      title: 'Målgrupp',
      guidance:
        'Beskriv vilka projektet riktar sig till och hur många de är, uppdelat på kvinnor och män. Berätta hur målgruppen har varit med och format idén och hur projektet möter deras behov. Förklara hur ni når grupper som annars ofta missas, till exempel genom tolk, andra språk, lättläst information eller nya rekryteringsvägar.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'aktorer',
      number: '2.6',
      title: 'Aktörer',
      guidance:
        'Beskriv vilka organisationer som behöver delta, vilken roll var och en får och vilket eget behov de har av projektet. Berätta hur de har varit med i arbetet med idén. Listan över deltagande aktörer fylls i separat i formuläret.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'projektmal',
      number: '4.1',
      title: 'Projektmål',
      guidance:
        'Formulera mål som följer direkt av problemen, orsakerna och konsekvenserna ovan, och visa hur de svarar mot utlysningens förväntade resultat. Ta med minst ett eget mål för jämställdhet och gärna mål för tillgänglighet och icke-diskriminering.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'indikatorer',
      number: '4.2',
      title: 'Uppföljning och indikatorer',
      kind: 'indicators',
      guidance:
        'Beskriv hur ni följer upp projektet under tiden. Fyll i tabellen med minst en indikator per mål, med utgångsläge och målvärde. Dela upp indikatorerna på kön där det går, och följ också upp hur olika grupper behandlas och deltar.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'utvardering',
      number: '4.3',
      title: 'Utvärdering',
      guidance:
        'Beskriv hur projektet ska utvärderas, av vem och när. Säg hur utvärderingen granskar resultaten för jämställdhet, tillgänglighet och icke-diskriminering.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'mottagare',
      number: '4.4',
      title: 'Mottagare av resultaten',
      guidance:
        'Beskriv vilka som ska ta emot och använda projektets resultat efter projekttiden och hur resultaten når dem.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'metod',
      number: '5.1',
      title: 'Metod',
      guidance:
        'Beskriv de metoder och arbetssätt som ska lösa problemet och varför ni tror att de fungerar. Hänvisa gärna till erfarenheter eller forskning. Förklara hur metoderna fungerar för deltagare med olika förutsättningar.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'huvudaktiviteter',
      number: '5.2',
      title: 'Huvudaktiviteter',
      guidance:
        'Beskriv de viktigaste aktiviteterna och hur var och en bidrar till målen. Varje aktivitet ska också finnas i tids- och aktivitetsplanen.',
      charLimit: 4000,
      required: true,
    },
    {
      key: 'tidsplan',
      number: '5.2',
      title: 'Tids- och aktivitetsplan',
      kind: 'plan',
      guidance:
        'Lägg in aktiviteterna månad för månad med start, slut, ansvarig och leverans. Återkommande möten och enstaka händelser som delrapporter och beslut hör båda hit. Alla månader ska ligga inom projektperioden, och planera in tid och kostnad för anpassningar som tolk eller textning.',
      charLimit: null,
      itemCharLimit: 500,
      required: true,
    },
    {
      key: 'inledande-fas',
      number: '5.3',
      title: 'Inledande fas',
      guidance:
        'Beskriv vad som måste göras i början för att starta projektet: rekrytering, avtal, lokaler, styrgrupp och rutiner.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'deltagarnas-vag',
      number: '5.4',
      title: 'Deltagarnas väg genom projektet',
      guidance:
        'Beskriv hur en deltagare kommer in i projektet, vad hen gör under tiden och hur hen går vidare efteråt. Skriv "Ej aktuellt" om projektet inte har deltagare.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'deltagare',
      number: '5.5',
      title: 'Deltagare',
      kind: 'participants',
      guidance:
        'Ange planerat antal kvinnor, antal män och totalt antal deltagare. Summan av kvinnor och män ska vara lika med totalen. Välj "Ej aktuellt" i alla tre fälten om projektet inte har deltagare. Ange bara antal, aldrig namn.',
      charLimit: null,
      required: true,
    },
    {
      key: 'na-deltagare',
      number: '5.7',
      title: 'Att nå planerat antal deltagare',
      guidance:
        'Beskriv hur ni ser till att nå det planerade antalet deltagare och vad ni gör om det går trögt.',
      charLimit: 2000,
      required: false,
    },
    {
      key: 'transnationellt',
      number: '5.8',
      title: 'Transnationellt arbete',
      guidance:
        'Om projektet samarbetar med aktörer i andra länder: beskriv med vilka, hur och vad det tillför. Lämna annars tomt.',
      charLimit: 2000,
      required: false,
    },
    {
      key: 'kompetenser',
      number: '6.1',
      title: 'Kompetenser',
      guidance:
        'Beskriv vilka kompetenser metoden kräver och var de finns. Ta med kompetens om jämställdhet, tillgänglighet och icke-diskriminering, och säg om den finns internt eller köps in.',
      charLimit: 2500,
      required: true,
    },
    {
      key: 'bemanning',
      number: '6.2',
      title: 'Bemanning vid start',
      guidance:
        'Beskriv hur projektet är bemannat från första dagen och vad ni gör om någon nyckelperson saknas.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'budget',
      number: '7',
      title: 'Budget och medfinansiering',
      kind: 'budget',
      guidance:
        'Fyll i kostnaderna per kategori och år och vilka som finansierar projektet, med belopp och andel. Kontrollera att raderna summerar till totalen och att medfinansieringen når utlysningens krav. Små fel i budgettabellen kan inte rättas efter sista ansökningsdag.',
      charLimit: null,
      required: true,
    },
    {
      key: 'kostnad-per-deltagare',
      number: '7.2',
      title: 'Kostnad per deltagare',
      guidance:
        'Motivera kostnaden per deltagare utifrån problemet, målen och metoden. Skriv "Ej aktuellt" om projektet saknar deltagare.',
      charLimit: 1500,
      required: false,
    },
    {
      key: 'utebliven-medfinansiering',
      number: '7.3',
      title: 'Om medfinansieringen uteblir',
      guidance: 'Beskriv vad ni gör om någon medfinansiär inte kan bidra som planerat.',
      charLimit: 1500,
      required: true,
    },
    {
      key: 'redovisning',
      number: '7.6',
      title: 'Redovisning och rapportering',
      guidance:
        'Beskriv kort hur ni redovisar kostnader och tid, vem som ansvarar och hur ofta ni rapporterar.',
      charLimit: 1500,
      required: true,
    },
    {
      key: 'ekonomisk-formaga',
      number: '7.9',
      title: 'Ekonomisk förmåga',
      guidance:
        'Beskriv hur projektägaren klarar likviditeten, eftersom stödet betalas ut i efterhand.',
      charLimit: 1500,
      required: true,
    },
    {
      key: 'forankring',
      number: '8.1',
      title: 'Förankring',
      guidance:
        'Beskriv hur idén är förankrad hos projektägaren, medlemmarna och övriga aktörer: vilka beslut som finns, vilka som har deltagit och hur de hålls informerade.',
      charLimit: 3000,
      required: true,
    },
    {
      key: 'styrgrupp',
      number: '8.2',
      title: 'Styrgrupp',
      guidance:
        'Beskriv hur styrgruppen sätts samman och varför ledamöterna är rätt personer för att ta hand om projektets resultat. Tänk på könsfördelningen och på om målgruppen har en plats.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'kontakter',
      number: '9',
      title: 'Kontakter',
      guidance:
        'Ange namn, roll, e-post och telefon för kontaktpersonerna. Det är personuppgifter: fyll bara i dem här om er organisation har beslutat att de får sparas i verktyget, annars direkt i Projektrummet+.',
      charLimit: null,
      // Not required: personal data may be kept out of the tool on purpose (GDPR, DOMAIN.md).
      required: false,
    },
    {
      key: 'sammanfattning',
      number: '10.1',
      title: 'Sammanfattning på svenska',
      guidance:
        'Sammanfatta problem, målgrupp, mål, metod och förväntade resultat så att den som inte har läst resten förstår projektet. Skriv sammanfattningen sist.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'summary-en',
      number: '10.2',
      title: 'Sammanfattning på engelska',
      lang: 'en',
      guidance:
        'Skriv samma sammanfattning på engelska. Den kan användas i EU-sammanhang, så undvik svenska förkortningar och myndighetsnamn utan förklaring.',
      charLimit: 2000,
      required: true,
    },
    {
      key: 'lattlast',
      title: 'Lättläst sammanfattning',
      maxLix: 40,
      guidance:
        'Frivilligt men rekommenderat. Berätta om projektet med vanliga ord och korta meningar, en sak i taget. Förklara ord som läsaren kanske inte kan. Texten bör ha LIX 40 eller lägre.',
      charLimit: 1000,
      required: false,
    },
    {
      key: 'horisontella-principer',
      // Not "arbetsyta": everywhere else in the app that word is a workspace.
      title: 'Horisontella principer – arbetsanteckningar',
      guidance:
        'Frivilliga anteckningar som inte finns i formuläret. Samla här hur projektet arbetar med jämställdhet, tillgänglighet och icke-diskriminering, och flytta sedan in det i rätt frågor: problemanalysen, målen, metoden och uppföljningen. Granskarna bedömer principerna i varje fråga, inte i en bilaga.',
      charLimit: 4000,
      required: false,
    },
  ],
}

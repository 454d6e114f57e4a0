/**
 * Titles and advice of the built-in checklist items, shared by the three checklists so one
 * item reads the same in every template. Ids are stable once shipped (DOMAIN.md): sign-offs
 * are stored under them. Advice tells the writer what to add; for manual items it tells the
 * analyst what to judge.
 */
export const itemTexts: Readonly<Record<string, { title: string; advice: string }>> = {
  A1: {
    title: 'Alla obligatoriska avsnitt är ifyllda',
    advice: 'Skriv något i varje obligatoriskt avsnitt innan dokumentet skickas in.',
  },
  A2: {
    title: 'Texterna håller teckengränserna',
    advice:
      'Korta de avsnitt som är för långa. Mellanslag räknas, och text som klistrats in från Word kan ha dolda tecken.',
  },
  A3: {
    title: 'Varje mål har en indikator med utgångsläge och målvärde',
    advice:
      'Fyll i indikatortabellen med minst en indikator per mål, med utgångsläge och målvärde.',
  },
  A4: {
    title: 'Budgeten summerar och medfinansieringen räcker',
    advice:
      'Kontrollera budgettabellen: raderna ska summera till totalen och medfinansieringen nå utlysningens krav.',
  },
  A5: {
    title: 'Tidsplanen ligger inom projektperioden',
    advice: 'Ge varje aktivitet en start- och slutmånad inom projektperioden, med start före slut.',
  },
  A6: {
    title: 'Förankringen är styrkt med beslut och intyg',
    advice:
      'Bedöm om beslut, intyg om medfinansiering och andra bilagor som utlysningen kräver finns och stämmer med texten.',
  },
  J1: {
    title: 'Problemanalysen beskriver kvinnors och mäns situation',
    advice: 'Beskriv hur problemet ser ut för kvinnor och för män, eller för flickor och pojkar.',
  },
  J2: {
    title: 'Könsuppdelad statistik finns',
    advice:
      'Lägg till siffror uppdelade på kvinnor och män, till exempel "62 % av deltagarna är kvinnor", och ange källan.',
  },
  J3: {
    title: 'Minst en indikator är könsuppdelad',
    advice:
      'Markera minst en indikator som uppdelad på kön, eller skriv att den redovisas för kvinnor och män.',
  },
  J4: {
    title: 'Deltagare anges per kön och summan stämmer',
    advice:
      'Ange antal kvinnor, antal män och totalt antal deltagare så att kvinnor + män = totalt.',
  },
  J5: {
    title: 'Projektet har ett eget jämställdhetsmål',
    advice:
      'Formulera minst ett mål som handlar om jämställdhet, till exempel om att minska en skillnad mellan kvinnor och män.',
  },
  J6: {
    title: 'Jämställdhetskompetens finns eller köps in',
    advice: 'Beskriv var kompetensen om jämställdhet finns, eller budgetera för att köpa in stöd.',
  },
  J7: {
    title: 'Analysen förklarar varför mönstren finns',
    advice:
      'Bedöm om analysen förklarar orsakerna till skillnaderna mellan kvinnor och män (realia) och knyter an till de jämställdhetspolitiska målen.',
  },
  J8: {
    title: 'Röd tråd från analys till resultat för jämställdhet',
    advice:
      'Bedöm om analysen leder till mål, målen till aktiviteter och aktiviteterna till mätbara resultat.',
  },
  J9: {
    title: 'Resurserna fördelas rimligt mellan kvinnor och män',
    advice:
      'Bedöm om tid, pengar och insatser fördelas så att kvinnor och män får lika goda möjligheter.',
  },
  J10: {
    title: 'Uppföljning och utvärdering av jämställdhetsresultat är planerad',
    advice: 'Bedöm om jämställdhetsresultaten följs upp under arbetet och utvärderas externt.',
  },
  T1: {
    title: 'Problemanalysen tar upp personer med funktionsnedsättning',
    advice:
      'Beskriv hur problemet påverkar personer med olika funktionsnedsättningar och vilka hinder de möter.',
  },
  T2: {
    title: 'Lokaler, information och bemötande är alla beaktade',
    advice:
      'Ta upp tillgänglighet i alla tre delarna: lokaler och fysisk miljö, information och kommunikation, verksamhet och bemötande.',
  },
  T3: {
    title: 'Digital tillgänglighet beaktas när digitala verktyg planeras',
    advice:
      'Ni planerar digitala verktyg: beskriv hur de blir tillgängliga, till exempel genom att följa WCAG 2.1 AA och publicera en tillgänglighetsredogörelse.',
  },
  T4: {
    title: 'Lättläst sammanfattning finns och har LIX högst 40',
    advice:
      'Skriv en lättläst sammanfattning med vanliga ord och korta meningar. Dela långa meningar och byt långa ord mot kortare.',
  },
  T5: {
    title: 'Inga avsnitt är mycket svårlästa (LIX över 60)',
    advice: 'Gör de svårlästa avsnitten enklare: kortare meningar och färre långa sammansatta ord.',
  },
  T6: {
    title: 'Plan eller budget har anpassningar',
    advice:
      'Planera och budgetera för anpassningar som tolk, teckenspråk, textning, hörslinga, syntolkning eller alternativa format.',
  },
  T7: {
    title: 'Hinder för olika funktionsnedsättningar är identifierade med åtgärder',
    advice:
      'Bedöm om hinder för rörelse, syn, hörsel och kognition (även NPF) är identifierade och har åtgärder.',
  },
  T8: {
    title: 'Möteslokaler är inventerade eller digitalt deltagande erbjuds',
    advice:
      'Bedöm om lokalerna är kontrollerade (entré, hiss, toaletter, hörslinga) eller om deltagande på distans erbjuds.',
  },
  T9: {
    title: 'Personer med funktionsnedsättning har varit delaktiga',
    advice:
      'Bedöm om personer med funktionsnedsättning eller deras organisationer har deltagit i att ta fram idén.',
  },
  D1: {
    title: 'Alla sju diskrimineringsgrunder berörs i analysen',
    advice:
      'Pröva analysen mot alla sju diskrimineringsgrunder och skriv vad ni kom fram till för var och en.',
  },
  D2: {
    title: 'Inga föråldrade ord',
    advice: 'Byt föråldrade eller nedsättande ord mot de ord som används i dag.',
  },
  D3: {
    title: 'Intersektionellt perspektiv',
    advice:
      'Visa i minst en mening hur kön samverkar med en annan grund, till exempel ålder eller funktionsnedsättning: ”alltid kön, aldrig bara kön”.',
  },
  D4: {
    title: 'Det framgår hur underrepresenterade grupper nås',
    advice:
      'Beskriv hur ni når grupper som annars missas: språk, kanaler, tolk och sätt att rekrytera.',
  },
  D5: {
    title: 'Uppföljningen omfattar likabehandling',
    advice:
      'Skriv hur ni följer upp likabehandling, diskriminering eller delaktighet för olika grupper.',
  },
  D6: {
    title: 'Risken för indirekt diskriminering är prövad',
    advice:
      'Bedöm om krav på språk, digital vana, tider och platser kan utestänga någon grupp och om det finns åtgärder.',
  },
  D7: {
    title: 'Normer och maktordningar är analyserade',
    advice: 'Bedöm om analysen frågar vem som syns, vem som saknas och varför.',
  },
  D8: {
    title: 'Rutin mot trakasserier och kränkningar finns',
    advice:
      'Bedöm om aktiviteterna har en rutin mot trakasserier och kränkningar och om projektägaren arbetar med aktiva åtgärder.',
  },
  D9: {
    title: 'Målgruppen har deltagit och har plats i styr- eller arbetsgrupp',
    advice: 'Bedöm om målgruppen har varit med och format idén och har en plats där beslut fattas.',
  },
}

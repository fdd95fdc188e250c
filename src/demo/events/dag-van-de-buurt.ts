import type { EventDocumentInput } from '../../domain/events/document';
import { demoClock } from '../clock';

/*
 * Seed 002: "Dag van de Buurt", online, donderdag 28 januari 2021, 13:00–17:00.
 * 26 sessions over two rounds; three of them (ABCD, Het nieuwe wijkgericht werken,
 * Zeggenschap door geld) run in both rounds and are modelled once with two rounds,
 * so 23 workshops. The host contact of the ABCD session is fictional (example.org,
 * 06-0000 number); the original address and number are scrubbed from the text.
 */
export function build(now: Date): EventDocumentInput {
  const c = demoClock(now, '2021-01-28', 5);
  const both = ['ronde-1', 'ronde-2'];

  return {
    slug: 'dag-van-de-buurt',
    title: 'Dag van de Buurt',
    subtitle: 'Online: waarom de buurt alle aandacht verdient, en hoe',
    summary:
      'Een online middag over veerkrachtige buurten en wijken, met het startschot voor een nieuwe leeragenda en leernetwerk wijkaanpak. Met 26 sessies verdeeld over twee rondes en een studioprogramma met tafelgasten.',
    status: 'published',
    format: 'online',
    organisers: [
      { slug: 'platform31', name: 'Platform31', website: 'https://www.platform31.nl', role: 'organiser' },
      { slug: 'movisie', name: 'Movisie', website: 'https://www.movisie.nl', role: 'co_organiser' },
      { slug: 'lsa', name: 'LSA bewoners', website: 'https://www.lsabewoners.nl', role: 'co_organiser' },
    ],
    sections: [
      {
        body: 'Om 13.00 uur trapt Lucas de Man de Dag van de Buurt af. Dave Ensberg-Kleijkers neemt het stokje over. Hij geeft antwoord op de vraag waarom de buurt alle aandacht verdient. De Dag van de Buurt gaat niet alleen om het waarom, maar ook zeker om het hoe. We geven het startschot voor een nieuwe leeragenda en leernetwerk wijkaanpak. Daarvoor blikken we in het eerste gedeelte ook terug met Jos van der Lans en Petra van Duijnhoven: wat kunnen we bijvoorbeeld leren van de wijkaanpak die in 2008 startte? Wat maakte in eerdere wijkaanpakken het verschil of zat juist in de weg?',
      },
      {
        heading: '26 sessies in twee rondes',
        body: 'Om 14.00 en om 15.00 uur beginnen sessies waar je meer de diepte in gaat op een thema dat je interessant vindt. Met 26 sessies, verdeeld over twee rondes, is er veel keuze. Alle workshops die op het programma staan, bouwen voort op ervaringen van bewoners en professionals uit de wijk.\n\nBij je aanmelding kies je per ronde één sessie. Een aantal sessies wordt in beide rondes gegeven; die kun je één keer volgen.',
      },
      {
        heading: 'Vooruitkijken: de Minister van Wijken',
        body: 'Om 16.00 uur zien we elkaar weer terug in de studio. Als slotstuk van de Dag van de Buurt kijken we vooruit. Waar moet een toekomstig Minister van Wijken echt mee aan de slag? Die vraag stellen we aan de deelnemers van de dag, maar ook aan tafelgasten zoals burgemeester Ahmed Marcouch, Tweede Kamerlid Harry van der Molen, directeur Nationaal Programma Rotterdam-Zuid Marco Pastors en stadsdeelvoorzitter van Amsterdam Zuid-Oost Tanja Jadnanansing.\n\nDe dag wordt geleid door Hadassah de Boer.',
      },
      {
        heading: 'Online meedoen',
        body: 'De Dag van de Buurt is volledig online. De links naar de studio en naar de sessies ontvang je na je aanmelding; ze staan niet op deze pagina.',
      },
    ],
    audience: {
      intro: 'Voor iedereen die werkt aan veerkrachtige buurten en wijken: bewoners, professionals en beleidsmakers.',
      groups: [
        'Actieve bewoners en bewonersorganisaties',
        'Wijkprofessionals, sociaal werkers en opbouwwerkers',
        'Beleidsmakers en bestuurders bij gemeenten en Rijk',
        'Woningcorporaties, politie, zorg, onderwijs en andere partners in de wijk',
      ],
    },
    meetings: [
      {
        key: 'online',
        startsAt: c.at('2021-01-28T13:00'),
        endsAt: c.at('2021-01-28T17:00'),
        online: true,
        joinUrl: 'https://stream.example.org/dag-van-de-buurt',
      },
    ],
    speakers: [
      { key: 'hadassah-de-boer', name: 'Hadassah de Boer', role: 'Dagvoorzitter' },
      {
        key: 'lucas-de-man',
        name: 'Lucas de Man',
        role: 'Kunstenaar',
        bio: "Lucas De Man is een Vlaamse kunstenaar die op speelse manier de publieke ruimte wil omtoveren tot een plek van verwondering en verbazing. De rode draad in zijn werk is het veranderen van de publieke ruimte als 'anonieme consumptiemarktplaats' tot een plek van verwondering, verbinding en 'ont-moeting'. Deze 'ont-moeting' betreft een 'moment van niet moeten', een plek waar je kwetsbaar én krachtig kan zijn.",
      },
      {
        key: 'dave-ensberg-kleijkers',
        name: 'Dave Ensberg-Kleijkers',
        role: 'Directeur-bestuurder',
        organisation: 'Nationaal Jeugdfonds Jantje Beton en de Nederlandse Unie van Speeltuinorganisaties',
        bio: 'Waarom hebben we het eigenlijk over de buurt en organiseren we een Dag van de Buurt? Daar spreekt Dave Ensberg-Kleijkers over. Want het maakt uit in welke buurt je geboren bent en woont. Het maakt uit voor de kansen die je hebt en krijgt in het leven. Het raakt aan alle aspecten van het dagelijks leven, van je gezondheid en levensverwachting tot opleiding en inkomen. Kortom: tijd om te investeren in buurten en wijken.\n\nDave Ensberg-Kleijkers is bestuurskundige en directeur-bestuurder van Nationaal Jeugdfonds Jantje Beton en de Nederlandse Unie van Speeltuinorganisaties. Daarnaast is hij bestuursvoorzitter van de Martin Luther King Lezing en bestuurslid van de Maatschappelijke Alliantie. Eerder was hij bestuursvoorzitter van Stichting Biezonderwijs en voorzitter van Art. 1.',
      },
      {
        key: 'jos-van-der-lans',
        name: 'Jos van der Lans',
        role: 'Cultuurpsycholoog en publicist',
        bio: 'De Dag van de Buurt is ook een nieuwe impuls om te werken aan veerkrachtige buurten en wijken. Bij vooruitkijken hoort dan ook terugblikken en dat doen we met cultuurpsycholoog Jos van der Lans. Wat maakte in eerdere wijkaanpakken het verschil, of wat zat juist in de weg? Waar kunnen we op voortbouwen en op welke vlakken hebben we juist nieuwe samenwerkingen en instrumenten nodig?\n\nJos van der Lans is cultuurpsycholoog en publicist. Hij was een van de drie voorzitters van de visitatiecommissie wijkenaanpak (2010/11). Hij schrijft al zo’n veertig jaar over ontwikkelingen in de publieke sector en heeft meerdere spraakmakende boeken en essays op zijn naam staan, zoals *Koning Burger* (2005), *Ontregelen* (2008), *Erop af!* (2010), *Sociaal-doe het zelven* (met Pieter Hilhorst, 2013), *Decentraal* (met Nico de Boer, 2014) en *Het Dogma Aanbesteden* (2020).',
      },
      {
        key: 'petra-van-duijnhoven',
        name: 'Petra van Duijnhoven',
        role: 'Voorzitter Wijkplatform Brukske (Venray) en bestuurslid LSA',
        organisation: 'Wijkplatform Brukske',
        bio: "De Dag van de Buurt is ook een nieuwe impuls om te werken aan veerkrachtige buurten en wijken. Bij vooruitkijken hoort dan ook terugblikken en dat doen we onder andere met LSA-bestuurslid en voorzitter van wijkplatform Brukske uit Venray, Petra van Duijnhoven. Wat heeft de afgelopen decennia in Brukske het verschil gemaakt, of wat zat juist in de weg? Waar kunnen we op voortbouwen en op welke vlakken hebben we juist nieuwe samenwerkingen en instrumenten nodig?\n\nPetra van Duijnhoven is al sinds de oprichting van het Wijkplatform Brukske in 1974 betrokken en is nu voorzitter. Zij loopt het vuur uit de sloffen voor 'haar' wijk en heeft dan ook het nodige voor elkaar gekregen. Daarnaast zit ze in allerlei overkoepelende organisaties, zoals het Wijkradenoverleg en het LSA (Landelijk Samenwerkingsorgaan voor Actieve bewoners). Ze is mede-initiatiefnemer van de Coöperatie GlaswebVenray en al jarenlang raadslid voor het CDA.",
      },
      {
        key: 'ahmed-marcouch',
        name: 'Ahmed Marcouch',
        role: 'Burgemeester',
        organisation: 'Gemeente Arnhem',
        bio: 'Ahmed Marcouch heeft de wijk vanuit allerlei perspectieven en domeinen gezien. In het verleden was hij werkzaam in de zorg, het onderwijs en bij de politie. Maar ook als gemeenteraadslid, stadsdeelvoorzitter en Tweede Kamerlid. Nu, als burgemeester van Arnhem, zei hij in zijn nieuwjaarstoespraak: “Corona maakt pijnlijk duidelijk dat kwetsbare wijken nog kwetsbaarder worden. En dat is waarom onze aanpak om de achterstand in kwetsbare buurten met voorrang in te gaan halen, nu onontkoombaar is geworden voor onze beschaafde samenleving.” Wat betekent dit voor de prioriteiten voor de toekomstige minister van wijken?',
      },
      {
        key: 'harry-van-der-molen',
        name: 'Harry van der Molen',
        role: 'Tweede Kamerlid',
        organisation: 'Tweede Kamer',
        bio: 'Harry van der Molen was als wethouder in Leeuwarden één van de eerste die samenwerking met een BewonersBedrijf aanging in de wijk Heechterp-Schieringen. Hij koos daarmee voor een nieuwe manier van samenwerken tussen gemeente en bewoners: “Voor elke euro die ik investeerde, kreeg ik twee euro sociale impact terug. Ik merkte dat de leefbaarheid verbeterde doordat mensen zonder baan nu toch mee konden draaien in het wijkbedrijf. Dat is precies de verantwoordelijkheid van de gemeente: mensen inschakelen die aan de kant staan.” Als Tweede Kamerlid zet hij zich onder andere in om bewoners meer mogelijkheden te bieden op zo’n manier bij te dragen aan een leefbare wijk. Op welke manieren kan een toekomstige Minister van Wijken daaraan bijdragen?',
      },
      {
        key: 'marco-pastors',
        name: 'Marco Pastors',
        role: 'Directeur',
        organisation: 'Nationaal Programma Rotterdam Zuid (NPRZ)',
        bio: 'Marco Pastors was als wethouder al verantwoordelijk voor ruimtelijke ordening en volkshuisvesting in Rotterdam. Sinds 2012 is hij directeur Nationaal Programma Rotterdam Zuid (NPRZ). Het NPRZ werkt aan een nieuw perspectief voor Rotterdam-Zuid met een sterke focus op werk, onderwijs en wonen. Met welke lessen uit het NPRZ zou de toekomstige minister van wijken absoluut aan de slag moeten?',
      },
      {
        key: 'tanja-jadnanansing',
        name: 'Tanja Jadnanansing',
        role: 'Stadsdeelvoorzitter Amsterdam Zuidoost',
        organisation: 'Gemeente Amsterdam',
        bio: 'Voor Tanja Jadnanansing, nu stadsdeelvoorzitter van Amsterdam Zuid-Oost en voorheen Tweede Kamerlid, gaan leefbaarheid en veiligheid hand in hand. Eerder noemde ze veiligheid en specifiek wapenbezit onder jongeren al een ‘veelkoppig monster’ en zou dat in zijn totaliteit aangepakt moeten worden. Dat betekent niet alleen meer politie op straat, maar ook investeren in jongerenwerk en een sterke rol voor bewoners. Hoe kan de toekomstige Minister van Wijken op deze ervaringen voortbouwen?',
      },
    ],
    programme: [
      {
        key: 'opening',
        startsAt: c.at('2021-01-28T13:00'),
        endsAt: c.at('2021-01-28T14:00'),
        title: 'Opening in de studio',
        subtitle: 'Waarom de buurt alle aandacht verdient',
        description:
          'Lucas de Man trapt de Dag van de Buurt af. Dave Ensberg-Kleijkers neemt het stokje over en geeft antwoord op de vraag waarom de buurt alle aandacht verdient. We geven het startschot voor een nieuwe leeragenda en leernetwerk wijkaanpak en blikken terug met Jos van der Lans en Petra van Duijnhoven: wat kunnen we leren van de wijkaanpak die in 2008 startte?',
        speakers: ['hadassah-de-boer', 'lucas-de-man', 'dave-ensberg-kleijkers', 'jos-van-der-lans', 'petra-van-duijnhoven'],
      },
      {
        key: 'ronde-1',
        kind: 'round',
        startsAt: c.at('2021-01-28T14:00'),
        endsAt: c.at('2021-01-28T14:50'),
        title: 'Workshops ronde één',
        description: 'Kies één sessie om dieper in te gaan op een thema dat je interessant vindt.',
      },
      {
        key: 'ronde-2',
        kind: 'round',
        startsAt: c.at('2021-01-28T15:00'),
        endsAt: c.at('2021-01-28T15:50'),
        title: 'Workshops ronde twee',
        description: 'Kies één sessie. Sessies die je in ronde één al volgde, kun je niet nog eens kiezen.',
      },
      {
        key: 'slot',
        startsAt: c.at('2021-01-28T16:00'),
        endsAt: c.at('2021-01-28T17:00'),
        title: 'Slot in de studio',
        subtitle: 'Waar moet een toekomstig Minister van Wijken echt mee aan de slag?',
        description:
          'We zien elkaar weer terug in de studio en kijken vooruit, met de deelnemers van de dag en met tafelgasten Ahmed Marcouch, Harry van der Molen, Marco Pastors en Tanja Jadnanansing.',
        speakers: ['hadassah-de-boer', 'ahmed-marcouch', 'harry-van-der-molen', 'marco-pastors', 'tanja-jadnanansing'],
      },
    ],
    workshops: [
      // Ronde één (the first three also run in ronde twee)
      {
        key: 'abcd-in-de-wijkaanpak',
        title: 'ABCD in de wijkaanpak: van binnenuit met bewoners als programmamakers',
        description:
          'In deze sessie gaan we verkennen wat er gebeurt als je een wijkaanpak/-verbetering op basis van een aantal Asset Based Community Development (ABCD) pijlers ontwikkelt: bewoners als programmamakers, professionals als participanten, buurtaanbod als leidraad. Het wordt een zapsessie langs mogelijkheden en omkeringen, klein kijken en de kunst van het kantelen van wijksturings- en participatie-dogma’s. Over het revolutionaire gehalte van een breiclub, met inspiratie voor het vinden van onverwachte partners. Misschien ga je wel een heel ander wijkplan optuigen na deze sessie of iets kleins uitproberen dat grote gevolgen heeft… In ieder geval krijg je daarvoor allerlei haakjes aangereikt.\n\nBegeleider van de sessie is Birgit Oelkers, thuis in Asset Based Community Development (ABCD) en buurtwerk, trainer, praktijkcoach, initiatiefnemer en sociaal ondernemer.\n\nHeb je specifieke vragen of zelf een praktijkvoorbeeld waar je meer mee wilt, geef ze van te voren even door via het contactadres bij deze sessie.',
        contributors: [{ name: 'Birgit Oelkers' }],
        capacity: 25,
        rounds: both,
        contact: { name: 'Birgit Oelkers', email: 'birgit.oelkers@example.org', phone: '06-00000101' },
      },
      {
        key: 'nieuwe-wijkgericht-werken',
        title: 'Het nieuwe wijkgericht werken: organisatievorm, rollen en competenties',
        description:
          'De leefbaarheid van een wijk is het product van de inspanningen van verschillende groepen en organisaties. In deze deelsessie gaan we, aan de hand van voorbeelden uit ons eigen praktijk en typeringen die uit onderzoek in diverse steden zijn afgeleid, op zoek naar wat organisaties en medewerkers in het wijkgericht werken succesvol maakt. Samen met de deelnemers aan de sessie kijken we naar drie aspecten van het nieuwe wijkgericht werken: de organisatievorm, de rol van de wijkfunctionaris en de bijbehorende competenties. Allereerst bespreken we organisatievormen van wijkgericht werken. Waar is de organisatie op gericht en wat betekent dit voor de wijkfunctionaris? Het werken in de wijk krijgt verschillende invullingen – maar welke invulling past het beste bij wat de wijk nodig heeft en hoe de organisatie is ingericht? De vraag welke competenties de wijkfunctionaris nodig heeft maakt de verkenning van het nieuwe wijkgericht werken compleet.\n\nDoor: Jetze van der Ham (Platform31), Willem Stam (Gemeente Den Helder) en Han van Geel (Gemeente Zutphen).',
        contributors: [
          { name: 'Jetze van der Ham', organisation: 'Platform31' },
          { name: 'Willem Stam', organisation: 'Gemeente Den Helder' },
          { name: 'Han van Geel', organisation: 'Gemeente Zutphen' },
        ],
        capacity: 25,
        rounds: both,
      },
      {
        key: 'burgerbegroting',
        title: 'Zeggenschap door geld: de burgerbegroting',
        description:
          'In deze sessie kijken we naar burgerbegroten als een instrument voor echte zeggenschap in de wijk en gemeente. Bewoners die samen de handen uit de mouwen steken om te onderzoeken waar de wijk echt bij gebaat is. Zelf de agenda gaan setten of resetten. Wat minder of anders kan. Wat slimmer georganiseerd kan worden, of er anderen zijn die daar aan mee kunnen werken. En wat dat betekent voor de begroting; met posten schuiven, korten op sommige onderwerpen en nieuwe investeringskeuzes maken. Met de echte ervaringen uit de laatste 10 jaar in Nederland en Vlaanderen kijken we wanneer een burgerbegroting echt gaat vliegen en de wijk er sterker van wordt, maar ook wanneer het stokt. Hoe het proces van deliberatie bijdraagt aan de lokale democratie, maar ook hoe het politiek kwetsbaar is. Dat werken aan een burgerbegroting klein kan beginnen, maar dat het (zoals onze Zuiderburen laten zien) ook een groots en meeslepend veranderproces kan worden. Zowel voor organisaties als de lokale democratie.\n\nJoop Hofman (Rode Wouw) publiceerde het eerste boekje over Burgerbegroting in Nederland en heeft bij zeven verschillende gemeenten in Nederland en België het proces van burgerbegroting ingevoerd.',
        contributors: [{ name: 'Joop Hofman', organisation: 'Rode Wouw' }],
        capacity: 25,
        rounds: both,
      },
      {
        key: 'groningen-experimenteert',
        title: 'Groningen experimenteert met zeggenschap',
        description:
          'In de gemeente Groningen is men in 2017 gestart met experimenteren in het gebiedsgericht werken en democratische vernieuwing. In vijf unieke experimenten in verschillende wijken is men aan de slag gegaan om te ontdekken wat de meest werkzame bestanddelen zijn van een succesvol samenspel tussen bewoners, college, raad en ambtenaren. De initiatieven verschillen in de mate van zeggenschap die de burgers hebben en de manier waarop het gesprek wordt gevoerd. De Coöperatieve Wijkraad Oosterparkwijk is hierin het meest vergaand. Gelote bewoners hebben hier zelf de zeggenschap over zaken die de wijk aangaan. Samen met raadsleden geven zij actief het beleid vorm. Dit is een grote uitdaging omdat dit het systeem raakt. Maar het gaat ook over werkwijzen, de manier waarop we processen organiseren en houding en gedrag. In Groningen is veel werk gemaakt van evalueren. In deze sessie delen ze de geleerde lessen.\n\nDoor: Liesbeth van de Wetering (Gemeente Groningen).',
        contributors: [{ name: 'Liesbeth van de Wetering', organisation: 'Gemeente Groningen' }],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'project-o-overvecht',
        title: 'Samen werken aan Opgaven in wijk Overvecht (Project O)',
        description:
          'Project O bouwt aan lerende omgeving (ecosysteem) waar aan Opgaven gewerkt wordt. Dit doen we door Ontmoeten, Ontdekken, Ontwikkelen, Organiseren en Ondervinden. In samenwerking door Ondernemers, Onderwijs, Organisaties, Overheden en Overvechters. Aan de hand van twee Opgaven (KOKEN030 en Heel Overvecht Fietst) krijg je inzicht in de benadering van Project O, de kansen en successen, maar ook de hobbels. Je krijgt de handvaten om de principes en lessen vanuit Project O toe te passen op je eigen opgave.\n\nDoor: Arjen van Ree (initiatiefnemer Project O).',
        contributors: [{ name: 'Arjen van Ree', organisation: 'Project O' }],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'vastgoed-voor-de-buurt',
        title: 'Vastgoed voor de buurt',
        description:
          'Een succesvolle wijkaanpak kan niet zonder een goede infrastructuur van maatschappelijk vastgoed. Plekken voor ontmoeting, ontwikkeling, zichtbaarheid en herkenning, ondernemerschap en belangrijke publieke diensten. En juist dat vastgoed staat onder druk. Buurthuizen en bibliotheken zijn veelvuldig gesloten, schoolgebouwen en kerken worden omgebouwd tot woningen net als kleine hoekwinkelpanden. Rafelranden worden herontwikkeld en kunstenaars raken in rap tempo ateliers, expositieruimtes en broedplaatsen kwijt. De publieke ruimte moet op veel plaatsen wijken voor de commerciële ruimte, met als uithangbord de cappuccino barretjes in de stad.\n\nMaurice Specht en Arie Lengkeek bestudeerden vanuit de praktijk een aantal wegen voorwaarts voor het duurzaam vergemeenschappelijken van vastgoed. Een schets van regels, voorwaarden, arrangementen die maken dat een andere uitkomst mogelijk is. Die maken dat vastgoed behouden blijft voor, beheerd wordt door, en beschikbaar is voor toekomstige gemeenschappen.',
        contributors: [{ name: 'Maurice Specht' }, { name: 'Arie Lengkeek' }],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'innoveren-in-de-wijkaanpak',
        title: 'Innoveren in de wijkaanpak',
        description:
          'Een wijkaanpak waar innovaties worden gestimuleerd en waar systematisch wordt geleerd van lokale praktijken. Wat is daarvoor nodig? We vragen het aan innovators en experts die innovatieprogramma’s ontwikkelen. Met die lessen gaan we in gesprek met de deelnemers: hoe worden innovaties in jouw wijk gestimuleerd? Op welke manier wordt het leren georganiseerd? Hoe borg je de lessen? Resultaat: inspiratie en inzichten om aan de slag te gaan met je eigen innovatieve wijkaanpak.\n\nDoor: Jornt van Zuylen (Gemeente Den Haag en Ministerie van Binnenlandse Zaken en Koninkrijksrelaties) en Suzanne Potjer (Twynstra Gudde).',
        contributors: [
          {
            name: 'Jornt van Zuylen',
            organisation: 'Gemeente Den Haag en Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
          },
          { name: 'Suzanne Potjer', organisation: 'Twynstra Gudde' },
        ],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'energietransitie-als-vliegwiel',
        title: 'De energietransitie als vliegwiel voor een leefbare buurt',
        description:
          'Hoe kunnen we de energietransitie benutten om de leefbaarheid te verbeteren? In veel buurten die ‘van het aardgas af’ gaan, is de energietransitie niet de enige opgave. Er liggen allerlei kansen om de buurt niet alleen duurzaam, maar ook sociaal toekomstbestendig te maken. In deze sessie laten Matthijs Uyterlinde en Anne Kunst (Platform31) zien hoe gemeenten deze uitdaging oppakken in het experimentenprogramma ‘Verduurzaming van Kwetsbare Wijken’. Op basis van de ervaringen met Sunny Selwerd, de integrale wijkaanpak in de Groningse wijk Selwerd, gaan we in gesprek over hoe de gemeente, bewoners en wijkpartners kunnen samenwerken aan een gezonder en prettiger leefklimaat.',
        contributors: [
          { name: 'Matthijs Uyterlinde', organisation: 'Platform31' },
          { name: 'Anne Kunst', organisation: 'Platform31' },
        ],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'buurtagenda-in-een-uur',
        title: 'Buurtagenda in een uur',
        description:
          'Hoe maak je een buurtagenda, waarin zowel bewoners als beleidsmakers zich herkennen? Bewoners kennen hun buurt als geen ander en weten wat er speelt. Maar de gemeente, woningcorporaties en andere partijen werken ook aan en in de wijk. In deze workshop gaan Platform31 en Movisie met deelnemers aan de slag met het opstellen van een buurtagenda. Deelnemers krijgen in de workshop inzicht in het verzamelen van cijfers en verhalen over hun buurt. Hoe verbind je vervolgens de cijfers en verhalen met elkaar om tot breed gedragen agendapunten te komen? De deelnemers krijgen inzicht in verschillende manieren om kwetsbare wijken in beeld te brengen en passen dit toe op de eigen praktijk.',
        contributors: [],
        capacity: 15,
        rounds: ['ronde-1'],
      },
      {
        key: 'van-initiatief-tot-impact',
        title: 'Van initiatief tot impact: strategie, tactiek en uitvoering voor veiligheidsinitiatieven',
        description:
          'Veiligheidsinitiatieven zijn in opkomst. Bewoners die samen initiatief nemen in bijvoorbeeld een buurtpreventieproject, appgroep, buurtvaders of een platform voor dialoog en contact en verkeersveiligheidsinitiatieven. Denkers en doeners die in meer of mindere samenwerking zoeken met overheid en politie. Wat bepaalt of een veiligheidsinitiatief succesvol is? Hoe vertaal je die missie naar dagelijkse acties van een buurtpreventieteam of appgroep? Hoe kan het dat iedereen het eens is dat de bijdrage van burgers in de veiligheid en leefbaarheid groot is maar de relatie met gemeente en politie nergens geregeld wordt?\n\nLucien Stöpler van Veiligheidsinitiatief neemt je mee in zijn ervaringen hoe je hun meerwaarde voor de samenleving te vergroten. Hij beschrijft wat initiatieven vitaal maakt en hoe je met die kennis leden motiveert, ze aanstuurt en samen serieus te nemen effecten behaalt. Lucien heeft jarenlange ervaring als begeleider van veiligheidsinitiatieven en is voorzitter van de landelijke vereniging Veiligheidsinitiatief.',
        contributors: [{ name: 'Lucien Stöpler', organisation: 'Veiligheidsinitiatief' }],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'leeragenda-vertrouwen',
        title: 'Nieuwe leeragenda wijkaanpak - Vertrouwen in instituties en elkaar',
        description:
          'In deze sessie formuleren we samen een nieuwe leeragenda voor de Wijkaanpak. Een eerste concept is gemaakt door Movisie en Platform31. Daarover gaan we graag met gesprek: hoe zorgen we voor een geschikt aanbod voor jullie leervragen? Hoe kunnen gemeenten samen met wijkprofessionals het vertrouwen herstellen en burgers toekomstperspectief bieden? En hoe kunnen wijkprofessionals, actieve bewoners en beleidsmakers samen de toegenomen polarisatie en spanningen tussen groepen met diverse achtergronden en opvattingen in de wijk verkleinen?',
        contributors: [],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'leeragenda-preventief-signaleren',
        title: 'Nieuwe leeragenda wijkaanpak - Integraal preventief signaleren',
        description:
          'In deze sessie formuleren we samen een nieuwe leeragenda voor de Wijkaanpak. Een eerste concept is gemaakt door Movisie en Platform31. Daarover gaan we graag met gesprek: hoe zorgen we voor een geschikt aanbod voor jullie leervragen? In toenemende mate vereisen vraagstukken op het snijvlak van zorg en veiligheid om een gecombineerde aanpak van preventie en repressie: Hoe kan het versterken van de sociale basis in wijken hand in hand gaan met sociale herovering? Wat vraagt dit van de samenwerking tussen uiteenlopende professionals en bewoners?',
        contributors: [],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      {
        key: 'capability-approach',
        title: 'De Capability Approach in de praktijk',
        description:
          'De laatste tijd kom je de term Capability Approach steeds vaker tegen in adviezen, onderzoeken en beleidsdocumenten. De achterliggende gedachte van deze benadering is dat het welzijn van mensen niet alleen wordt bepaald door de verschillende behoeften en talenten die mensen hebben, maar ook door de (on)mogelijkheden die de omgeving hen daartoe biedt. Bij maatschappelijke vraagstukken moet je dus niet alleen kijken naar hetgeen het individu wil en kan, maar ook welke mogelijkheden de sociale omgeving biedt en wat het individu nodig heeft. Erik Jansen en Annica Brummel van de Hogeschool Arnhem en Nijmegen geven in deze sessie tekst en uitleg over de theorie en over de toepasbaarheid van deze benadering in de praktijk.',
        contributors: [
          { name: 'Erik Jansen', organisation: 'Hogeschool van Arnhem en Nijmegen' },
          { name: 'Annica Brummel', organisation: 'Hogeschool van Arnhem en Nijmegen' },
        ],
        capacity: 25,
        rounds: ['ronde-1'],
      },
      // Ronde twee
      {
        key: 'veilige-wijk-kijk-niet-weg',
        title: 'Een veilige wijk? Kijk niet weg!',
        description:
          'Binnen het Nationaal Programma Rotterdam Zuid wordt hard gewerkt aan veilige wijken. Het Openbaar Ministerie en de hele justitieketen (van reclassering tot de rechtbank) werken op een vernieuwende en wijkgerichte manier. Maximaal integraal noemt Officier van Justitie Loes van der Wees dat. Sla niet een aspect over omdat je dat lastig vindt. Overlast, onveiligheid en criminaliteit is niet prettig om te benoemen, maar wel belangrijk om in je aanpak mee te nemen. In deze workshop vertelt ze over het belang van investeren in kennis van de mensen en organisaties in je gebied. Over het samenspel dat ontstaat en dat je kunt organiseren. En over hoe je positieve acties kunt verbinden aan het aanpakken van criminaliteit en overlast. Met veel voorbeelden van acties en initiatieven uit heel Rotterdam Zuid neemt Loes je mee in hoe je dat in jouw eigen gebied kunt aanpakken.',
        contributors: [{ name: 'Loes van der Wees', organisation: 'Openbaar Ministerie' }],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'hart-voor-de-k-buurt',
        title: 'Hoe buurtplatform Hart voor de K-buurt werkt aan inclusieve burgermacht',
        description:
          'In deze sessie gaan we in op hoe actieve inwoners werken aan daadwerkelijke zeggenschap bij kwetsbare inwoners, om zo de leefbaarheid van de wijk te verbeteren. Burgerplatform Hart voor de K-buurt neemt de deelnemers mee in hun werkwijze. Ze streven naar het collectiveren en activeren van vooral de kwetsbare inwoners van Amsterdam Zuidoost. Waarbij het eigenaarschap van een vraagstuk bij de mensen zelf ligt. Movisie licht de werkzame elementen van deze werkwijze uit. Het benutten van sleutelfiguren en de georganiseerde bewoners in een buurt zijn bijvoorbeeld belangrijke factoren. In deze sessie gaan deelnemers aan de slag hoe de buurtplatformen en ambtenaren elkaar kunnen versterken.\n\nDoor: Mike Brantjes (Hart voor de K-buurt) en Roos van Schaijk (Movisie).',
        contributors: [
          { name: 'Mike Brantjes', organisation: 'Hart voor de K-buurt' },
          { name: 'Roos van Schaijk', organisation: 'Movisie' },
        ],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'corporatiesector-oude-glorie',
        title: 'De corporatiesector in oude glorie herstellen?',
        description:
          'De corporatiesector moet weer in oude glorie worden hersteld, klinkt het in de meeste verkiezingsprogramma’s. Pardon?! De sector is toch nog maar net teruggezet op haar kerntaken?? De sector had tijdens de Stedelijke Vernieuwing (1995-2015) een brede rol waarin naast het zorgen voor betaalbare woningen, gevraagd werd om te investeren in leefbaarheid, buurtcohesie, voorzieningen, openbare ruimte en zelfs in projecten rond welzijn en zorg. In korte tijd sloeg dit sentiment helemaal om. Door een aantal onverstandige investeringsbeslissingen (ten tijde van economisch zwaar weer), werden de corporaties door het Rijk teruggefloten richting hun kerntaak: zorgen voor voldoende betaalbare woningen. De pendule lijkt weer terug te zwaaien. De leefbaarheid in kwetsbare wijken staat onder druk. Veel corporaties worden opgeroepen mee te doen aan de gebiedsgerichte aanpak. Hoe gaan corporaties hiermee om? Moet de sector in oude glorie worden hersteld en wat betekent dat eigenlijk concreet? Welke rol in de wijken past de woningcorporatie in het huidige tijdsgewricht?\n\nJeroen van der Velden (Platform31) gaat in gesprek met René Scherpenisse, directeur/bestuurder bij corporatie Tiwos (Tilburg) over hoe Tiwos hun rol invult, welke veranderingen corporaties zien en wat dit concreet betekent voor de aanpak in hun kwetsbare wijken de komende jaren.',
        contributors: [
          { name: 'Jeroen van der Velden', organisation: 'Platform31' },
          { name: 'René Scherpenisse', organisation: 'Tiwos' },
        ],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'afrikaanderwijk-cooperatie',
        title: 'Met wijkeconomie naar wijkontwikkeling: de Afrikaanderwijk Coöperatie',
        description:
          'Wanneer je het Gemaal op Zuid, het huis van de Afrikaanderwijk Coöperatie, binnenloopt vind je het motto: “development without displacement”. Dat brengt de coöperatie in de praktijk door het ontwikkelen van de wijk met de mensen die er al wonen. Ze creëren werkgelegenheid en ruimte voor ondernemerschap met mensen waar dat niet vanzelfsprekend voor is. Zo leveren ze diensten op het gebied van catering, schoonmaak, vervoer, textielproductie, beheer en cultuur die uitgevoerd worden door mensen uit de wijk. Het doel is om van de Afrikaanderwijk een sterker en kapitaalkrachtiger gebied te maken met betrokken bewoners en ondernemers.\n\nIn deze sessie neemt algemeen coördinator van de Afrikaanderwijk Coöperatie, Annet van Otterloo, ons mee in de ontwikkeling van een lokaal gewortelde economie die werkt voor de mensen die er wonen. Het waarom en wat er voor nodig is om dit te laten groeien.',
        contributors: [{ name: 'Annet van Otterloo', organisation: 'Afrikaanderwijk Coöperatie' }],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'wijkaanpak-en-de-commons',
        title: 'Wijkaanpak en de ‘commons’',
        description:
          'Wijkaanpak en de ‘commons’. Twee begrippen die op het eerste gezicht ver van elkaar staan. In deze sessie laten we het tegendeel zien. Als je het over de ‘commons’ hebt, gaat het over hoe je gezamenlijk gebruik kan maken van gemeenschappelijk bezit. Denk bijvoorbeeld aan parken of gebouwen die door iedereen te gebruiken zijn. Het Commons Network uit Amsterdam en het Commons lab uit Antwerpen gaan samen op verkenning om te kijken hoe de gedachte van de commons kan bijdragen aan betere wijken en buurten. Vanuit de basisprincipes van de common aanpak word je in deze workshop meegenomen langs concrete voorbeelden vanuit Amsterdam en Antwerpen waarbij theorie van de commons in praktijk wordt gebracht.',
        contributors: [],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'sociale-basis-heroveren',
        title: 'Sociale basis heroveren op het sociaal domein!',
        description:
          'Hebben we de decentralisaties in het sociaal domein net achter de rug; wordt de ‘Sociale basis’ alweer geïntroduceerd. En geen wonder, want ‘sociaal’ is per definitie niet thuis in een ‘domein’. Wel in de lokale gemeenschap. Dat is de plek waar netwerken van gedreven bewoners alledaagse zorg en ondersteuning het effectiefst kunnen oppakken. Met ondersteuning van professionals, waar de draaglast de draagkracht overstijgt. Toch gaat dit niet vanzelf. De lokale gemeenschap moet voor een deel weer leren om ‘Sociale basis’ te zijn. En het sociaal domein moet leren om de ‘Sociale basis’ de ruimte te geven, te faciliteren en zich te begrenzen tot die vraagstukken, die het alledaagse overstijgen.\n\nIn deze sessie laat Han van Geel (Gemeente Zutphen/LPB) zien hoe in Zutphen gemeenschap bouwen en zorg&ondersteuning sinds 1994 elkaar afwisselden in de opdracht van de lokale welzijnsorganisatie. En hoe beide invalshoeken in de nieuwe opdracht onderling versterkend worden gecombineerd. Mariel van Pelt (Movisie/HAN) zal aan de hand van haar onderzoek presenteren hoe dit tot een nieuwe handelingspraktijk van sociaal werkers kan leiden. Aan het eind van de sessie inventariseren we de ideeën van de deelnemers om de ‘Sociale basis’ op het Sociaal domein te heroveren.\n\nNa deze sessie heb je inzicht in de handelingspraktijk van de sociaal werker voor de ‘Sociale basis’. Met je ideeën help je het leernetwerk om kansrijke strategieën voor de ‘Sociale basis’ te ontwikkelen.',
        contributors: [
          { name: 'Han van Geel', organisation: 'Gemeente Zutphen/LPB' },
          { name: 'Mariel van Pelt', organisation: 'Movisie/HAN' },
        ],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'leeragenda-gemengde-wijken',
        title: 'Nieuwe leeragenda wijkaanpak - gemengde wijken',
        description:
          'In deze sessie formuleren we samen een nieuwe leeragenda voor de Wijkaanpak. Een eerste concept is gemaakt door Movisie en Platform31. Daarover gaan we graag met gesprek: hoe zorgen we voor een geschikt aanbod voor jullie leervragen? Lange tijd werd het mengen van verschillende soorten woningen en bewoners als middel gezien om wijken te verbeteren, maar dit ideaal lijkt naar de achtergrond verdwenen. De afgelopen jaren kregen veel buurten te maken met ‘superdiversiteit’ en een instroom van kwetsbare bewoners. Nu streven we naar inclusieve wijken. Maar wat betekent dat in de praktijk? Hoe maken we wijken waar iedereen zich welkom voelt?',
        contributors: [],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'lessen-uit-de-stadsvernieuwing',
        title: 'Lessen uit de stadsvernieuwing voor verduurzaming',
        description:
          'De belangrijkste les uit de stadsvernieuwingsperiode is dat het fysiek ingrijpen in woningen en woonomgeving alleen maar lukt als vanaf de eerste stap het perspectief van de bewoners leidend is in het proces. Investeren in actieve participatie, variërend van inspraak, medezeggenschap tot mede-eigenaarschap lijkt een lange weg, maar is onontkoombaar om tot een goed resultaat te komen. Net als bij de stadsvernieuwing, krijgt de energietransitie vorm in de wijkgerichte aanpak. In Nederland gaat het om ruim 13.000 buurten en dorpen (indeling CBS), waarbij elke buurt weer volkomen anders is. Het zoeken naar blauwdrukken voor zo’n wijkgerichte aanpak is zinloos. Wel zijn er werkzame principes aan te wijzen, zoals beginnen vanuit de belevingswereld van de mensen in de wijk. Wat bindt mensen aan hun buurt, waarom wonen ze er graag en hoe kunnen we gemeenschappen versterken? Bouwen aan draagvlak voor verduurzaming begint met het versterken van lokale gemeenschappen en het oppakken van sociale vraagstukken in de buurt. Net als in de stadsvernieuwing kan de energietransitie werken als hefboom om buurten te revitaliseren.\n\nDoor: Paul Vlaar (mede-oprichter Hoogkamp Energie en initiator #Krachtproef Energie).',
        contributors: [{ name: 'Paul Vlaar', organisation: 'Hoogkamp Energie' }],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'sociaal-fysieke-wijkaanpak',
        title: 'Sociaal-fysieke wijkaanpak: hoe doe je dat?',
        description:
          'In sommige wijken tref je een stapeling van problemen aan. Dan is een integrale aanpak nodig met sociale en fysieke maatregelen, waarbij het toekomstperspectief van bewoners centraal staat. Zo’n integrale aanpak vraagt om goede samenwerking tussen bewoners, gemeente, woningcorporaties, politie, scholen, zorg, welzijn en ondernemers in de wijk. En om een lange adem. In deze workshop blikken we terug en vooruit, op basis van ervaringen in Zaanstad (Poelenburg/Peldersveld), Kerkrade (Rolduckerveld) en Rotterdam (Nationaal Programma Rotterdam Zuid). Wat zijn geleerde lessen en wat er nodig is om te zorgen dat wijkvernieuwing bewoners vooruithelpt?\n\nDoor: Sandy Deckers (Stadsregio Parkstad Limburg), Marijn Freud (gemeente Zaanstad), Astrid Kroos (NPRZ), Matthijs Uyterlinde en Simone ’t Hooft (Platform31).',
        contributors: [
          { name: 'Sandy Deckers', organisation: 'Stadsregio Parkstad Limburg' },
          { name: 'Marijn Freud', organisation: 'Gemeente Zaanstad' },
          { name: 'Astrid Kroos', organisation: 'NPRZ' },
          { name: 'Matthijs Uyterlinde', organisation: 'Platform31' },
          { name: 'Simone ’t Hooft', organisation: 'Platform31' },
        ],
        capacity: 25,
        rounds: ['ronde-2'],
      },
      {
        key: 'bouwen-aan-buurtgeluk',
        title: 'Bouwen aan buurtgeluk',
        description:
          'Hoe kan fysieke wijkverbetering (met renovatie, sloop en nieuwbouw) bijdragen aan het woongenot van bewoners? Met voorbeelden uit de praktijk laten we zien welke verandering nieuwbouw (of een andere fysieke ingreep) teweeg kan brengen. Ontwikkelaar ERA Contour heeft in veel stadsbuurten ervaring met het samen ontwerpen met bewoners en voor de ontwerpprijsvraag Panorama Lokaal van de Rijksbouwmeester ontwikkelden ontwerpteams creatieve ideeën voor wijken aan de stadsranden. We gaan in gesprek over hoe bewoners, gemeente, marktpartijen en ontwerpers samen kunnen bouwen aan buurten waar bewoners zich thuis voelen.\n\nDoor: Yffi van den Berg (conceptontwikkelaar ERA Contour), Jeffrey Bolhuis (AP+E Design en Research), Frank Wassenberg en Mees Zonneveld (Platform31).',
        contributors: [
          { name: 'Yffi van den Berg', organisation: 'ERA Contour' },
          { name: 'Jeffrey Bolhuis', organisation: 'AP+E Design en Research' },
          { name: 'Frank Wassenberg', organisation: 'Platform31' },
          { name: 'Mees Zonneveld', organisation: 'Platform31' },
        ],
        capacity: 15,
        rounds: ['ronde-2'],
      },
    ],
    contacts: [
      {
        purpose: 'general',
        name: 'Lotte Jansen',
        role: 'Organisatie Dag van de Buurt',
        email: 'lotte.jansen@example.org',
        phone: '06-00000102',
      },
    ],
    registration: {
      mode: 'form',
      closesAt: c.at('2021-01-28T12:00'),
      // Workshop capacity counts per round: 12 × 25 + 15 = 315 seats in each round,
      // so every registrant can get one session per round.
      capacity: 300,
      waitlist: true,
    },
    price: null,
  };
}

import type { EventDocumentInput } from '../../domain/events/document';
import { demoClock } from '../clock';

/*
 * Seed 003: three-day residential workshop in Doorn, maandag 21 t/m woensdag 23
 * november 2022, 9:30–17:00, by Platform31 with Van Vieren. € 1.800 per person excl.
 * btw, including accommodation. The contact persons' surnames, phone numbers and
 * e-mail addresses are fictional, and so is the venue's street address.
 */
export function build(now: Date): EventDocumentInput {
  const c = demoClock(now, '2022-11-21', 13);
  const days = ['2022-11-21', '2022-11-22', '2022-11-23'];

  return {
    slug: 'werkplaats-wijkontwikkeling',
    title: 'Werkplaats ‘Werken aan wijkontwikkeling’',
    subtitle: 'Driedaagse voor mensen die de kloof willen dichten',
    summary:
      'Een driedaagse werkplaats voor mensen die de kloof willen dichten en gelijke kansen willen creëren voor burgers die leven in wijken waar die kansen niet vanzelfsprekend zijn. Georganiseerd door Platform31 en Van Vieren.',
    status: 'published',
    format: 'on_site',
    organisers: [
      { slug: 'platform31', name: 'Platform31', website: 'https://www.platform31.nl', role: 'organiser' },
      { slug: 'van-vieren', name: 'Van Vieren', role: 'co_organiser' },
    ],
    sections: [
      {
        body: 'In Nederland kennen we een aantal wijken met allerlei maatschappelijke problematiek. Dat zijn helaas al jarenlang grotendeels dezelfde wijken. Hoe zorgen we nu bij een nieuwe ronde investeringen in deze wijken dat we wél blijvend de negatieve spiraal gaan doorbreken? Er zijn veel lessen te leren uit het verleden en er zijn ook zeker wenkende perspectieven. Samen met onderzoeks- en adviesbureau Van Vieren organiseert Platform31 een driedaagse voor mensen die de kloof willen dichten en gelijke kansen willen creëren voor burgers die leven in wijken waar die kansen niet vanzelfsprekend zijn.',
      },
      {
        heading: 'Waar je wieg staat, doet ertoe',
        body: [
          'Er is een aantal wijken waar de maatschappelijke problemen zich hebben opgestapeld: weinig scholing, geen werk, armoede, slechte woonomstandigheden, schulden, geweld, crimineel gedrag, lage levensverwachting (tot 10 jaar minder dan in betere wijken). Zulke wijken zijn in de loop der jaren met verschillende termen aangeduid: achterbuurten, achterstandswijken, stadsvernieuwingswijken, probleemaccumulatiegebieden, krachtwijken, prachtwijken en kwetsbare wijken. De problemen in deze wijken blijken zeer hardnekkig.',
          '',
          'Hoe zorgen we nu bij een nieuwe ronde investeringen in deze wijken dat we wél blijvend de negatieve spiraal gaan doorbreken? Dat we ervoor zorgen dat ieder kind nu echt dezelfde kansen krijgt, onafhankelijk van de wijk waarin het opgroeit? Dat we investeren in veerkracht van wijken, waardoor de kwetsbaarheid afneemt? Hoe kan de groeiende tweedeling en segregatie tussen wijken en binnen steden worden teruggedrongen en de kansengelijkheid van bewoners vergroot worden? Hoe vormen we coalities die systeembarrières kunnen slechten? Hoe kunnen burgers zelf meer aan het roer komen te staan?',
        ].join('\n'),
      },
      {
        heading: 'Wat biedt de werkplaats?',
        body: [
          'In deze werkplaats gaan we op zoek naar praktische interventies en systeemdoorbraken, interventies met perspectieven voor de langere termijn. Welke veranderingen zijn nodig en hoe pak je dat aan? Het vertrekpunt is *leading from the emerging future*.',
          '',
          'Wij bieden een werkplaats:',
          '',
          '- om systematisch en diepgaand te werken aan het verbeteren van kwetsbare wijken en aan je eigen opgave en rol daarin;',
          '- waar je met mensen werkt vanuit eenzelfde passie en die bereid zijn hun kunde en kennis, hun trots en twijfels met je te delen;',
          '- met inleidingen en begeleiding die je op scherp zet, op de proef stelt en perspectief biedt.',
          '',
          'Je werkt aan vragen als:',
          '',
          '- Wat is het krachtenveld waarbinnen ik opereer?',
          '- Wat betekent dat voor mijn samenwerken met andere partijen?',
          '- Zijn mogelijke andere manieren van kijken en benoemen van mijn vraagstuk vruchtbaar?',
          '- Hoe kan ik dat omzetten in praktisch handelen om verschil te maken?',
          '',
          'Als je vertrekt na de driedaagse:',
          '',
          '- heb je inspiratie, lol en plezier gehad;',
          '- heb je je eigen opgave herzien;',
          '- heb je anderen geholpen en geïnspireerd;',
          '- heb je nieuwe concrete handvatten voor je eigen werkpraktijk.',
        ].join('\n'),
      },
      {
        heading: 'We vragen van jou',
        body: [
          '- je dilemma’s, twijfels en kwetsbaarheid op tafel te durven leggen;',
          '- vermogen om door meerdere brillen te kunnen kijken en te reflecteren op eigen handelen; en',
          '- vooral mee te doen en te (co)produceren. Niemand blijft aan de kant staan!',
        ].join('\n'),
      },
      {
        heading: 'Hoe werken wij?',
        body: [
          'In het driedaagse programma is achteroverleunen geen optie. Denk eerder aan een bootcamp. In het programma komt aan bod:',
          '',
          '- Inspiratie uit de praktijk met inleidingen over bijvoorbeeld ontwrichting van de samenleving en gevolgen van ondermijning, het belang van het vormen van brede coalities, hoe je systeembarrières kan slechten en hoe je burgers zelf meer aan het roer kan zetten.',
          '- Theorie over nieuw publiek werken & wijkontwikkeling.',
          '- Methodiek: we gebruiken principes van theory U, viral change en design thinking.',
          '- We werken constant op een speelse wijze aan serieuze vraagstukken.',
          '- Concreet aan de slag met casuïstiek (van je zelf én van anderen).',
          '- Verbreden van instrumenten die je in je werkpraktijk kan inzetten.',
          '- Reflectie en introspectie. Iedereen heeft de mogelijkheid voor een persoonlijk gesprek met een ervaren coach die je op scherp zet.',
        ].join('\n'),
      },
      {
        heading: 'Wie zijn wij?',
        body: [
          'Net als jij werken wij bij Van Vieren en Platform31 aan publieke opgaven in kwetsbare wijken. En we delen graag onze inzichten, kennis en kunde, maar ook onze twijfels en worstelingen in dit veld.',
          '',
          '- **Van Vieren** heeft 15 jaar gewerkt in wat achtereenvolgens een achterbuurt, achterstandswijk, stadsvernieuwingswijk, probleemaccumulatiegebied, krachtwijk of prachtwijk werd genoemd. We deden dat in allerlei hoedanigheden – van gebiedsdirecteur tot stadsdeelsecretaris en van projectdirecteur tot adviseur tot onderzoeker. Recent ontwikkelden we met ‘Vruchtbare bodem, Wijkontwikkeling van de grond af aan’ een aanpak voor de komende periode. De kern is dat we systematisch de grond vruchtbaarder willen maken, bemesting, zorgvuldige bewerking en toegewijde aandacht voor al wat groeit, zodat we de kwetsbare wijk van een gezonde ecostructuur voorzien.',
          '- **Platform31** heeft in samenwerking met het Verwey-Jonker Instituut het praktijkboek ‘Slagkracht in de wijk’ samengesteld. In dit praktijkboek worden lessen en inzichten uit wetenschappelijke literatuur en praktijkonderzoek over wijkaanpak vertaald in praktische en concrete uitwerking en gekoppeld aan uiteenlopende praktijkvoorbeelden. Het praktijkboek wil niet voorschrijven ‘hoe het moet’, maar inspiratie en praktische ondersteuning bieden bij het optuigen van een domeinoverstijgende wijkaanpak.',
        ].join('\n'),
      },
    ],
    audience: {
      intro: 'Voor deze bijzondere driedaagse bijeenkomst brengen we mensen bijeen die:',
      groups: [
        'de kloof willen dichten, gelijke kansen willen creëren voor burgers die leven in wijken waar die kansen niet vanzelfsprekend zijn, die doener én denker zijn;',
        'met passie werken aan het creëren van publieke waarde om bewoners in deze wijken een veilig en leefbaar bestaan te bieden;',
        'werken bij de gemeente, een welzijnsinstelling, onderwijs of zorgverlening, sociaal en gemeenschapswerk, een impactondernemer of een maatschappelijk initiatief, een woningcorporatie of de politie;',
        'betrokken zijn als programma- of projectleider, manager, onderzoeker of uitvoerend professional of adviseur.',
      ],
    },
    venues: [
      {
        key: 'kaap-doorn',
        name: 'Kaap Doorn Conferentiecentrum',
        street: 'Postweg 9',
        postcode: '3941 KA',
        city: 'Doorn',
        directions: 'De werkplaats is een driedaagse met verblijf: de overnachtingen zijn bij Kaap Doorn en zitten in de prijs.',
      },
    ],
    meetings: days.map((day, i) => ({
      key: `dag-${i + 1}`,
      startsAt: c.at(`${day}T09:30`),
      endsAt: c.at(`${day}T17:00`),
      venue: 'kaap-doorn',
    })),
    contacts: [
      {
        purpose: 'content',
        name: 'Cisca Hoogland',
        role: 'Inhoudelijke vragen (Van Vieren)',
        email: 'cisca.hoogland@example.org',
        phone: '06-00000301',
      },
      {
        purpose: 'content',
        name: 'Imke Brouwer',
        role: 'Inhoudelijke vragen (Van Vieren)',
        email: 'imke.brouwer@example.org',
        phone: '06-00000302',
      },
      {
        purpose: 'practical',
        name: 'Romy Kramer',
        role: 'Praktische vragen (Platform31)',
        email: 'romy.kramer@example.org',
        phone: '06-00000303',
      },
    ],
    registration: {
      mode: 'form',
      closesAt: c.at('2022-09-16T23:59'),
      capacity: 24,
      waitlist: true,
      questions: [
        {
          key: 'eigen-opgave',
          label: 'Met welke opgave of casus uit je eigen werkpraktijk wil je aan de slag?',
          type: 'long_text',
          required: true,
          help: 'In de werkplaats ga je concreet aan de slag met casuïstiek, van jezelf én van anderen.',
        },
        {
          key: 'verblijf',
          label: 'Heb je wensen voor het verblijf, zoals dieetwensen of toegankelijkheid?',
          type: 'short_text',
          required: false,
        },
      ],
    },
    price: {
      amountCents: 180_000,
      vatCategory: 'standard',
      includes: 'inclusief arrangement- en verblijfskosten',
    },
  };
}

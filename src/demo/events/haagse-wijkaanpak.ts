import type { EventDocumentInput } from '../../domain/events/document';
import { isoLocal, local } from '../../kernel/dates';
import { demoClock } from '../clock';

/*
 * Seed 000 (symposium, Den Haag, woensdag 7 maart 2018) with its report, seed 001.
 * The contact person is fictional; speakers and workshop contributors are public
 * programme content and keep their names.
 */
export function build(now: Date): EventDocumentInput {
  const c = demoClock(now, '2018-03-07', 3);

  // The texts name the day ("woensdagmiddag 7 maart"); name the shifted day instead.
  const day = local(new Date(c.at('2018-03-07T12:30')));
  const dayMonth = day.toFormat('d LLLL'); // "9 december"
  const dayMonthYear = day.toFormat('d LLLL yyyy');

  const contact = { name: 'Maarten Verbeek', email: 'maarten.verbeek@example.org' };

  return {
    slug: 'haagse-wijkaanpak',
    title: 'Samen werken aan de toekomst van de Haagse wijkaanpak',
    subtitle: 'Symposium over de toekomst van de Haagse aandachtswijken',
    summary:
      'De afgelopen drie jaar gaf de Haagse wijkaanpak een impuls aan aandachtswijken. Hoe zorgen we ervoor dat de bewoners van deze wijken ook de komende jaren mee kunnen in de ontwikkelingen van de stad?',
    status: 'published',
    format: 'on_site',
    organisers: [
      { slug: 'platform31', name: 'Platform31', website: 'https://www.platform31.nl', role: 'organiser' },
      { slug: 'gemeente-den-haag', name: 'Gemeente Den Haag', website: 'https://www.denhaag.nl', role: 'co_organiser' },
    ],
    sections: [
      {
        body: [
          'Aan de vooravond van de gemeenteraadsverkiezingen rijst de vraag: “Hoe zorgen we ervoor dat de bewoners van aandachtswijken ook de komende jaren mee kunnen in de ontwikkelingen van de stad?” De afgelopen drie jaar gaf de Haagse wijkaanpak een extra impuls aan deze wijken. De stem van de bewoner staat hierin centraal.',
          '',
          'Wat houdt deze nieuwe manier van werken in? Welke lessen kunnen we hieruit trekken? Hoe zorgen we ook de komende jaren voor blijvende betrokkenheid van bewoners en maatschappelijke partners in wijken waar de problemen opgestapeld liggen? Hoe kan er binnen de gemeente en met de maatschappelijke partners beter worden samengewerkt?',
          '',
          `Wij nodigen u van harte uit om op woensdagmiddag ${dayMonth} met ons van gedachten te wisselen over bovenstaande vraagstukken.`,
        ].join('\n'),
      },
      {
        heading: 'Wat kunt u verwachten?',
        body: [
          'Wethouder Rabin Baldewsingh opent het symposium. Vervolgens kunt u zich laten inspireren door de resultaten van de Haagse wijkaanpak en presentaties van een aantal landelijke experts. Keynotes worden verzorgd door:',
          '',
          '- **Jeroen den Uyl**, partner bij Twynstra Gudde en auteur van ‘Powerswitch naar een vitale samenleving’;',
          '- **Matthijs Uyterlinde**, senior projectleider Wonen en Wijken bij Platform31;',
          '- **Igno Pröpper**, grondlegger van Opgaven gestuurd werken in Nederland.',
          '',
          'Daarna volgen deelsessies waarin we de link leggen met de Haagse wijkaanpak. Wat betekent opgaven gestuurd werken voor de beleidsambtenaar of voor de wijkprofessional en welke nieuwe samenwerkingsverbanden en ideeën kunnen we met elkaar vinden voor een inclusieve samenleving?',
          '',
          'In een afsluitend zaaldebat worden bouwstenen opgehaald voor het beleid voor de Haagse aandachtswijken in de komende jaren.',
        ].join('\n'),
      },
    ],
    audience: {
      intro:
        'Bent u politicus, beleidsmaker, wijkwerker of werkt u voor een maatschappelijke instelling? Dan is deze bijeenkomst voor u interessant.',
      groups: ['Politici', 'Beleidsmakers', 'Wijkwerkers', 'Medewerkers van maatschappelijke instellingen'],
    },
    venues: [
      {
        key: 'bazaar-of-ideas',
        name: 'Bazaar of Ideas',
        street: 'Hoefkade 9',
        postcode: '2526 BN',
        city: 'Den Haag',
      },
    ],
    meetings: [
      {
        key: 'symposium',
        startsAt: c.at('2018-03-07T12:30'),
        endsAt: c.at('2018-03-07T17:30'),
        venue: 'bazaar-of-ideas',
      },
    ],
    speakers: [
      { key: 'tom-vaessen', name: 'Tom Vaessen', role: 'Dagvoorzitter' },
      {
        key: 'rabin-baldewsingh',
        name: 'Rabin Baldewsingh',
        role: 'Wethouder Sociale Zaken, Werkgelegenheid, Wijkaanpak en Sport',
        organisation: 'Gemeente Den Haag',
      },
      {
        key: 'jeannine-molier',
        name: 'Jeannine Molier',
        role: 'Programmamanager Participatie en Wijkaanpak',
        organisation: 'Gemeente Den Haag',
      },
      { key: 'tina-ehrami', name: 'Tina Ehrami', role: 'Adviseur Wijkaanpak', organisation: 'Gemeente Den Haag' },
      {
        key: 'matthijs-uyterlinde',
        name: 'Matthijs Uyterlinde',
        role: 'Senior projectleider Wonen en Wijken',
        organisation: 'Platform31',
      },
      {
        key: 'jeroen-den-uyl',
        name: 'Jeroen den Uyl',
        role: 'Partner, auteur van ‘Powerswitch naar een vitale samenleving’',
        organisation: 'Twynstra Gudde',
      },
      {
        key: 'igno-propper',
        name: 'Igno Pröpper',
        role: 'Grondlegger van Opgaven gestuurd werken in Nederland',
        organisation: 'Partners+Pröpper',
      },
      {
        key: 'mohamed-el-achkar',
        name: 'Mohamed el Achkar',
        role: 'Directeur Publiekszaken',
        organisation: 'Gemeente Den Haag',
      },
      { key: 'hamit-karakus', name: 'Hamit Karakus', role: 'Algemeen directeur', organisation: 'Platform31' },
    ],
    programme: [
      {
        key: 'inloop',
        startsAt: c.at('2018-03-07T12:30'),
        endsAt: c.at('2018-03-07T13:00'),
        title: 'Inloop met koffie en thee',
      },
      {
        key: 'opening',
        startsAt: c.at('2018-03-07T13:00'),
        endsAt: c.at('2018-03-07T13:10'),
        title: 'Opening door dagvoorzitter Tom Vaessen',
        subtitle: 'Introductie door wethouder Rabin Baldewsingh',
        speakers: ['tom-vaessen', 'rabin-baldewsingh'],
      },
      {
        key: 'presentatie-haagse-wijkaanpak',
        startsAt: c.at('2018-03-07T13:10'),
        endsAt: c.at('2018-03-07T13:30'),
        title: 'Presentatie Jeannine Molier & Tina Ehrami over de Haagse wijkaanpak',
        speakers: ['jeannine-molier', 'tina-ehrami'],
      },
      {
        key: 'keynote-uyterlinde',
        startsAt: c.at('2018-03-07T13:30'),
        endsAt: c.at('2018-03-07T13:55'),
        title: 'Keynote Matthijs Uyterlinde (Platform31)',
        subtitle: 'Werken aan vitale wijken: kansen, knelpunten en uitdagingen',
        speakers: ['matthijs-uyterlinde'],
      },
      {
        key: 'keynote-den-uyl',
        startsAt: c.at('2018-03-07T13:55'),
        endsAt: c.at('2018-03-07T14:20'),
        title: 'Keynote Jeroen den Uyl (Twynstra Gudde)',
        subtitle: 'Burgers écht verantwoordelijk houden',
        speakers: ['jeroen-den-uyl'],
      },
      {
        key: 'keynote-propper',
        startsAt: c.at('2018-03-07T14:20'),
        endsAt: c.at('2018-03-07T14:45'),
        title: 'Keynote Igno Pröpper (Partners+Pröpper)',
        subtitle: 'Samenwerken in wijken: motor voor opgaven gestuurd werken',
        speakers: ['igno-propper'],
      },
      {
        key: 'pauze',
        startsAt: c.at('2018-03-07T14:45'),
        endsAt: c.at('2018-03-07T15:00'),
        title: 'Pauze',
      },
      {
        key: 'ronde-1',
        kind: 'round',
        startsAt: c.at('2018-03-07T15:00'),
        endsAt: c.at('2018-03-07T16:00'),
        title: 'In gesprek met lokale initiatiefnemers en experts over verschillende thema’s',
        description: 'Vijf parallelle rondetafelgesprekken. U kiest bij uw aanmelding één deelsessie.',
      },
      {
        key: 'panelgesprek',
        startsAt: c.at('2018-03-07T16:00'),
        endsAt: c.at('2018-03-07T16:25'),
        title: 'Panelgesprek',
        subtitle: 'In gesprek over de belangrijkste bevindingen uit de rondetafelgesprekken',
        speakers: ['mohamed-el-achkar', 'hamit-karakus'],
      },
      {
        key: 'afsluiting',
        startsAt: c.at('2018-03-07T16:25'),
        endsAt: c.at('2018-03-07T16:30'),
        title: 'Afsluiting door dagvoorzitter Tom Vaessen',
        subtitle: 'Bouwstenen voor vervolg',
        speakers: ['tom-vaessen'],
      },
      {
        key: 'borrel',
        startsAt: c.at('2018-03-07T16:30'),
        endsAt: c.at('2018-03-07T17:30'),
        title: 'Borrel',
      },
    ],
    workshops: [
      {
        key: 'opgavegericht-werken',
        title: 'Opgavegericht werken in de wijkaanpak',
        description:
          'Opgavegericht werken is niet meer weg te denken uit de publieke sector. Hoe geef je dit concreet gestalte? Hoe stellen we de problematiek en kansen in de wijk centraal? In het gesprek gaan we in op de processen die het voor de bewoner en partners in de wijk én voor de ambtenaar mogelijk maken om opgavegericht aan de slag te gaan door de verschillende beleidsdomeinen heen. Welke randvoorwaarden zijn er? Aan de hand van verschillende casussen worden knelpunten benoemd, waarna deelnemers oplossingen kunnen bieden in een creatieve brainstormsessie.',
        contributors: [
          { name: 'Igno Pröpper', organisation: 'Partners+Pröpper' },
          { name: 'Renzo Steijvers', organisation: 'Gemeente Den Haag' },
        ],
        capacity: 15,
        rounds: ['ronde-1'],
      },
      {
        key: 'samenwerken-netwerksamenleving',
        title: 'Samenwerken in de netwerksamenleving',
        description:
          'In de wijk ontstaan vernieuwende vormen van burgerkracht en sociaal eigenaarschap. Dit leidt tot nieuwe vormen van samenwerking tussen professionals en bewoners en gemeenschapsvorming. Denk aan vrijwilligers die zich in de buurt bezig houden met het begeleiden van kwetsbare bewoners naar professionele hulp. Welke knelpunten en kansen liggen er voor deze “community builders”? Is er ruimte voor maatwerk op wijkniveau? Wat vraagt dit van het gemeentelijk beleid en van partnerorganisaties en welke randvoorwaarden zijn belangrijk om bewoners te betrekken en betrokken bewoners beter te faciliteren? De deelnemers brengen in beeld wat er nodig is om samenwerking en partnerschap te ontwikkelen, ook in de aandachtswijken.',
        contributors: [
          { name: 'Kees Stob', organisation: 'Public Result' },
          { name: 'Nicoline Grötzebauch', organisation: 'Clubhuis de Mussen' },
          { name: 'Rob Kluiters', organisation: 'Gemeente Den Haag' },
        ],
        capacity: 20,
        rounds: ['ronde-1'],
      },
      {
        key: 'wijkprofessionals',
        title: 'Wijkprofessionals',
        description:
          'De welzijnsorganisaties, maar ook het sociale wijkzorgteam, de politie, jeugdwerk en maatschappelijk werk werken samen aan de sociale opgaven in de wijk. In de aandachtswijken laten verschillende initiatieven zien dat bewoners sneller en beter worden geholpen wanneer wijkprofessionals samenwerken met bewonersnetwerken en vrijwilligers uit de wijk. Tijdens dit rondetafelgesprek brengen we in beeld wat wijkprofessionals en andere partners in de wijk nodig hebben, om nóg efficiënter samen te werken met bewoners in de wijk. Om de kansen en knelpunten in de samenwerking inzichtelijk te maken, bespreken we een aantal initiatieven van de wijkaanpak als casus.',
        contributors: [
          { name: 'Peter Rensen', organisation: 'Movisie' },
          { name: 'Bastiaan de Jong', organisation: 'Gemeente Den Haag' },
          { name: 'Jeroen Visser', organisation: 'Gemeente Den Haag' },
        ],
        capacity: 20,
        rounds: ['ronde-1'],
      },
      {
        key: 'nieuwe-vormen-van-financiering',
        title: 'Nieuwe vormen van financiering, dichtbij de wijk',
        description:
          'Welke mogelijkheden bestaan er om bewoners ook over wijkbudgetten meer zeggenschap te geven? Aan de hand van voorbeelden uit binnen- en buitenland gaan we met de deelnemers in gesprek over concrete manieren om ook financieel ruimte te bieden aan bewoners die graag initiatieven willen ontplooien in hun wijk.',
        contributors: [
          { name: 'Hamit Karakus', organisation: 'Platform31' },
          { name: 'David Michiels', organisation: 'Gemeente Antwerpen' },
          { name: 'Thijs van Mierlo', organisation: 'LSA' },
          { name: 'Coskun Yilmaz', organisation: 'Gemeente Den Haag' },
        ],
        capacity: 20,
        rounds: ['ronde-1'],
      },
      {
        key: 'nieuwe-eisen-aan-de-ambtenaar',
        title: 'Nieuwe eisen aan de ambtenaar',
        description:
          'Is er behoefte aan een “streetwise” ambtenaar? Welke invloed heeft de intensieve samenwerking met bewoners op de vaardigheden en competenties die nodig zijn om de ambtenaar nieuwe stijl in staat te stellen goed samen te werken met bewoners en partners in de wijk? Welke organisatiecultuur, werkethiek en filosofie is nodig om de ‘streetwise’ ambtenaar in staat te stellen om opgave gestuurd te werken?',
        contributors: [
          { name: 'Jeroen den Uyl', organisation: 'Twynstra Gudde' },
          { name: 'Shakira van Steenis', organisation: 'Bureau Graswortel' },
          { name: 'Joos Meppelink', organisation: 'Gemeente Den Haag' },
        ],
        capacity: 20,
        rounds: ['ronde-1'],
      },
    ],
    contacts: [
      {
        purpose: 'general',
        name: contact.name,
        role: 'Aanmeldingen, wachtlijst en vragen over de deelsessies',
        email: contact.email,
      },
    ],
    registration: {
      mode: 'form',
      closesAt: c.at('2018-03-06T23:59'),
      capacity: 75,
      waitlist: true,
    },
    price: null,
    report: {
      title: 'Bouwstenen voor de toekomst van de Haagse wijkaanpak',
      summary: `Verslag symposium ${dayMonthYear}. Ruim 70 beleidsmakers, wijkwerkers en andere betrokkenen gingen op zoek naar bouwstenen voor het beleid voor de Haagse aandachtswijken in de komende jaren.`,
      body: reportBody(dayMonth, contact),
      attendance: 72,
      attendanceLabel: 'ruim 70',
      // The demo shows the report and the full event with its waiting list side by side,
      // so the report is published as the demo loads.
      publishedAt: isoLocal(now),
    },
  };
}

function reportBody(dayMonth: string, contact: { name: string; email: string }): string {
  return `Hoe zorgen we ervoor dat bewoners van aandachtswijken ook de komende jaren meedoen aan de ontwikkeling van de stad? De afgelopen vier jaar gaf de Haagse wijkaanpak een impuls aan deze wijken. Op ${dayMonth} maakten beleidsmakers, wijkwerkers en externe experts de balans op door geleerde lessen, verbeterpunten en bouwstenen voor vervolg in beeld te brengen.

De Haagse Wijkaanpak Nieuwe Stijl (2014-2018) moest wijkbewoners 'in hun kracht zetten' en zorgen voor het versterken van de sociale cohesie. Met dit programma geeft Den Haag invulling aan de doe-democratie, waarbij de gemeente als gelijkwaardige partner, ruimte en vertrouwen geeft aan bewoners om initiatieven te nemen voor maatschappelijke en wijkgebonden vraagstukken.

## Bouwen aan de stad van morgen

Wethouder Rabin Baldewsingh (Sociale Zaken, Werkgelegenheid, Wijkaanpak en Sport) zet zich inmiddels 3 termijnen in voor de Haagse wijkaanpak. Baldewsingh is trots op de behaalde resultaten: “In vier jaar tijd realiseerden we 41 projecten binnen de wijkaanpak, ondanks het beperkte beschikbare budget van 14 miljoen.” Hij benadrukt het belang van de stem van de inwoners:

> “De kern van de wijkaanpak is vertrouwen. Niet in de gemeentelijke organisatie, maar in de mensen om wie het gaat. Zij besteden het geld aan hun omgeving en zij willen een leefbare wijk. Mensen willen gehoord worden, meepraten en meebepalen. De wijkaanpak heeft laten zien dat wanneer je vertrouwen neerlegt bij mensen, dit niet beschaamd wordt. Je krijgt er betrokkenheid voor terug. Mensen voelen zich eigenaar van de verbetering in de wijk.”

Baldewsingh illustreert dit met het wijkbanenplan, waarmee vooral jongeren 'buiten beeld' zijn bereikt. De jeugdwerkloosheid daalde daardoor met 42 procent. Baldewsingh bedankt de aanwezigen voor hun inzet: “Jullie bouwden aan de stad van morgen. Ik ben trots op wat we hebben bereikt. Keep the fire burning!”

## Bewoner centraal

Jeannine Molier en Tina Ehrami van de gemeente Den Haag zijn actief betrokken bij de Haagse wijkaanpak. Zij benadrukken het belang van het symposium: “We moeten nadenken over de toekomst van de wijkaanpak. Wat ging goed en wat kan beter? Met dit symposium willen we op zoek naar bouwstenen die we kunnen meegeven aan de mensen die straks het stokje overnemen van het huidige college van burgemeester en wethouders.” Molier (programmamanager Participatie en Wijkaanpak bij de gemeente Den Haag) blikt terug:

> “Met de Haagse Wijkaanpak Nieuwe Stijl wilden we de stem van bewoners centraal stellen. Want niet iedereen doet mee in de participatiesamenleving. Er zijn buurten waar mensen te maken hebben met multi-problematiek. Voor deze mensen stapelen problemen zich op, zij hebben geen behoefte om hun stem te laten horen. De wijkaanpak bood middelen om deze mensen een stem te geven.”

Ehrami (adviseur Wijkaanpak bij de gemeente Den Haag) vult aan:

> “We willen samen met hen bouwen aan deze stad. Daarvoor moesten we dingen op een andere manier doen. Door dwars te liggen en uit te gaan van de noodzaak, kom je tot oplossingen waarin de bewoner centraal staat. Het verbeteren van de wijk is maatwerk. Door de vraag van de bewoner als startpunt te nemen en op kleine schaal oplossingen te bedenken, bereik je meer.”

Omdat de gemeente vanaf het begin van het programma de samenwerking zocht met bewoners, is volgens Ehrami de impact groter.

## Werken aan vitale wijken

Met de Haagse wijkaanpak zijn stappen gezet in het verbeteren van de leefbaarheid. Matthijs Uyterlinde van Platform31 onderzocht de leefbaarheidsontwikkeling in kwetsbare wijken in Nederland. Uyterlinde:

> “De economische crisis, de ingezakte woningmarkt en de versoepeling van de verzorgingsstaat drukten een stempel op het leefklimaat in kwetsbare wijken. De afgelopen vijftien jaar verbeterde de leefbaarheid in Nederland, maar er ligt nog steeds een opgave in kwetsbare wijken. De participatiesamenleving verwacht veel van de burger, maar eigen kracht komt soms moeilijk tot stand. Het stimuleren hiervan vraagt om inspanning.”

Uyterlinde analyseerde twaalf Nederlandse wijken. “In veel steden belandde de wijkaanpak in een impasse, maar Den Haag is een van de steden die na het grotestedenbeleid wél een eigen wijkenprogramma opzette.” Dit wierp vruchten af.

Aan de hand van Leefbaarometer-kaarten laat Uyterlinde zien dat de verschillen in leefbaarheid tussen Haagse wijken verminderen. Hij plaatst wel een kanttekening: “In Den Haag ligt het accent sterk op een sociale aanpak. De verduurzamingsopgave komt op ons af en ook die vraagt om een wijkgerichte aanpak. Er ligt een enorme kans om duurzaam en sociaal met elkaar te verbinden.”

## Burgers écht verantwoordelijk houden

Dat de energietransitie vraagt om een wijkgerichte aanpak benadrukt ook Jeroen den Uyl (Twynstra Gudde). Den Uyl pleit voor meer verantwoordelijkheid ‘van onderop’ en biedt handvatten om burgers verantwoordelijk te maken en te houden:

> “Stel de burger centraal. Niet als individu, maar als collectief. Kies een thema dat leeft in de wijk, ontdek waar de energie zit en ga daar ontdekkend in te werk. Fouten maken mag. Blijf leren en experimenteren.”

Ook Den Uyl wijst op de kansen die verduurzamingsopgave biedt. “Deze enorme opgave kunnen we tegelijkertijd benutten om draagvlak te organiseren bij bewoners en ze te activeren, bijvoorbeeld door werklozen op te leiden als installateur. De winst kan worden uitgekeerd in een lokale munt die de lokale economie stimuleert.” aldus Den Uyl.

## Samenwerken in wijken: motor voor opgaven gestuurd werken

Volgens Igno Pröpper (Partners+Pröpper) kunnen betrokkenen de Haagse wijkaanpak verder brengen door met elkaar te investeren in slimme werkwijzen. De opgave is daarbij sturend. Dit vraagt om aandacht voor inhoud, teamspel en persoonlijke ontplooiing. Pröpper:

> “Een slimme werkwijze kan alleen tot stand komen als de opgave helder in beeld is gebracht. Wat zijn kansen en barrières? Wat is de huidige situatie en waar willen we naartoe werken?”

Deze vragen moeten de betrokkenen gezamenlijk beantwoorden en dat gebeurde in de Haagse wijkaanpak. “De wijkaanpak in Den Haag was een succes. Er is geïnvesteerd in een goede werkwijze en de gemeente bundelde de krachten met bewoners, bedrijven, corporaties en scholen. Samen zijn jullie op zoek gegaan naar de opgave en naar wat jullie met elkaar kunnen realiseren.” Door samen te werken aan concrete initiatieven kregen de betrokkenen veel voor elkaar. Pröpper sluit af: “De wijkaanpak een aanvulling op het beleid? Nee, jullie zijn de motor.”

## Verschil maken

Voordat de aanwezigen samen bouwstenen voor de toekomst van de Haagse wijkaanpak formuleerden, gaven Mohamed el Achkar (directeur Publiekszaken gemeente Den Haag) en Hamit Karakus (algemeen directeur Platform31) nog een laatste les mee. El Achkar:

> “De participatiesamenleving vraagt om actieve ondersteuning van inwoners die minder daadkrachtig zijn. Door ze ruimte te geven en te faciliteren, ontstaan kansen. Je ziet dat we verschil hebben gemaakt met de projecten in de wijkaanpak. Veel collega’s werken al op deze manier: samen stad maken, opgaven gericht werken, terug naar de bedoeling. Het gemeentelijk apparaat beweegt al deze kant op.”

Karakus vult aan: “Focus je niet op de term wijkaanpak en politiseer dit niet. Ga op zoek naar de opgave en werk samen op basis van wederzijds commitment.” El Achkar: “Ga de wijk in en ga in gesprek met mensen uit de buurt die met projecten aan de slag zijn gegaan. Laat je inspireren!”

## Bouwstenen

> “Experimenteer, focus op de inhoud en durf keuzes te maken. Maak gebruik van energie in de stad. Het enthousiasme van betrokken inwoners slaat over.”

Dat was de belangrijkste boodschap op het symposium ‘Samen werken aan de toekomst van de Haagse wijkaanpak’. Daar gingen ruim 70 beleidsmakers, wijkwerkers en andere betrokkenen op zoek naar bouwstenen voor het beleid voor de Haagse aandachtswijken in de komende jaren. Tijdens deelsessies kregen zij verdieping op de volgende thema’s:

- opgavegericht werken in de wijkaanpak;
- samenwerken in de netwerksamenleving;
- wijkprofessionals;
- nieuwe vormen van financiering, dichtbij de wijk;
- nieuwe eisen aan de ambtenaar.

Wilt u meer weten over deze deelsessies? Mail dan naar [${contact.name}](mailto:${contact.email}).
`;
}

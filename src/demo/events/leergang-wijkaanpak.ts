import type { EventDocumentInput } from '../../domain/events/document';
import { demoClock } from '../clock';

/*
 * Seed 004: a course of four meetings (November 2021 – January 2022), one enrolment,
 * max 3 participants per municipality and max 20 municipalities, with attention to
 * the spread over policy domains. The seed lists three meetings; the fourth
 * (27 January 2022, online, "borging") is invented in the same style. The contact
 * person, the venue's postcode and the online meeting link are fictional.
 */
export function build(now: Date): EventDocumentInput {
  const c = demoClock(now, '2021-11-11', 6);

  return {
    slug: 'leergang-wijkaanpak',
    title: 'Leergang slagvaardige wijkaanpak',
    subtitle: 'Van oriënteren naar uitvoeren',
    summary:
      'Een leergang van vier bijeenkomsten voor gemeenten die willen uitzoeken hoe je een wijkaanpak organiseert met slag- en interventiekracht op lange termijn. Maximaal drie deelnemers per gemeente.',
    status: 'published',
    format: 'hybrid',
    series: 'Leernetwerk Leefbaarheid en Veiligheid',
    organisers: [
      { slug: 'platform31', name: 'Platform31', website: 'https://www.platform31.nl', role: 'organiser' },
      {
        slug: 'verwey-jonker-instituut',
        name: 'Verwey-Jonker Instituut',
        website: 'https://www.verwey-jonker.nl',
        role: 'co_organiser',
      },
    ],
    sections: [
      {
        body: [
          'De afgelopen jaren is de maatschappelijke aandacht voor de opstapeling van opgaven in wijken en buurten gegroeid. In 2021 vragen de burgemeesters van vijftien grote steden in het manifest ‘Dicht de kloof!’ om minstens 500 miljoen euro per jaar voor de gebiedsgerichte aanpak van armoede, werkloosheid, schulden, criminaliteit, en achterstelling in het onderwijs en gezondheid:',
          '',
          '> ‘De vrees bestaat dat kinderen en jongeren in deze wijken in een parallelle samenleving opgroeien.’',
          '',
          'Naar aanleiding van deze lokale beweging gaat ook het Rijk zich met het Programma Leefbaarheid en Veiligheid weer op kwetsbare gebieden richten. Maar wat werkt in een integrale wijkgerichte aanpak en hoe kan een volgend college voorbereid zijn?',
          '',
          'Om gemeenten te helpen uit de startblokken te komen met een slagvaardige wijkaanpak, biedt WijkWijzer een leergang aan van vier bijeenkomsten. Deze leergang is onderdeel van het Leernetwerk Leefbaarheid en Veiligheid en wordt georganiseerd door Platform31 en het Verwey-Jonker Instituut. We richten ons in het programma op één van de belangrijkste vragen onder gemeenten: hoe organiseer je een wijkaanpak met slag- en interventiekracht op lange termijn?',
        ].join('\n'),
      },
      {
        heading: 'Programma',
        body: 'Op basis van uw eigen vragen en behoeften worden deelnemers door de onderzoekers geïnformeerd over actuele kennis en inzichten op het terrein van de gebiedsgerichte aanpak. De opbrengst is het inzicht in eigen kennisvragen op basis van actuele (praktijk)kennis en actiepunten om weloverwogen gebiedsgericht te werk te gaan. De bijeenkomsten zijn een combinatie van presentaties van experts en actieve werksessies. De thema’s per bijeenkomst vindt u hieronder.',
      },
      {
        heading: 'Aanmelden',
        body: 'U meldt zich aan met het formulier op deze pagina. Eén aanmelding geldt voor alle vier bijeenkomsten. Vertel ons bij uw aanmelding welke vragen u in de leergang beantwoord wilt zien: daarop stemmen de onderzoekers het programma af.',
      },
    ],
    audience: {
      intro:
        'Onderschrijft uw gemeente het belang van het verkennen van de uitvoering van een slagvaardige wijkaanpak? En is er draagvlak om de planvorming onder de loep te nemen en te verbeteren? Dan kan deelname aan de leergang van waarde zijn. We lopen samen een leergang door in vier verschillende bijeenkomsten. Elke gemeente kan met maximaal drie deelnemers deelnemen, waarbij rekening wordt gehouden met de representatie van verschillende beleidsdomeinen (bijvoorbeeld onderwijs en veiligheid). Om voldoende interactie te waarborgen, gaan we uit van maximaal 20 deelnemende gemeenten.',
      groups: [
        'Gemeenten die een slagvaardige wijkaanpak willen voorbereiden of verbeteren',
        'Beleidsmedewerkers, programmamanagers en wijkregisseurs uit verschillende beleidsdomeinen, zoals onderwijs, veiligheid, zorg en wonen',
      ],
    },
    venues: [
      {
        key: 'molen-de-ster',
        name: 'Molen de Ster',
        street: 'Molenpark 2-1',
        postcode: '3531 ER',
        city: 'Utrecht',
      },
    ],
    meetings: [
      {
        key: 'bijeenkomst-1',
        title: 'Waarom een wijkaanpak? (oriëntatie)',
        startsAt: c.at('2021-11-11T14:00'),
        endsAt: c.at('2021-11-11T17:00'),
        venue: 'molen-de-ster',
        topics: [
          'Het verkennen van de urgentie en context van het vraagstuk (met introductie van bijzonder hoogleraar ‘Polarisatie en veerkracht’ Hans Boutellier)',
          'Met elkaar helder krijgen van de ambities van gemeenten',
          '‘Bezint eer ge begint’: waarom is een wijkaanpak nodig?',
        ],
      },
      {
        key: 'bijeenkomst-2',
        title: 'Wat is een wijkaanpak en wat is er nodig? (oriëntatie)',
        startsAt: c.at('2021-12-02T14:00'),
        endsAt: c.at('2021-12-02T17:00'),
        online: true,
        joinUrl: 'https://meet.example.org/leergang-wijkaanpak-2',
        topics: [
          'Actuele ontwikkelingen en het belang van schaalniveau',
          'In kaart brengen van de leefwereld van bewoners',
          'Een eerste inzicht in het afwegingskader om tot een wijkaanpak te komen',
        ],
      },
      {
        key: 'bijeenkomst-3',
        title: 'Hoe ga je aan de slag met een wijkaanpak? (bredere sessie samen met bestuurders vanuit de eigen werkpraktijk)',
        startsAt: c.at('2022-01-20T14:00'),
        endsAt: c.at('2022-01-20T17:00'),
        venue: 'molen-de-ster',
        topics: [
          'Grip op de regierol van de gemeente en belangrijke partners',
          'Werken aan gezamenlijk draagvlak voor een slagvaardige wijkenaanpak (visieontwikkeling)',
          'Do’s-and-don’ts van een slagvaardige wijkaanpak',
          'Reflectie op geleerde lessen, actuele vraagstukken en knelpunten',
          'Delen van de leerervaringen met bestuurders (verticaal leren)',
        ],
      },
      {
        key: 'bijeenkomst-4',
        title: 'Hoe houd je het vol? (borging)',
        startsAt: c.at('2022-01-27T14:00'),
        endsAt: c.at('2022-01-27T17:00'),
        online: true,
        joinUrl: 'https://meet.example.org/leergang-wijkaanpak-4',
        topics: [
          'Borging van de wijkaanpak in organisatie, begroting en samenwerkingsafspraken',
          'Monitoren en bijsturen: hoe weet je of de aanpak werkt?',
          'Van leergang naar uitvoering: de eigen actiepunten voor de komende jaren',
        ],
      },
    ],
    speakers: [
      {
        key: 'hans-boutellier',
        name: 'Hans Boutellier',
        role: 'Bijzonder hoogleraar ‘Polarisatie en veerkracht’',
        bio: 'Hans Boutellier verzorgt in de eerste bijeenkomst de introductie over de urgentie en context van het vraagstuk.',
      },
    ],
    contacts: [
      {
        purpose: 'general',
        name: 'Marloes de Graaf',
        role: 'Projectleider leergang (Platform31)',
        email: 'marloes.degraaf@example.org',
        phone: '06-00000401',
      },
    ],
    registration: {
      mode: 'form',
      capacity: 60,
      waitlist: true,
      organisationLimits: {
        perOrganisation: 3,
        maxOrganisations: 20,
        organisationKinds: ['gemeente'],
        domains: {
          options: ['Onderwijs', 'Veiligheid', 'Zorg en welzijn', 'Wonen', 'Werk en inkomen', 'Ruimte'],
          maxPerDomainPerOrganisation: 1,
        },
      },
      questions: [
        {
          key: 'vragen',
          label: 'Welke vragen wilt u in de leergang beantwoord zien?',
          type: 'long_text',
          required: true,
          help: 'Op basis van uw eigen vragen en behoeften stemmen de onderzoekers het programma af.',
        },
        {
          key: 'rol',
          label: 'Wat is uw rol binnen de gemeente?',
          type: 'single_choice',
          required: true,
          options: [
            'Beleidsmedewerker of beleidsadviseur',
            'Programmamanager of projectleider',
            'Wijkmanager of gebiedsregisseur',
            'Leidinggevende of directeur',
            'Anders',
          ],
        },
      ],
    },
    price: null,
  };
}

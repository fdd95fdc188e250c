import { z } from 'zod';
import { EventDocumentSchema } from '../../domain/events/document';
import { ChoiceChangeInputSchema, RegistrationInputSchema } from '../../domain/registration/input';

/*
 * The OpenAPI 3.1 document, generated from the same Zod schemas that validate requests
 * (OpenAPI 3.1 uses JSON Schema 2020-12, which Zod emits natively). Built once.
 */

const jsonSchema = (schema: z.ZodType) => {
  const out = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete out.$schema;
  return out;
};
const eventDocument = jsonSchema(EventDocumentSchema);
const registrationInput = jsonSchema(RegistrationInputSchema);
const choiceChangeInput = jsonSchema(ChoiceChangeInputSchema);

const problem = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: {
          type: 'string',
          enum: ['invalid', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'offer_expired', 'too_large', 'unsupported_media_type', 'rate_limited'],
        },
        message: { type: 'string', description: 'Uitleg in het Nederlands.' },
        problems: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'message'],
            properties: { path: { type: 'string', example: 'workshops.3.rounds.0' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } };

const statusFilter = {
  name: 'status',
  in: 'query',
  required: false,
  description: 'Statussen, met komma’s gescheiden. Standaard: confirmed, pending, offered, waitlisted (iedereen die een plaats heeft of wacht).',
  schema: { type: 'string', example: 'confirmed,waitlisted' },
};
const roundFilter = { name: 'round', in: 'query', required: false, description: 'Sleutel van een ronde.', schema: { type: 'string' } };
const workshopFilter = {
  name: 'workshop',
  in: 'query',
  required: false,
  description: 'Sleutel van een deelsessie: alleen wie die koos (in `round`, of in welke ronde ook).',
  schema: { type: 'string' },
};
const download = (type: string, description: string) => ({
  description,
  headers: {
    'Content-Disposition': { description: 'attachment, met een Nederlandse bestandsnaam zoals aanmeldingen-{slug}-{datum}.csv', schema: { type: 'string' } },
    'Cache-Control': { description: 'no-store: persoonsgegevens', schema: { type: 'string', const: 'no-store' } },
  },
  content: { [type]: { schema: { type: 'string', format: 'binary' } } },
});
const exportErrors = {
  400: errorResponse('Onbekende status, ronde of deelsessie'),
  401: errorResponse('Geen of een ongeldig token'),
  404: errorResponse('Onbekende slug, of niet uw evenement'),
};
const exportNote = 'Persoonsgegevens: alleen met een token van een organisator van het evenement; anders 404.';

/** Exports for the event's organisers (src/domain/exports, docs/decisions/014). */
const exportPaths = {
  '/events/{slug}/export/registrations.csv': {
    parameters: [slugParam],
    get: {
      summary: 'De aanmeldingen als CSV',
      description:
        'UTF-8 met BOM, puntkomma’s, CRLF: Excel met Nederlandse instellingen opent het met een dubbelklik. Kolomkoppen in het Nederlands; ' +
        'een cel die begint met = + - @ of een tab krijgt een apostrof ervoor. ' +
        exportNote,
      security: [{ organiserToken: [] }],
      parameters: [statusFilter, roundFilter, workshopFilter],
      responses: { 200: download('text/csv', 'De aanmeldingen'), ...exportErrors },
    },
  },
  '/events/{slug}/export/registrations.xlsx': {
    parameters: [slugParam],
    get: {
      summary: 'De aanmeldingen als Excel-bestand',
      description: 'Eén blad met een vaste kopregel met filters en datums als echte datums (Europe/Amsterdam). ' + exportNote,
      security: [{ organiserToken: [] }],
      parameters: [statusFilter, roundFilter, workshopFilter],
      responses: { 200: download('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'De aanmeldingen'), ...exportErrors },
    },
  },
  '/events/{slug}/export/attendance.pdf': {
    parameters: [slugParam],
    get: {
      summary: 'Presentielijsten (PDF, A4)',
      description:
        'Per deelsessie per ronde de bevestigde deelnemers met naam, organisatie en een vak voor de handtekening; zonder rondes één lijst per bijeenkomst. ' +
        exportNote,
      security: [{ organiserToken: [] }],
      parameters: [roundFilter, { ...workshopFilter, description: 'Sleutel van een deelsessie. Zonder: alle deelsessies.' }],
      responses: { 200: download('application/pdf', 'De presentielijsten'), ...exportErrors },
    },
  },
  '/events/{slug}/export/badges.pdf': {
    parameters: [slugParam],
    get: {
      summary: 'Naambadges (PDF, A4, 2 × 4 per vel)',
      description: 'Naam groot, organisatie eronder, de titel van het evenement klein. Standaard de bevestigde deelnemers. ' + exportNote,
      security: [{ organiserToken: [] }],
      parameters: [{ ...statusFilter, description: 'Statussen, met komma’s gescheiden. Standaard: confirmed.' }, roundFilter, workshopFilter],
      responses: { 200: download('application/pdf', 'De naambadges'), ...exportErrors },
    },
  },
} as const;

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'bijeen API',
    version: '1.0.0',
    description:
      'Evenementen lezen (openbaar) en schrijven (met een API-token van een organisator). Een document dat GET teruggeeft, ' +
      'wordt door POST geaccepteerd (met een nieuwe slug): zo kopieert u een evenement of houdt u het bij in versiebeheer.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { organiserToken: { type: 'http', scheme: 'bearer', description: 'API-token van een organisator: `npm run token`.' } },
    schemas: {
      EventDocument: eventDocument,
      RegistrationInput: registrationInput,
      ChoiceChangeInput: choiceChangeInput,
      Registration: {
        type: 'object',
        required: ['id', 'event', 'status', 'choices', 'personalUrl', 'token'],
        properties: {
          outcome: { type: 'string', enum: ['confirmed', 'waitlisted', 'pending'], description: 'Alleen in het antwoord op POST.' },
          id: { type: 'string', format: 'uuid' },
          event: { type: 'string', description: 'Slug van het evenement.' },
          status: {
            type: 'string',
            enum: ['confirmed', 'waitlisted', 'pending', 'offered', 'refused', 'cancelled', 'expired'],
            description:
              '`offered`: een vrijgekomen plaats is aangeboden en wordt vastgehouden tot `offerExpiresAt`; accepteren met POST …/accept. ' +
              '`expired`: het aanbod is niet op tijd geaccepteerd.',
          },
          position: { type: ['integer', 'null'], description: 'Plaats op de wachtlijst (1 = eerstvolgende).' },
          waitReason: { type: ['string', 'null'], enum: ['event_full', 'organisation_full', 'organisations_full', 'domain_full', null] },
          name: { type: 'string' },
          email: { type: 'string', format: 'email' },
          organisation: { type: ['string', 'null'] },
          offerExpiresAt: {
            type: ['string', 'null'],
            format: 'date-time',
            description: 'Bij `offered`: tot wanneer de plaats geaccepteerd kan worden (daarna gaat die naar de volgende op de wachtlijst); anders null.',
          },
          refusalReason: { type: ['string', 'null'], description: 'Bij `refused`: de reden die de organisatie gaf (als die er is).' },
          choices: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                roundKey: { type: 'string' },
                workshopKey: { type: 'string' },
                status: { type: 'string', enum: ['confirmed', 'pending', 'waitlisted', 'cancelled', 'refused'] },
                position: { type: ['integer', 'null'] },
              },
            },
          },
          personalUrl: { type: 'string', format: 'uri', description: 'De persoonlijke link: bekijken, keuzes wijzigen, een aangeboden plaats accepteren, annuleren, agenda.' },
          token: { type: 'string', description: 'Geheim: geeft toegang tot deze aanmelding.' },
          createdAt: { type: 'string', format: 'date-time' },
        },
      },
      Problem: problem,
      EventSummary: {
        type: 'object',
        required: ['slug', 'title', 'summary', 'status', 'format', 'startsAt', 'endsAt', 'url', 'cities', 'organisers', 'reportUrl'],
        properties: {
          slug: { type: 'string' },
          title: { type: 'string' },
          summary: { type: 'string' },
          status: { type: 'string', enum: ['published', 'cancelled'] },
          format: { type: 'string', enum: ['on_site', 'online', 'hybrid'] },
          startsAt: { type: 'string', format: 'date-time' },
          endsAt: { type: 'string', format: 'date-time' },
          url: { type: 'string', description: 'Pad op deze site, zoals het evenementdocument het geeft: /bestanden/{id}/{bestandsnaam}.' },
          cities: { type: 'array', items: { type: 'string' } },
          organisers: { type: 'array', items: { type: 'string' } },
          reportUrl: { type: ['string', 'null'], format: 'uri' },
        },
      },
      Availability: {
        type: 'object',
        properties: {
          registration: {
            type: 'object',
            properties: {
              kind: { type: 'string', enum: ['open', 'not_yet_open', 'deadline_passed', 'full', 'cancelled', 'past', 'none'] },
            },
            additionalProperties: true,
          },
          capacity: { type: ['integer', 'null'] },
          confirmed: { type: 'integer' },
          waitlisted: { type: 'integer' },
          workshops: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                workshop: { type: 'string' },
                round: { type: 'string' },
                capacity: { type: ['integer', 'null'] },
                taken: { type: 'integer' },
                placesLeft: { type: ['integer', 'null'] },
                full: { type: 'boolean' },
              },
            },
          },
        },
      },
    },
  },
  paths: {
    '/events': {
      get: {
        summary: 'Gepubliceerde evenementen, komende eerst',
        responses: {
          200: {
            description: 'Evenementen',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    upcoming: { type: 'array', items: { $ref: '#/components/schemas/EventSummary' } },
                    past: { type: 'array', items: { $ref: '#/components/schemas/EventSummary' } },
                  },
                },
              },
            },
          },
        },
      },
      post: {
        summary: 'Een evenement aanmaken uit één document',
        security: [{ organiserToken: [] }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/EventDocument' } } } },
        responses: {
          201: { description: 'Aangemaakt', content: { 'application/json': { schema: { $ref: '#/components/schemas/EventDocument' } } } },
          400: errorResponse('Ongeldig document: elk probleem met zijn veldpad'),
          401: errorResponse('Geen of ongeldig token'),
          409: errorResponse('Slug al in gebruik'),
          413: errorResponse('Document te groot'),
          415: errorResponse('Geen application/json'),
        },
      },
    },
    '/events/{slug}': {
      parameters: [slugParam],
      get: {
        summary: 'Het volledige evenement als document',
        description:
          'Met een token van een organisator van het evenement ook concepten en online links, en een `ETag` met de versie: ' +
          'stuur die in `If-Match` mee met een PUT, dan wordt alleen over die versie heen opgeslagen.',
        responses: {
          200: {
            description: 'Het evenement',
            headers: { ETag: { description: 'De versie van het evenement (alleen voor de organisatoren).', schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/EventDocument' } } },
          },
          404: errorResponse('Onbekende slug'),
        },
      },
      put: {
        summary: 'Een evenement vervangen',
        description:
          'Onderdelen worden op hun `key` herkend, zodat aanmeldingen bij rondes en deelsessies blijven bestaan. ' +
          'Is het evenement gepubliceerd, dan krijgt iedereen met een lopende aanmelding (bevestigd, wacht op goedkeuring, wachtlijst) een e-mail ' +
          'over wat voor hen verandert: datum of tijd, locatie, online deelname, programma, of de annulering. Wie een plaats heeft, krijgt er een ' +
          'bijgewerkte agenda-uitnodiging bij (bij annulering: de intrekking). Tekstuele wijzigingen (samenvatting, teksten, sprekers) geven geen e-mail.',
        security: [{ organiserToken: [] }],
        parameters: [
          {
            name: 'notify',
            in: 'query',
            required: false,
            description: '`false`: geen e-mail aan de aangemelden over deze wijziging, bijvoorbeeld omdat u hen zelf inlicht.',
            schema: { type: 'boolean', default: true },
          },
          {
            name: 'If-Match',
            in: 'header',
            required: false,
            description: 'De `ETag` van de GET waarop de wijziging is gebaseerd. Is het evenement sindsdien gewijzigd, dan 412 en wordt er niets opgeslagen.',
            schema: { type: 'string' },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/EventDocument' } } } },
        responses: {
          200: {
            description: 'Vervangen',
            headers: { ETag: { description: 'De nieuwe versie.', schema: { type: 'string' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/EventDocument' } } },
          },
          400: errorResponse('Ongeldig document, of `notify` is niet `true` of `false`'),
          401: errorResponse('Geen of ongeldig token'),
          403: errorResponse('Niet uw evenement'),
          404: errorResponse('Onbekende slug'),
          409: errorResponse('De wijziging zou aanmeldingen verliezen'),
          412: errorResponse('Het evenement is gewijzigd sinds de GET van `If-Match` (`version_changed`)'),
        },
      },
    },
    '/events/{slug}/registrations': {
      parameters: [slugParam],
      get: {
        summary: 'De aanmeldingen van een evenement (voor de organisator)',
        description: 'In volgorde van binnenkomst, met status en wachtlijstpositie. Alleen met een token van een organisator van het evenement; anders 404.',
        security: [{ organiserToken: [] }],
        responses: {
          200: {
            description: 'De aanmeldingen',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    registrations: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: {
                          id: { type: 'string', format: 'uuid' },
                          status: { type: 'string', enum: ['confirmed', 'waitlisted', 'pending', 'offered', 'refused', 'cancelled', 'expired'] },
                          name: { type: 'string' },
                          email: { type: 'string' },
                          organisation: { type: ['string', 'null'] },
                          organisationKind: { type: ['string', 'null'] },
                          domain: { type: ['string', 'null'] },
                          position: { type: ['integer', 'null'] },
                          offerExpiresAt: { type: ['string', 'null'], format: 'date-time' },
                          createdAt: { type: 'string', format: 'date-time' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          401: errorResponse('Geen of een onbekend token'),
          404: errorResponse('Geen evenement van deze organisator'),
        },
      },
      post: {
        summary: 'Aanmelden: dezelfde velden als het formulier',
        description:
          'Eén workshop per ronde in `choices` ({"ronde-1": "abcd"}). Antwoord: bevestigd, op de wachtlijst (met positie) of wacht op goedkeuring. ' +
          'Met een `Idempotency-Key`-header geeft een herhaald verzoek de eerste aanmelding terug (200) in plaats van een tweede.',
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 200 } }],
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/RegistrationInput' } } } },
        responses: {
          201: { description: 'Aangemeld', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          200: { description: 'Herhaald verzoek (zelfde Idempotency-Key): de eerste aanmelding', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          400: errorResponse('Onvolledig of onjuist: elk probleem met zijn veld'),
          404: errorResponse('Onbekend evenement'),
          409: errorResponse('Gesloten (`closed`), vol zonder wachtlijst (`full`) of al aangemeld met dit e-mailadres (`duplicate`)'),
          413: errorResponse('Groter dan 64 kB'),
          415: errorResponse('Geen application/json'),
          429: errorResponse('Te veel aanmeldingen achter elkaar; zie Retry-After'),
        },
      },
    },
    '/registrations/{token}': {
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      get: {
        summary: 'Een aanmelding lezen met het persoonlijke token',
        responses: {
          200: { description: 'De aanmelding', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          404: errorResponse('Onbekend token'),
        },
      },
      delete: {
        summary: 'Annuleren, van de wachtlijst af of een aangeboden plaats afwijzen; de vrijgekomen plaats gaat naar de wachtlijst',
        responses: {
          200: { description: 'Geannuleerd', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          404: errorResponse('Onbekend token'),
          409: errorResponse('Annuleren kan niet meer'),
        },
      },
    },
    '/events/{slug}/registrations/{id}/approve': {
      parameters: [slugParam, { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      post: {
        summary: 'Een aanmelding goedkeuren (voor de organisator)',
        description: 'Een aanmelding die op goedkeuring wacht (`pending`) wordt `confirmed`, met haar plaatsen; de bevestiging met agenda-uitnodiging gaat per mail. Nog eens goedkeuren geeft dezelfde aanmelding terug.',
        security: [{ organiserToken: [] }],
        responses: {
          200: { description: 'Goedgekeurd', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          401: errorResponse('Geen of een onbekend token'),
          404: errorResponse('Geen evenement van deze organisator, of geen aanmelding daarvan'),
          409: errorResponse('De aanmelding wacht niet op goedkeuring'),
        },
      },
    },
    '/events/{slug}/registrations/{id}/refuse': {
      parameters: [slugParam, { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
      post: {
        summary: 'Een aanmelding afwijzen (voor de organisator)',
        description:
          'Voor een aanmelding die op goedkeuring wacht, op de wachtlijst staat of een plaats aangeboden kreeg. De reden gaat mee in de mail aan de aanmelder; ' +
          'een vrijgekomen plaats gaat naar de volgende op de wachtlijst. Een bevestigde aanmelding wordt niet afgewezen maar geannuleerd.',
        security: [{ organiserToken: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } } } },
        },
        responses: {
          200: { description: 'Afgewezen', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          400: errorResponse('Ongeldige reden'),
          401: errorResponse('Geen of een onbekend token'),
          404: errorResponse('Geen evenement van deze organisator, of geen aanmelding daarvan'),
          409: errorResponse('Deze aanmelding kan niet worden afgewezen'),
        },
      },
    },
    '/registrations/{token}/accept': {
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      post: {
        summary: 'Een aangeboden plaats accepteren',
        description:
          'Alleen bij status `offered`, vóór `offerExpiresAt`. Daarna is de aanmelding `confirmed` (of `pending` als het evenement goedkeuring vraagt). ' +
          'Nog eens accepteren geeft dezelfde aanmelding terug. Te laat: 409 `offer_expired`; de aanmelding is dan `expired` en de plaats gaat naar de volgende op de wachtlijst.',
        responses: {
          200: { description: 'Geaccepteerd', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          404: errorResponse('Onbekend token'),
          409: errorResponse('Er staat geen plaats open om te accepteren (`conflict`) of het aanbod is verlopen (`offer_expired`)'),
        },
      },
    },
    '/registrations/{token}/choices': {
      parameters: [{ name: 'token', in: 'path', required: true, schema: { type: 'string' } }],
      put: {
        summary: 'De gekozen deelsessies wijzigen',
        description:
          'Eén deelsessie per ronde, zoals bij aanmelden. Een nieuwe keuze moet plaats hebben; wie op de wachtlijst van het evenement staat, mag ook een volle deelsessie kiezen. ' +
          'De plaats die vrijkomt gaat naar de eerste op de wachtlijst van die deelsessie. Kan tot het evenement begint.',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ChoiceChangeInput' } } } },
        responses: {
          200: { description: 'De aanmelding met de (gewijzigde) keuzes', content: { 'application/json': { schema: { $ref: '#/components/schemas/Registration' } } } },
          400: errorResponse('Ongeldige keuzes of een volle deelsessie: elk probleem met zijn ronde (`choices.ronde-1`)'),
          404: errorResponse('Onbekend token'),
          409: errorResponse('Het evenement is begonnen'),
          413: errorResponse('Groter dan 64 kB'),
          415: errorResponse('Geen application/json'),
        },
      },
    },
    '/events/{slug}/availability': {
      parameters: [slugParam],
      get: {
        summary: 'Live beschikbaarheid: stand van de aanmelding en plaatsen per deelsessie per ronde',
        responses: {
          200: { description: 'Beschikbaarheid', content: { 'application/json': { schema: { $ref: '#/components/schemas/Availability' } } } },
          404: errorResponse('Onbekende slug'),
        },
      },
    },
    ...exportPaths,
    '/events/{slug}/files': {
      parameters: [slugParam],
      post: {
        summary: 'Een bestand uploaden: foto van een spreker of bijlage van het verslag',
        description:
          'Multipart, met `purpose` (`speaker_photo`: JPEG, PNG of WebP, hoogstens 2 MB; `report_attachment`: PDF, hoogstens 20 MB) en `file`. ' +
          'Het soort bestand wordt bepaald uit de inhoud, niet uit de naam; SVG wordt geweigerd. Noem daarna het `id` in het document ' +
          '(`speakers[].photo.fileId`, `report.attachments[].fileId`). Openbaar zodra een gepubliceerd evenement het toont. Alleen met een token van een organisator van het evenement; anders 404.',
        security: [{ organiserToken: [] }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['purpose', 'file'],
                properties: { purpose: { type: 'string', enum: ['speaker_photo', 'report_attachment'] }, file: { type: 'string', format: 'binary' } },
              },
            },
          },
        },
        responses: {
          201: {
            description: 'Opgeslagen',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'url', 'purpose', 'filename', 'contentType', 'sizeBytes', 'sha256'],
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    url: { type: 'string', description: 'Pad op deze site, zoals het evenementdocument het geeft: /bestanden/{id}/{bestandsnaam}.' },
                    purpose: { type: 'string', enum: ['speaker_photo', 'report_attachment'] },
                    filename: { type: 'string' },
                    contentType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] },
                    sizeBytes: { type: 'integer' },
                    sha256: { type: 'string' },
                    width: { type: 'integer' },
                    height: { type: 'integer' },
                  },
                },
              },
            },
          },
          400: errorResponse('Geen `purpose` of `file`, een leeg of onleesbaar bestand, of een foto met te veel pixels'),
          401: errorResponse('Geen of een ongeldig token'),
          404: errorResponse('Onbekende slug, of niet uw evenement'),
          413: errorResponse('Te groot'),
          415: errorResponse('Geen multipart, of een soort bestand dat niet past bij `purpose`'),
        },
      },
    },
  },
} as const;

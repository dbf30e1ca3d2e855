/**
 * The OpenAPI 3.1 document of /api/v1, served by ./+server.ts. The request body schema is generated from the same zod
 * schema the endpoint validates with, so the document cannot drift from the code.
 * tests/unit/availability/openapi.test.ts checks the structure (every $ref resolves, every operation has responses and
 * exists as a route).
 */
import { availabilityApiSchema, MAX_BEDDEN_PER_EENHEID } from '$lib/domain/availability/schemas';
import { STALE_AFTER_HOURS } from '$lib/domain/availability/staleness';
import { zorgSettings } from '$lib/domain/organisation/taxonomy';
import { API_RATE_LIMIT, API_RATE_WINDOW_SECONDS } from '$lib/server/auth/api-tokens';
import { z } from 'zod';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
		io: 'input',
		target: 'draft-2020-12'
	}) as Json;
	return rest;
}

const foutResponse = (description: string, example: Json) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Fout' }, example } }
});

// ---------------------------------------------------------------------------------------------------------------------
// Beddenbeschikbaarheid (bed units)

const availabilityPaths: Json = {
	'/bed-units/{id}/availability': {
		parameters: [
			{
				name: 'id',
				in: 'path',
				required: true,
				description:
					'Id van de beddeneenheid (zie "API-tokens" in de portal: daar staan de ids van uw eenheden).',
				schema: { type: 'string', format: 'uuid' }
			}
		],
		get: {
			operationId: 'getBedUnitAvailability',
			tags: ['Beddenbeschikbaarheid'],
			summary: 'Huidige beschikbaarheid van een beddeneenheid opvragen',
			security: [{ apiToken: [] }],
			responses: {
				'200': {
					description: 'De huidige beschikbaarheid.',
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Beschikbaarheid' } } }
				},
				'400': { $ref: '#/components/responses/TokenInUrl' },
				'401': { $ref: '#/components/responses/NietGeauthenticeerd' },
				'403': { $ref: '#/components/responses/GeenToegang' },
				'404': { $ref: '#/components/responses/NietGevonden' },
				'429': { $ref: '#/components/responses/TeVeelVerzoeken' }
			}
		},
		put: {
			operationId: 'putBedUnitAvailability',
			tags: ['Beddenbeschikbaarheid'],
			summary: 'Beschikbaarheid van een beddeneenheid doorgeven',
			description: `Geeft door hoeveel bedden nu vrij zijn, als één nieuwe melding: de eenheid telt daarna weer als actueel (een melding ouder dan ${STALE_AFTER_HOURS} uur heet "verouderd"). Elke melding wordt bewaard als gebeurtenis (bron "api", met het id van het token). Het token moet horen bij de organisatie van de beddeneenheid.`,
			security: [{ apiToken: [] }],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: { $ref: '#/components/schemas/BeschikbaarheidBijwerken' },
						examples: {
							alleenVrij: { summary: 'Alleen het aantal vrije bedden', value: { vrijeBedden: 2 } },
							volledig: {
								summary: 'Met verwachte ontslagen en geplande opnames',
								value: { vrijeBedden: 1, verwachteOntslagen: 1, verwachteOpnames: 2 }
							}
						}
					}
				}
			},
			responses: {
				'200': {
					description: 'Opgeslagen; de nieuwe beschikbaarheid.',
					content: { 'application/json': { schema: { $ref: '#/components/schemas/Beschikbaarheid' } } }
				},
				'400': {
					description: 'Token in de URL, of de inhoud is geen geldige JSON.',
					content: {
						'application/json': {
							schema: { $ref: '#/components/schemas/Fout' },
							examples: {
								tokenInUrl: {
									value: {
										code: 'token_in_url',
										melding:
											'Stuur het token alleen in de header "Authorization: Bearer <token>", nooit in de URL.'
									}
								},
								ongeldigeJson: {
									value: {
										code: 'ongeldige_json',
										melding: 'De inhoud van het verzoek is geen geldige JSON.'
									}
								}
							}
						}
					}
				},
				'401': { $ref: '#/components/responses/NietGeauthenticeerd' },
				'403': { $ref: '#/components/responses/GeenToegang' },
				'404': { $ref: '#/components/responses/NietGevonden' },
				'409': foutResponse('De beddeneenheid is gearchiveerd.', {
					code: 'gearchiveerd',
					melding: 'Deze beddeneenheid is gearchiveerd; de beschikbaarheid kan niet meer worden bijgewerkt.'
				}),
				'415': foutResponse('Geen JSON gestuurd.', {
					code: 'verkeerd_inhoudstype',
					melding: 'Stuur de gegevens als JSON (Content-Type: application/json).'
				}),
				'422': foutResponse('De invoer klopt niet; "velden" zegt per veld wat er mis is.', {
					code: 'ongeldige_invoer',
					melding: 'De invoer klopt niet. Zie "velden" voor wat er mis is.',
					velden: { vrijeBedden: 'Deze eenheid heeft 6 bedden; er kunnen niet meer bedden vrij zijn.' }
				}),
				'429': { $ref: '#/components/responses/TeVeelVerzoeken' }
			}
		}
	}
};

const availabilitySchemas: Json = {
	BeschikbaarheidBijwerken: {
		...jsonSchema(availabilityApiSchema),
		description: `Nu beschikbaar: het aantal vrije bedden (0 tot en met het aantal bedden van de eenheid, hoogstens ${MAX_BEDDEN_PER_EENHEID}). Verwachte ontslagen kunnen niet meer zijn dan het aantal bezette bedden.`
	},
	Beschikbaarheid: {
		type: 'object',
		required: [
			'id',
			'naam',
			'setting',
			'aantalBedden',
			'vrijeBedden',
			'verwachteOntslagen',
			'verwachteOpnames',
			'bijgewerktOp',
			'verouderd'
		],
		properties: {
			id: { type: 'string', format: 'uuid' },
			naam: { type: 'string' },
			setting: { type: 'string', enum: zorgSettings.map((s) => s.code) },
			aantalBedden: { type: 'integer', minimum: 0 },
			vrijeBedden: { type: 'integer', minimum: 0 },
			verwachteOntslagen: { type: ['integer', 'null'], minimum: 0 },
			verwachteOpnames: { type: ['integer', 'null'], minimum: 0 },
			bijgewerktOp: {
				type: ['string', 'null'],
				format: 'date-time',
				description: 'Tijdstip van de laatste melding; null als er nog nooit een melding was.'
			},
			verouderd: {
				type: 'boolean',
				description: `Waar als de laatste melding ouder is dan ${STALE_AFTER_HOURS} uur (of er nooit een was).`
			}
		},
		additionalProperties: false
	}
};

// =====================================================================================================================
// HSDS — PLACE FOR THE HSDS ENDPOINTS (another engineer adds them here).
// Add the path items (relative to /api/v1, e.g. '/hsds/organizations') to `hsdsPaths`, their schemas to `hsdsSchemas`
// and, if needed, a tag below. Public endpoints need no `security`. The structure test covers whatever is added here.
// =====================================================================================================================
const hsdsPaths: Json = {};
const hsdsSchemas: Json = {};
const hsdsTags: { name: string; description: string }[] = [];
// ===================================================================================================== END HSDS =====

export function openApiDocument(): Json {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Regiokaart Palliatieve Zorg API',
			version: '1.0.0',
			description: `Koppelvlak van de Regiokaart Palliatieve Zorg. Met de beddenbeschikbaarheid houden organisaties waarvan het eigen systeem de bedden kent, de portal automatisch actueel.\n\nAuthenticatie: een API-token van uw organisatie (aan te maken onder "Mijn organisatie › API-tokens"), alleen in de header \`Authorization: Bearer <token>\`. Een token in de URL wordt geweigerd (400). Elk token mag ${API_RATE_LIMIT} verzoeken per ${API_RATE_WINDOW_SECONDS} seconden doen; daarboven volgt 429 met een Retry-After-header.\n\nFoutmeldingen zijn JSON met \`code\` (vast, voor programma's), \`melding\` (Nederlands, voor mensen) en bij ongeldige invoer \`velden\` (per veld wat er mis is).`
		},
		servers: [{ url: '/api/v1' }],
		tags: [
			{ name: 'Beddenbeschikbaarheid', description: 'Vrije bedden per beddeneenheid doorgeven en opvragen.' },
			...hsdsTags
		],
		paths: { ...availabilityPaths, ...hsdsPaths },
		components: {
			securitySchemes: {
				apiToken: {
					type: 'http',
					scheme: 'bearer',
					description:
						'API-token van de organisatie (begint met "rkpz_"). Wordt één keer getoond bij het aanmaken en kan worden ingetrokken.'
				}
			},
			schemas: {
				Fout: {
					type: 'object',
					required: ['code', 'melding'],
					properties: {
						code: { type: 'string', description: 'Vaste foutcode, bijvoorbeeld "ongeldige_invoer".' },
						melding: { type: 'string', description: 'Uitleg in het Nederlands.' },
						velden: {
							type: 'object',
							additionalProperties: { type: 'string' },
							description: 'Per veldnaam wat er mis is (alleen bij ongeldige invoer).'
						}
					}
				},
				...availabilitySchemas,
				...hsdsSchemas
			},
			responses: {
				TokenInUrl: foutResponse('Het token stond in de URL; dat wordt altijd geweigerd.', {
					code: 'token_in_url',
					melding: 'Stuur het token alleen in de header "Authorization: Bearer <token>", nooit in de URL.'
				}),
				NietGeauthenticeerd: {
					...foutResponse('Geen token, of een onbekend of ingetrokken token.', {
						code: 'ongeldig_token',
						melding: 'Dit API-token is onbekend of ingetrokken.'
					}),
					headers: {
						'WWW-Authenticate': { description: 'Bearer-challenge.', schema: { type: 'string' } }
					}
				},
				GeenToegang: foutResponse('Het token hoort bij een andere organisatie dan de beddeneenheid.', {
					code: 'geen_toegang',
					melding: 'Dit API-token hoort bij een andere organisatie dan deze beddeneenheid.'
				}),
				NietGevonden: foutResponse('Deze beddeneenheid bestaat niet.', {
					code: 'niet_gevonden',
					melding: 'Deze beddeneenheid bestaat niet.'
				}),
				TeVeelVerzoeken: {
					...foutResponse('Te veel verzoeken met dit token.', {
						code: 'te_veel_verzoeken',
						melding: `Te veel verzoeken met dit token (hoogstens ${API_RATE_LIMIT} per ${API_RATE_WINDOW_SECONDS} seconden).`
					}),
					headers: {
						'Retry-After': {
							description: 'Aantal seconden tot een nieuw verzoek weer kan.',
							schema: { type: 'integer', minimum: 1 }
						}
					}
				}
			}
		}
	};
}

/**
 * The limits the server enforces on `events` (settings-schema.json), so the
 * screen can stop at them instead of letting a save fail. A Jest test
 * compares them with the schema, so the two cannot drift apart.
 */
export const LIMITS = {
	handlers: 50,
	actions: 10,
	webhooks: 10,
	storeFields: 20,
	webhookEvents: 50,
	nameLength: 100,
	retentionMin: 1,
	retentionMax: 3650,
	retentionDefault: 90,
	secretMin: 16,
	secretMax: 200,
} as const;

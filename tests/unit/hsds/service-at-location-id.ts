import { createHash } from 'node:crypto';
import { HSDS_NAMESPACE } from '../../../src/lib/domain/hsds/uuid';

/**
 * The service_at_location id the portal computes in SQL (repositories/directory.ts), computed here independently with
 * node:crypto: an RFC name-based UUID, version 3 (MD5), of "<serviceId>:<locationId>" in the portal's HSDS namespace.
 */
export function serviceAtLocationId(serviceId: string, locationId: string): string {
	const hash = createHash('md5')
		.update(Buffer.from(HSDS_NAMESPACE.replaceAll('-', ''), 'hex'))
		.update(`${serviceId}:${locationId}`)
		.digest();
	hash[6] = (hash[6] & 0x0f) | 0x30;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	const hex = hash.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

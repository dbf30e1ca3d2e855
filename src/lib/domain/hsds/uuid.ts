/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1). HSDS wants a UUID for every object, also for the ones we store as a column
 * or a JSON array (an organisation's phone number, a service's opening hours, a taxonomy). Deriving them from the owner's id
 * and a name keeps them stable between requests and between instances without storing them.
 *
 * SHA-1 is written out here because domain code has no access to node:crypto; it is used for identifiers, not for security.
 */

/** Our namespace for derived HSDS ids (itself a v5 UUID of "regiokaart-palliatieve-zorg" in the URL namespace). */
export const HSDS_NAMESPACE = 'a043e55a-2e56-523d-a5ca-60cbec6eadb1';
/** The RFC's URL namespace, for tests against published vectors. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
export const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

function rotl(x: number, n: number): number {
	return (x << n) | (x >>> (32 - n));
}

export function sha1(bytes: Uint8Array): Uint8Array {
	const bitLength = bytes.length * 8;
	const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) * 64);
	padded.set(bytes);
	padded[bytes.length] = 0x80;
	const view = new DataView(padded.buffer);
	view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
	view.setUint32(padded.length - 4, bitLength >>> 0);

	let h0 = 0x67452301;
	let h1 = 0xefcdab89;
	let h2 = 0x98badcfe;
	let h3 = 0x10325476;
	let h4 = 0xc3d2e1f0;
	const w = new Uint32Array(80);
	for (let offset = 0; offset < padded.length; offset += 64) {
		for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + i * 4);
		for (let i = 16; i < 80; i++) w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
		let a = h0;
		let b = h1;
		let c = h2;
		let d = h3;
		let e = h4;
		for (let i = 0; i < 80; i++) {
			let f: number;
			let k: number;
			if (i < 20) {
				f = (b & c) | (~b & d);
				k = 0x5a827999;
			} else if (i < 40) {
				f = b ^ c ^ d;
				k = 0x6ed9eba1;
			} else if (i < 60) {
				f = (b & c) | (b & d) | (c & d);
				k = 0x8f1bbcdc;
			} else {
				f = b ^ c ^ d;
				k = 0xca62c1d6;
			}
			const t = (rotl(a, 5) + f + e + k + w[i]) >>> 0;
			e = d;
			d = c;
			c = rotl(b, 30) >>> 0;
			b = a;
			a = t;
		}
		h0 = (h0 + a) >>> 0;
		h1 = (h1 + b) >>> 0;
		h2 = (h2 + c) >>> 0;
		h3 = (h3 + d) >>> 0;
		h4 = (h4 + e) >>> 0;
	}
	const out = new Uint8Array(20);
	const outView = new DataView(out.buffer);
	[h0, h1, h2, h3, h4].forEach((h, i) => outView.setUint32(i * 4, h));
	return out;
}

function uuidBytes(uuid: string): Uint8Array {
	const hex = uuid.replace(/-/g, '');
	if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`Geen geldige UUID: ${uuid}`);
	return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}

function formatUuid(bytes: Uint8Array): string {
	const hex = Array.from(bytes.subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** UUID version 5 of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string = HSDS_NAMESPACE): string {
	const ns = uuidBytes(namespace);
	const nameBytes = new TextEncoder().encode(name);
	const input = new Uint8Array(ns.length + nameBytes.length);
	input.set(ns);
	input.set(nameBytes, ns.length);
	const hash = sha1(input);
	hash[6] = (hash[6] & 0x0f) | 0x50;
	hash[8] = (hash[8] & 0x3f) | 0x80;
	return formatUuid(hash);
}

/** A stable id for something that belongs to `ownerId`, e.g. derivedId('phone', serviceId). */
export function derivedId(kind: string, ...parts: string[]): string {
	return uuidV5([kind, ...parts].join(':'));
}

export function isUuid(value: string): boolean {
	return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/**
 * Which registered beds a prognosis setting is compared with. The hospice share (IKNL: deaths "in a hospice facility")
 * covers both kinds of hospice-type care: the professional hospice and the volunteer-run bijna-thuis-huis. So the
 * hospice prognosis counts the bed units of both settings, and there is no separate bijna-thuis-huis prognosis (it
 * would count the same patients twice). The other settings stand for themselves and need an entered share.
 */
import type { ZorgSetting } from '../organisation/taxonomy';

export const PROGNOSIS_SETTINGS = ['hospice', 'palliatieve_unit_vvt', 'elv_palliatief'] as const;
export type PrognosisSetting = (typeof PROGNOSIS_SETTINGS)[number];

/** Bed-unit settings counted as registered (and planned) capacity for each prognosis setting. */
export const COUNTED_BED_SETTINGS: Record<PrognosisSetting, readonly ZorgSetting[]> = {
	hospice: ['hospice', 'bijna_thuis_huis'],
	palliatieve_unit_vvt: ['palliatieve_unit_vvt'],
	elv_palliatief: ['elv_palliatief']
};

/** Dutch names for the prognosis settings, as the dashboard shows them. */
export const PROGNOSIS_SETTING_LABELS: Record<PrognosisSetting, string> = {
	hospice: 'Hospicezorg (hospice en bijna-thuis-huis)',
	palliatieve_unit_vvt: 'Palliatieve unit VVT',
	elv_palliatief: 'ELV palliatief'
};

export function isPrognosisSetting(value: unknown): value is PrognosisSetting {
	return typeof value === 'string' && (PROGNOSIS_SETTINGS as readonly string[]).includes(value);
}

/** The prognosis setting a bed unit or planned location counts toward; null for an unknown setting. */
export function prognosisSettingOf(bedSetting: string): PrognosisSetting | null {
	for (const setting of PROGNOSIS_SETTINGS) {
		if ((COUNTED_BED_SETTINGS[setting] as readonly string[]).includes(bedSetting)) return setting;
	}
	return null;
}

import { describe, expect, it } from 'vitest';
import {
	COUNTED_BED_SETTINGS,
	PROGNOSIS_SETTINGS,
	isPrognosisSetting,
	prognosisSettingOf
} from '$domain/capacity/settings';
import { DEFAULT_SETTING_SHARES } from '$domain/capacity/defaults';
import { zorgSettings } from '$domain/organisation/taxonomy';

describe('prognosis settings', () => {
	it('count hospice and bijna-thuis-huis beds together against the hospice share', () => {
		expect(COUNTED_BED_SETTINGS.hospice).toEqual(['hospice', 'bijna_thuis_huis']);
		expect(prognosisSettingOf('bijna_thuis_huis')).toBe('hospice');
		expect(prognosisSettingOf('hospice')).toBe('hospice');
		expect(prognosisSettingOf('elv_palliatief')).toBe('elv_palliatief');
		expect(prognosisSettingOf('kliniek')).toBeNull();
	});

	it('cover every bed setting exactly once, so no bed is counted in two prognoses', () => {
		const counted = PROGNOSIS_SETTINGS.flatMap((s) => COUNTED_BED_SETTINGS[s]);
		expect([...counted].sort()).toEqual(zorgSettings.map((s) => s.code).sort());
		expect(new Set(counted).size).toBe(counted.length);
	});

	it('have no separate bijna-thuis-huis prognosis, and only hospice has a default share', () => {
		expect(isPrognosisSetting('bijna_thuis_huis')).toBe(false);
		expect(isPrognosisSetting('palliatieve_unit_vvt')).toBe(true);
		expect(PROGNOSIS_SETTINGS.filter((s) => DEFAULT_SETTING_SHARES[s])).toEqual(['hospice']);
	});
});

/**
 * Geometry of the capacity chart: per year a bar of available beds (registered + planned, stacked) and next to it a
 * floating bar for the band of beds needed. Pure, so the drawing can be tested against the numbers it shows.
 */

export interface ChartRow {
	jaar: number;
	geregistreerd: number;
	gepland: number;
	nodigLaag: number;
	nodigHoog: number;
	bron: 'extern' | 'berekend';
}

export interface ChartSize {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

export const DEFAULT_CHART_SIZE: ChartSize = {
	width: 560,
	height: 300,
	left: 48,
	right: 12,
	top: 52,
	bottom: 34
};

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

export interface ChartSlot {
	row: ChartRow;
	/** Centre of the year's slot on the x axis. */
	midden: number;
	geregistreerd: Rect;
	gepland: Rect;
	nodig: Rect;
	/** Baselines of the two value labels; the band's label moves up when it would sit on the bar's label. */
	labelBeschikbaarY: number;
	labelNodigY: number;
}

export interface ChartGeometry {
	size: ChartSize;
	maxY: number;
	ticks: { value: number; y: number }[];
	/** Bottom of the plot (y of zero beds). */
	basis: number;
	slots: ChartSlot[];
}

const STEPS = [1, 2, 5];
const MAX_TICKS = 6;
const MIN_BAND_HEIGHT = 3;
/** Space between a bar and its label, and the height one label line needs (the largest font the chart uses). */
const LABEL_GAP = 6;
export const LABEL_LINE = 26;

/** A round step so that 0..max needs at most six ticks: 1, 2, 5, 10, 20, 50, ... */
export function tickStep(max: number): number {
	if (max <= 0) return 1;
	for (let magnitude = 1; ; magnitude *= 10) {
		for (const step of STEPS) {
			if (Math.ceil(max / (step * magnitude)) <= MAX_TICKS - 1) return step * magnitude;
		}
	}
}

export function chartGeometry(
	rows: readonly ChartRow[],
	size: ChartSize = DEFAULT_CHART_SIZE
): ChartGeometry {
	const highest = Math.max(0, ...rows.map((r) => Math.max(r.geregistreerd + r.gepland, r.nodigHoog)));
	const step = tickStep(highest);
	// Head room above the highest value for its label.
	const maxY = Math.max(step, Math.ceil((highest * 1.08) / step) * step);
	const plotHeight = size.height - size.top - size.bottom;
	const plotWidth = size.width - size.left - size.right;
	const basis = size.top + plotHeight;
	const y = (value: number) => basis - (value / maxY) * plotHeight;
	const slotWidth = rows.length > 0 ? plotWidth / rows.length : plotWidth;
	const barWidth = Math.min(44, slotWidth * 0.34);
	const gap = Math.min(6, slotWidth * 0.04);

	const ticks = [];
	for (let value = 0; value <= maxY; value += step) ticks.push({ value, y: y(value) });

	const slots = rows.map((row, i) => {
		const midden = size.left + slotWidth * (i + 0.5);
		const barX = midden - gap / 2 - barWidth;
		const bandX = midden + gap / 2;
		const geregistreerd = {
			x: barX,
			y: y(row.geregistreerd),
			width: barWidth,
			height: basis - y(row.geregistreerd)
		};
		const top = row.geregistreerd + row.gepland;
		const gepland = { x: barX, y: y(top), width: barWidth, height: y(row.geregistreerd) - y(top) };
		// A band of one value (laag = hoog) is drawn as a thin bar, so it stays visible.
		const bandHeight = y(row.nodigLaag) - y(row.nodigHoog);
		const extra = Math.max(0, MIN_BAND_HEIGHT - bandHeight);
		const nodig = {
			x: bandX,
			y: y(row.nodigHoog) - extra / 2,
			width: barWidth,
			height: bandHeight + extra
		};
		const labelBeschikbaarY = Math.min(gepland.y, geregistreerd.y) - LABEL_GAP;
		let labelNodigY = nodig.y - LABEL_GAP;
		// The band's label is wider than the band and reaches over the bar: when it would sit on the bar or on the
		// bar's label, it goes above the bar's label.
		const barTop = Math.min(gepland.y, geregistreerd.y);
		if (labelNodigY > barTop || Math.abs(labelNodigY - labelBeschikbaarY) < LABEL_LINE)
			labelNodigY = Math.min(labelNodigY, labelBeschikbaarY - LABEL_LINE);
		return { row, midden, geregistreerd, gepland, nodig, labelBeschikbaarY, labelNodigY };
	});
	return { size, maxY, ticks, basis, slots };
}

// Progressive enhancement for the printable wegwijzerkaart: shows the "Print of bewaar als PDF" button and lets it open the
// browser's print dialog. Without JavaScript the button stays hidden and the written instructions remain.
for (const knop of document.querySelectorAll('[data-print-knop]')) {
	if (!(knop instanceof HTMLButtonElement)) continue;
	knop.hidden = false;
	knop.addEventListener('click', () => window.print());
}

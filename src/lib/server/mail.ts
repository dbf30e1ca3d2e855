import nodemailer from 'nodemailer';
import { env } from './env';
import { log } from './log';

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

/**
 * Sends through SMTP when SMTP_URL is configured. Without it the message is logged, so a beheerder can pass an
 * invitation link on by hand. Returns how the message went out.
 */
export async function sendMail(mail: Mail): Promise<'smtp' | 'log'> {
	const { SMTP_URL, MAIL_FROM } = env();
	if (!SMTP_URL) {
		log('info', 'e-mail niet verstuurd (geen SMTP_URL); inhoud in log', {
			to: mail.to,
			subject: mail.subject,
			text: mail.text
		});
		return 'log';
	}
	const transport = nodemailer.createTransport(SMTP_URL);
	await transport.sendMail({ from: MAIL_FROM, ...mail });
	return 'smtp';
}

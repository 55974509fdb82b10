import { expect } from 'chai';
import { DECLINE_REASONS } from '../scoring/reasons.js';
import { TIERS } from '../scoring/scorecard.js';
import { AMOUNT_TRIGGERS, PERSONAS } from './personas.js';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The tables of docs/mock-server.md, rendered from the code that decides. */
function documentedRows(): string[] {
  return [
    ...PERSONAS.map((persona) => `| \`${persona.id}\` | ${persona.trigger.field === 'email' ? `email \`…+${persona.trigger.value}@…\`` : `national ID \`${persona.trigger.value}\``} | ${cell(persona.outcome)} |`),
    ...AMOUNT_TRIGGERS.map((trigger) => `| \`${trigger.ending}\` | ${trigger.example} | ${cell(trigger.effect)} |`),
    ...Object.entries(DECLINE_REASONS).map(([code, message]) => `| \`${code}\` | ${cell(String(message))} |`),
    ...TIERS.map((tier) => `| ${tier.tier} | ${tier.minPoints} | ${Number(tier.incomeTenths) / 10}× monthly income | ${tier.rateAddOn} |`),
  ];
}

describe('docs/mock-server.md', () => {
  it('lists every persona, amount trigger, decline reason and tier exactly as the mock decides them', async function () {
    if (typeof globalThis.process?.versions?.node !== 'string') return this.skip();
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../../../docs/mock-server.md', import.meta.url), 'utf8');
    const missing = documentedRows().filter((row) => !doc.includes(row));
    expect(missing, 'rows to paste into docs/mock-server.md').to.deep.equal([]);
  });
});

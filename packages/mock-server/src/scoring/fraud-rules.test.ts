import { expect } from 'chai';
import { checkEmail, checkIdentity, checkMobile, checkVelocity, DISPOSABLE_EMAIL_DOMAINS, FRAUD_RULES, VELOCITY_WINDOW_MS, withinVelocityWindow } from './fraud-rules.js';
import type { FraudFinding, VelocityRecord } from './fraud-rules.js';
import { HOUR, NOW, TODAY, withCheckCharacter } from './test-support/applications.js';

const rules = (findings: readonly FraudFinding[]) => findings.map((found) => found.rule);

describe('checkIdentity', () => {
  const adult = { dateOfBirth: '1990-05-01' };

  it('passes an adult with no ID, and one whose resident ID matches the date of birth', () => {
    expect(checkIdentity(adult, 'CN', TODAY)).to.deep.equal([]);
    expect(checkIdentity({ dateOfBirth: '1949-12-31', nationalId: '11010519491231002X' }, 'CN', TODAY)).to.deep.equal([]);
  });

  it('declines as underage until the 18th birthday, and not on it', () => {
    expect(rules(checkIdentity({ dateOfBirth: '2008-12-04' }, 'UK', TODAY))).to.deep.equal(['underage']);
    expect(rules(checkIdentity({ dateOfBirth: '2008-12-03' }, 'UK', TODAY))).to.deep.equal([]);
    const [found] = checkIdentity({ dateOfBirth: '2008-12-04' }, 'UK', TODAY);
    expect(found).to.deep.equal({ rule: 'underage', severity: 'decline', reason: 'underage', detail: 'Age 17 on 2026-12-03.' });
  });

  it('holds a leap-day birthday to 1 March in a common year', () => {
    expect(rules(checkIdentity({ dateOfBirth: '2008-02-29' }, 'CN', '2026-02-28'))).to.deep.equal(['underage']);
    expect(rules(checkIdentity({ dateOfBirth: '2008-02-29' }, 'CN', '2026-03-01'))).to.deep.equal([]);
  });

  it('reads the age from the resident ID too, which must be the date of birth given', () => {
    const seventeen = withCheckCharacter('11010520081204001');
    expect(rules(checkIdentity({ dateOfBirth: '2008-12-04', nationalId: seventeen }, 'CN', TODAY))).to.deep.equal(['underage']);
    expect(rules(checkIdentity({ dateOfBirth: '1990-05-01', nationalId: seventeen }, 'CN', TODAY))).to.deep.equal(['resident-id-birth-date-mismatch']);
  });

  it('declines an invalid resident ID as identity_unverified', () => {
    const [found] = checkIdentity({ dateOfBirth: '1949-12-31', nationalId: '110105194912310021' }, 'CN', TODAY);
    expect(found).to.include({ rule: 'resident-id-invalid', severity: 'decline', reason: 'identity_unverified' });
    expect(rules(checkIdentity({ ...adult, nationalId: 'A1234567' }, 'CN', TODAY))).to.deep.equal(['resident-id-invalid']);
  });

  it('checks a resident-ID-shaped number in other markets, and leaves other schemes alone', () => {
    expect(rules(checkIdentity({ ...adult, nationalId: '110105194912310021' }, 'EU', TODAY))).to.deep.equal(['resident-id-invalid']);
    expect(rules(checkIdentity({ ...adult, nationalId: '078-05-1120' }, 'US', TODAY))).to.deep.equal([]);
    expect(rules(checkIdentity({ ...adult, nationalId: 'QQ123456C' }, 'UK', TODAY))).to.deep.equal([]);
  });

  it('refuses a date of birth in the future or an age over 120', () => {
    expect(rules(checkIdentity({ dateOfBirth: '2026-12-04' }, 'JP', TODAY))).to.deep.equal(['date-of-birth-implausible']);
    expect(rules(checkIdentity({ dateOfBirth: '1905-12-03' }, 'JP', TODAY))).to.deep.equal(['date-of-birth-implausible']);
    expect(rules(checkIdentity({ dateOfBirth: '1905-12-04' }, 'JP', TODAY))).to.deep.equal([]);
    expect(rules(checkIdentity({ dateOfBirth: '1999-02-30' }, 'JP', TODAY))).to.deep.equal(['date-of-birth-implausible']);
  });
});

describe('checkEmail', () => {
  it('passes ordinary addresses, plus tags, subdomains and internationalised top-level domains', () => {
    for (const email of ['ana@example.com', 'ana+decline-affordability@example.com', 'o\'brien@mail.example.co.uk', 'x@a-b.example', 'li.lei@example.xn--fiqs8s', 'A.B@EXAMPLE.COM']) {
      expect(checkEmail(email), email).to.deep.equal([]);
    }
  });

  it('refuses addresses that pass a pattern but cannot receive mail', () => {
    const invalid = [
      'ana..b@example.com',
      '.ana@example.com',
      'ana.@example.com',
      'ana@localhost',
      'ana@example..com',
      'ana@.example.com',
      'ana@example.com.',
      'ana@-example.com',
      'ana@example-.com',
      'ana@1.2.3.4',
      'ana@example.c',
      'ana@b@example.com',
      'ana',
      '@example.com',
      `${'a'.repeat(65)}@example.com`,
      'ana(comment)@example.com',
      'ana@exa_mple.com',
    ];
    for (const email of invalid) {
      const found = checkEmail(email);
      expect(rules(found), email).to.deep.equal(['email-invalid']);
      expect(found[0]).to.include({ severity: 'decline', reason: 'identity_unverified' });
    }
  });

  it('blocks disposable domains and their subdomains, whatever the case, but not look-alikes', () => {
    expect(DISPOSABLE_EMAIL_DOMAINS).to.include.members(['mailinator.com', '10minutemail.com', 'guerrillamail.com', 'yopmail.com', 'temp-mail.org', 'trashmail.com']);
    for (const email of ['ana@mailinator.com', 'ana@eu.mailinator.com', 'ANA@YOPMAIL.COM', 'ana+approve@10minutemail.com']) {
      const found = checkEmail(email);
      expect(rules(found), email).to.deep.equal(['email-disposable']);
      expect(found[0]).to.include({ severity: 'block', reason: 'fraud_suspected' });
    }
    expect(checkEmail('ana@notmailinator.com')).to.deep.equal([]);
    expect(checkEmail('ana@mailinator.com.example.org')).to.deep.equal([]);
  });
});

describe('checkMobile', () => {
  const valid = (mobile: string, market: Parameters<typeof checkMobile>[1]) => checkMobile(mobile, market).length === 0;

  it('takes only mainland Chinese mobiles in CN: +86 1[3-9] and nine digits', () => {
    expect(valid('+8613800138000', 'CN')).to.equal(true);
    expect(valid('+8619912345678', 'CN')).to.equal(true);
    expect(valid('+8612912345678', 'CN')).to.equal(false);
    expect(valid('+861380013800', 'CN')).to.equal(false);
    expect(valid('+86138001380001', 'CN')).to.equal(false);
    expect(valid('+861012345678', 'CN')).to.equal(false); // a Beijing landline
  });

  it('takes NANP numbers in the US, whose area code and exchange start 2–9', () => {
    expect(valid('+12025550143', 'US')).to.equal(true);
    expect(valid('+11025550143', 'US')).to.equal(false);
    expect(valid('+12021550143', 'US')).to.equal(false);
    expect(valid('+1202555014', 'US')).to.equal(false);
  });

  it('takes +44 7 mobiles in the UK', () => {
    expect(valid('+447700900123', 'UK')).to.equal(true);
    expect(valid('+442079460000', 'UK')).to.equal(false);
    expect(valid('+44770090012', 'UK')).to.equal(false);
  });

  it('takes EU member states\' numbers of their mobile length in the EU', () => {
    for (const mobile of ['+4915112345678', '+491511234567', '+33612345678', '+393471234567', '+34612345678', '+353851234567', '+358401234567', '+37255123456']) {
      expect(valid(mobile, 'EU'), mobile).to.equal(true);
    }
    for (const mobile of ['+3361234567', '+336123456789', '+41791234567', '+447700900123', '+4901511234567', '+8613800138000']) {
      expect(valid(mobile, 'EU'), mobile).to.equal(false);
    }
  });

  it('takes Japanese 070/080/090 mobiles in JP', () => {
    expect(valid('+819012345678', 'JP')).to.equal(true);
    expect(valid('+817012345678', 'JP')).to.equal(true);
    expect(valid('+81312345678', 'JP')).to.equal(false);
    expect(valid('+81901234567', 'JP')).to.equal(false);
  });

  it('refuses one market\'s mobile in another, as identity_unverified', () => {
    const [found] = checkMobile('+8613800138000', 'US');
    expect(found).to.include({ rule: 'mobile-invalid', severity: 'decline', reason: 'identity_unverified' });
    expect(valid('+12025550143', 'CN')).to.equal(false);
    expect(valid('+819012345678', 'UK')).to.equal(false);
  });
});

describe('checkVelocity', () => {
  const ana = 'ana@example.com';
  const times = (count: number, record: Omit<VelocityRecord, 'at'>, start = 1): VelocityRecord[] => Array.from({ length: count }, (_, index) => ({ ...record, at: NOW - (start + index) * HOUR }));

  it('lets an identity apply 3 times in 24 hours and blocks the 4th', () => {
    expect(checkVelocity({ identity: ana, now: NOW }, times(2, { identity: ana }))).to.deep.equal([]);
    const [found, ...rest] = checkVelocity({ identity: ana, now: NOW }, times(3, { identity: ana }));
    expect(rest).to.deep.equal([]);
    expect(found).to.deep.equal({ rule: 'velocity-identity', severity: 'block', reason: 'velocity', detail: '4 applications by this identity within 24 hours.' });
  });

  it('counts an application exactly 24 hours old as outside the window, and one a millisecond younger as inside', () => {
    expect(withinVelocityWindow(NOW - VELOCITY_WINDOW_MS, NOW)).to.equal(false);
    expect(withinVelocityWindow(NOW - VELOCITY_WINDOW_MS + 1, NOW)).to.equal(true);
    expect(withinVelocityWindow(NOW, NOW)).to.equal(true);
    expect(withinVelocityWindow(NOW + 1, NOW)).to.equal(false);
    const twoRecent = times(2, { identity: ana });
    expect(checkVelocity({ identity: ana, now: NOW }, [...twoRecent, { identity: ana, at: NOW - VELOCITY_WINDOW_MS }])).to.deep.equal([]);
    expect(rules(checkVelocity({ identity: ana, now: NOW }, [...twoRecent, { identity: ana, at: NOW - VELOCITY_WINDOW_MS + 1 }]))).to.deep.equal(['velocity-identity']);
  });

  it('counts other identities separately, and ignores records from after now', () => {
    expect(checkVelocity({ identity: ana, now: NOW }, times(5, { identity: 'bo@example.com' }))).to.deep.equal([]);
    expect(checkVelocity({ identity: ana, now: NOW }, times(5, { identity: ana }).map((record) => ({ ...record, at: NOW + HOUR })))).to.deep.equal([]);
  });

  it('blocks a 4th application from one device within 24 hours', () => {
    const device = { fingerprint: 'fp-1234567890' };
    const history = [{ ...device, identity: ana, at: NOW - HOUR }, { ...device, identity: ana, at: NOW - 2 * HOUR }, { ...device, identity: 'bo@example.com', at: NOW - 3 * HOUR }];
    // 3 earlier on this device + this one = 4; ana has 3 in all and the device 2 identities, both within limits.
    expect(rules(checkVelocity({ identity: ana, ...device, now: NOW }, history))).to.deep.equal(['velocity-device']);
    expect(checkVelocity({ identity: ana, ...device, now: NOW }, history.slice(1))).to.deep.equal([]);
  });

  it('blocks a device used by a 3rd distinct identity within 24 hours, counting each identity once', () => {
    const fingerprint = 'fp-shared-device';
    const twoOthers = [
      { fingerprint, identity: 'bo@example.com', at: NOW - HOUR },
      { fingerprint, identity: 'cy@example.com', at: NOW - 2 * HOUR },
    ];
    const [found] = checkVelocity({ identity: ana, fingerprint, now: NOW }, twoOthers);
    expect(found).to.deep.equal({ rule: 'device-shared', severity: 'block', reason: 'fraud_suspected', detail: 'This device applied for 3 different identities within 24 hours.' });
    // The same other identity twice, plus this one, is two identities.
    const oneOther = [
      { fingerprint, identity: 'bo@example.com', at: NOW - HOUR },
      { fingerprint, identity: 'bo@example.com', at: NOW - 2 * HOUR },
    ];
    expect(checkVelocity({ identity: ana, fingerprint, now: NOW }, oneOther)).to.deep.equal([]);
    // An identity that used the device a day ago has left the window.
    expect(checkVelocity({ identity: ana, fingerprint, now: NOW }, [twoOthers[0]!, { ...twoOthers[1]!, at: NOW - VELOCITY_WINDOW_MS }])).to.deep.equal([]);
    // No fingerprint, no device rules.
    expect(checkVelocity({ identity: ana, now: NOW }, twoOthers)).to.deep.equal([]);
  });
});

describe('FRAUD_RULES', () => {
  it('runs data rules before personas and history rules after, and blocks only for fraud and velocity', () => {
    for (const [rule, { stage, severity, reason }] of Object.entries(FRAUD_RULES)) {
      expect(severity === 'block', rule).to.equal(reason === 'fraud_suspected' || reason === 'velocity');
      expect(stage === 'history', rule).to.equal(rule.startsWith('velocity') || rule === 'device-shared');
    }
  });
});

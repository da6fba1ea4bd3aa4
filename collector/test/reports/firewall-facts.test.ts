// Inbound exceptions as the review names and counts them, including rules limited to one interface.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeRule, readFirewall, ruleKeyOf } from '../../src/reports/firewall-facts.ts';

const observation = (rules: Record<string, string>[]) => ({
  check: 'firewall', status: 'COLLECTED',
  firewall: { enabled: 'TRI_YES', inboundRulesListed: 'TRI_YES', inboundAllowRules: rules },
});

describe('inbound exceptions', () => {
  it('keeps the interface a rule is limited to, and tells it apart from the same rule on any interface', () => {
    const reading = readFirewall(observation([
      { name: 'ssh on the lab network', protocol: 'tcp', ports: '22', interface: 'eth1' },
      { name: 'ssh', protocol: 'tcp', ports: '22' },
    ]), 1);
    const [limited, anywhere] = reading.rules;
    expect(limited).toMatchObject({ interface: 'eth1' });
    expect(describeRule(limited!)).toBe('TCP 22, from anywhere, on eth1 only');
    expect(describeRule(anywhere!)).toBe('TCP 22, from anywhere');
    expect(limited!.key).not.toBe(anywhere!.key);
  });

  it('a rule on any interface keeps the key it had before interfaces were reported', () => {
    // Reasons recorded against a key must survive the upgrade: the key of the five fields as before.
    const before = `r-${createHash('sha256').update(JSON.stringify(['', 'tcp', '22', '', ''])).digest('hex').slice(0, 10)}`;
    expect(ruleKeyOf({ application: '', protocol: 'tcp', ports: '22', source: '', profile: '', interface: '' })).toBe(before);
    expect(readFirewall(observation([{ protocol: 'tcp', ports: '22' }]), 1).rules[0]?.key).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { StructuredSummary } from '../../../components/StructuredSummary';
import { mount } from './render';

describe('StructuredSummary', () => {
  it('shows lab rows with units, ranges and the portal flags, and marks unparsed rows', () => {
    const host = mount(
      <StructuredSummary
        data={{
          type: 'lab',
          panel: { name: 'CBC with Differential', collected: '2026-10-28', performingLab: 'DEMO LAB' },
          results: [
            {
              test: 'WBC',
              value: '11.9',
              numericValue: 11.9,
              unit: 'K/uL',
              referenceRange: '3.40 - 10.80 K/uL',
              flag: 'H',
              date: '2026-10-28',
              readBy: 'content',
            },
            { test: 'Comment', value: 'see note 1) <b>x</b>', unparsed: true },
          ],
        }}
      />,
    );
    const rows = [...host.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    // How the value was read travels with it: a value read off a page is told from a coded one.
    expect(rows[0]).toEqual(['WBC', '11.9 K/uL', '3.40 - 10.80 K/uL', 'H', '2026-10-28', 'page content']);
    expect(rows[1]![1]).toContain('kept as text');
    // Pasted markup is text, never HTML.
    expect(host.querySelector('tbody b')).toBeNull();
    expect(host.textContent).toContain('collected 2026-10-28');
  });

  it('shows report sections verbatim', () => {
    const host = mount(
      <StructuredSummary
        data={{ type: 'report', sections: [{ heading: 'IMPRESSION', text: '1. Nodule.\n2. No adenopathy.' }] }}
      />,
    );
    expect(host.querySelector('dt')?.textContent).toBe('IMPRESSION');
    expect(host.querySelector('dd')?.textContent).toBe('1. Nodule.\n2. No adenopathy.');
  });
});

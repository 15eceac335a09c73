// The panel's progress while FHIR files import: first the check of each file (megabytes), then the reading (resources).
import { describe, expect, it } from 'vitest';
import { FileImport } from '../../../components/FileImport';
import { mount } from './render';

const status = (host: HTMLElement) => host.querySelector('[data-testid="file-status"]')!;

describe('FHIR import progress', () => {
  it('says it is checking the files, in megabytes, then reading resources', () => {
    const checking = mount(
      <FileImport
        state={{ phase: 'running', progress: { done: 12 * 1024 * 1024, total: 96 * 1024 * 1024, checking: true } }}
        onFiles={() => {}}
      />,
    );
    expect(status(checking).textContent).toContain('Checking FHIR files before reading them: 12.0 of 96.0 MB');
    expect(status(checking).querySelector('progress')!.getAttribute('value')).toBe(String(12 * 1024 * 1024));
  });

  it('then counts resources read of all', () => {
    const reading = mount(
      <FileImport state={{ phase: 'running', progress: { done: 5000, total: 200000 } }} onFiles={() => {}} />,
    );
    expect(status(reading).textContent).toContain('Reading FHIR resources: 5000 of 200000');
  });
});

import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, createAutosaveRegistry, SAVE_DELAY_MS } from '../../../components/autosave';
import { StoryForm } from '../../../components/StoryForm';
import type { Story } from '../../../lib/core/workspace-model';
import { click, fire, mount, rerender, type, unlabelledControls } from './render';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('StoryForm', () => {
  it('labels every control, uses dir=auto, and shows pasted HTML as text', () => {
    const root = mount(
      <StoryForm story={{ diagnosis: '<b>bold</b> مرحبا 🙂' }} medicationOffers={[]} onField={() => undefined} />,
    );
    expect(unlabelledControls(root)).toEqual([]);
    const diagnosis = root.querySelector<HTMLTextAreaElement>('[data-testid="story-diagnosis"]')!;
    expect(diagnosis.value).toBe('<b>bold</b> مرحبا 🙂');
    expect(diagnosis.getAttribute('dir')).toBe('auto');
    expect(root.querySelector('b')).toBeNull();
  });

  it('saves typed text once after a pause, not per keystroke', () => {
    const onField = vi.fn();
    const root = mount(<StoryForm story={{}} medicationOffers={[]} onField={onField} />);
    const goals = root.querySelector('[data-testid="story-goals"]')!;
    type(goals, 'K');
    type(goals, 'Keep working');
    expect(onField).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(SAVE_DELAY_MS);
    });
    expect(onField).toHaveBeenCalledTimes(1);
    expect(onField).toHaveBeenCalledWith('goals', 'Keep working');
  });

  it('flushes unsaved text when the panel is hidden (registry flush) and on blur', () => {
    const onField = vi.fn();
    const registry = createAutosaveRegistry();
    const wrap = (c: preact.ComponentChild) => <Autosave.Provider value={registry}>{c}</Autosave.Provider>;
    const root = mount(<StoryForm story={{}} medicationOffers={[]} onField={onField} />, wrap);
    type(root.querySelector('[data-testid="story-allergies"]')!, 'Penicillin');
    act(() => registry.flushAll());
    expect(onField).toHaveBeenCalledWith('allergies', 'Penicillin');
    const doctor = root.querySelector('[data-testid="story-referringDoctor"]')!;
    type(doctor, 'Dr. Synthetic');
    fire(doctor, new FocusEvent('blur'));
    expect(onField).toHaveBeenCalledWith('referringDoctor', 'Dr. Synthetic');
  });

  it('tells the user when a field they are editing changed in another panel, keeping their draft', () => {
    const onField = vi.fn();
    const root = mount(<StoryForm story={{ goals: 'A' }} medicationOffers={[]} onField={onField} />);
    const goals = root.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')!;
    fire(goals, new FocusEvent('focus'));
    type(goals, 'A mine');
    rerender(<StoryForm story={{ goals: 'A theirs' }} medicationOffers={[]} onField={onField} />);
    expect(root.querySelector('[data-testid="field-conflict"]')?.textContent).toContain(
      'changed in another Second Look window',
    );
    expect(goals.value).toBe('A mine');
    click([...root.querySelectorAll('[data-testid="field-conflict"] button')][0]!);
    expect(goals.value).toBe('A theirs');
    expect(root.querySelector('[data-testid="field-conflict"]')).toBeNull();
  });

  it('updates an untouched field from the other panel without a notice', () => {
    const root = mount(<StoryForm story={{}} medicationOffers={[]} onField={() => undefined} />);
    rerender(<StoryForm story={{ goals: 'From elsewhere' }} medicationOffers={[]} onField={() => undefined} />);
    expect(root.querySelector<HTMLTextAreaElement>('[data-testid="story-goals"]')!.value).toBe('From elsewhere');
    expect(root.querySelector('[data-testid="field-conflict"]')).toBeNull();
  });

  it('offers clipped medications not yet listed and appends them', () => {
    const onField = vi.fn();
    const story: Story = { medications: 'Drug A 10 mg daily' };
    const root = mount(
      <StoryForm story={story} medicationOffers={['Drug A 10 mg daily', 'Drug B 5 mg']} onField={onField} />,
    );
    expect(root.querySelector('[data-testid="medication-offers"]')?.textContent).toContain('1 medication');
    click(root.querySelector('[data-testid="medication-offers-add"]')!);
    expect(onField).toHaveBeenCalledWith('medications', 'Drug A 10 mg daily\nDrug B 5 mg');
  });

  it('saves the reason and time sensitivity from radio buttons', () => {
    const onField = vi.fn();
    const root = mount(<StoryForm story={{}} medicationOffers={[]} onField={onField} />);
    const subspecialist = root.querySelector<HTMLInputElement>('input[value="subspecialist"]')!;
    act(() => subspecialist.click());
    expect(onField).toHaveBeenCalledWith('reason', 'subspecialist');
    rerender(<StoryForm story={{ timeSensitive: 'yes' }} medicationOffers={[]} onField={onField} />);
    expect(root.textContent).toContain('how long you can safely wait');
  });
});

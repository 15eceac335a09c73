import { OpinionReason, TimeSensitive, type Story, type StoryField } from '../lib/core/workspace-model';
import { useT, type MessageKey } from './i18n';
import { LiveField } from './LiveField';

export interface StoryFormProps {
  story: Story;
  /** Current medications from the clipped medication lists. */
  medicationOffers: string[];
  onField: <F extends StoryField>(field: F, value: Story[F]) => void;
}

type TextField = Exclude<StoryField, 'reason' | 'timeSensitive'>;
const key = (field: string) => `story_${field}` as MessageKey;

/** The patient's story for the second-opinion doctor, in the order DOMAIN.md gives; saved as typed. */
export function StoryForm({ story, medicationOffers, onField }: StoryFormProps) {
  const t = useT();
  const text = (field: TextField, multiline = true) => (
    <LiveField
      label={t(key(field))}
      value={story[field] ?? ''}
      multiline={multiline}
      testId={`story-${field}`}
      onSave={(value) => onField(field, value)}
    />
  );
  const current = story.medications ?? '';
  const newOffers = medicationOffers.filter((m) => !current.toLowerCase().includes(m.toLowerCase()));

  return (
    <section aria-labelledby="story-heading" class="card stack" data-testid="story">
      <h2 id="story-heading">{t('storyHeading')}</h2>
      <p class="muted">{t('storyIntro')}</p>
      <fieldset>
        <legend>{t('story_reason')}</legend>
        {OpinionReason.options.map((reason) => (
          <label key={reason} class="inline">
            <input
              type="radio"
              name="story-reason"
              value={reason}
              checked={story.reason === reason}
              onChange={() => onField('reason', reason)}
            />{' '}
            {t(key(`reason_${reason}`))}
          </label>
        ))}
      </fieldset>
      {text('reasonDetail')}
      {text('diagnosis')}
      {text('proposedTreatment')}
      {text('triedSoFar')}
      {text('goals')}
      <fieldset>
        <legend>{t('story_timeSensitive')}</legend>
        {TimeSensitive.options.map((value) => (
          <label key={value} class="inline">
            <input
              type="radio"
              name="story-time"
              value={value}
              checked={story.timeSensitive === value}
              onChange={() => onField('timeSensitive', value)}
            />{' '}
            {t(key(`time_${value}`))}
          </label>
        ))}
      </fieldset>
      {story.timeSensitive === 'yes' ? <p class="notice">{t('storyTimeSensitiveWarning')}</p> : null}
      {text('timeSensitiveDetail')}
      {text('medications')}
      {newOffers.length > 0 ? (
        <div class="offer" data-testid="medication-offers">
          <p class="muted">{t('storyMedicationOffer', [newOffers.length])}</p>
          <ul>
            {newOffers.map((m) => (
              <li key={m} dir="auto">
                {m}
              </li>
            ))}
          </ul>
          <button
            type="button"
            data-testid="medication-offers-add"
            onClick={() => onField('medications', [current.trimEnd(), ...newOffers].filter(Boolean).join('\n'))}
          >
            {t('storyMedicationAdd')}
          </button>
        </div>
      ) : null}
      {text('allergies')}
      {text('familyHistory')}
      {text('referringDoctor', false)}
      {text('secondOpinionDoctor', false)}
    </section>
  );
}

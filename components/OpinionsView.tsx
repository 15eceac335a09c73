import { useState } from 'preact/hooks';
import type { Decision, Opinion, OpinionField } from '../lib/core/workspace-model';
import { DecisionForm } from './DecisionForm';
import { useT } from './i18n';
import { OpinionCompare } from './OpinionCompare';
import { OpinionForm, opinionName } from './OpinionForm';

export interface OpinionsViewProps {
  opinions: Opinion[];
  decision: Decision;
  /** Resolves with the new opinion's id so its form opens for entry. */
  onAdd: () => Promise<string | undefined>;
  onField: (id: string, field: OpinionField, value: string) => void;
  onDelete: (id: string) => void;
  onDecision: <F extends keyof Decision>(field: F, value: Decision[F]) => void;
}

/** Opinions recorded after each consultation, compared side by side, and the patient's decision. */
export function OpinionsView(props: OpinionsViewProps) {
  const t = useT();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div class="stack" data-testid="opinions">
      <section aria-labelledby="opinions-heading" class="card stack">
        <h2 id="opinions-heading">{t('opinionsHeading', [props.opinions.length])}</h2>
        <p class="muted">{t('opinionsIntro')}</p>
        <ul class="opinions">
          {props.opinions.map((o, i) => (
            <li key={o.id}>
              <button
                type="button"
                class="link"
                aria-expanded={open === o.id}
                data-testid="opinion-open"
                onClick={() => setOpen(open === o.id ? null : o.id)}
              >
                <span dir="auto">{opinionName(o, i, t('opinionUnnamed', [i + 1]))}</span>
                {o.date ? <span class="date"> · {o.date}</span> : null}
              </button>
              {open === o.id ? (
                <OpinionForm
                  opinion={o}
                  onField={(field, value) => props.onField(o.id, field, value)}
                  onDelete={() => {
                    setOpen(null);
                    props.onDelete(o.id);
                  }}
                />
              ) : null}
            </li>
          ))}
        </ul>
        <button
          type="button"
          data-testid="opinion-add"
          onClick={() => void props.onAdd().then((id) => id && setOpen(id))}
        >
          {t('opinionAdd')}
        </button>
      </section>
      <OpinionCompare opinions={props.opinions} />
      <DecisionForm decision={props.decision} onField={props.onDecision} />
    </div>
  );
}

import { describe, expect, it } from 'vitest';
import { createCase } from '../../../lib/case/cases';
import { getDetails, setPatientField, setStoryField } from '../../../lib/case/case-details';
import { CaseDb } from '../../../lib/core/db';

describe('About the patient', () => {
  it('saves each field on its own, on a new case and on one with a story already, and clears with empty', async () => {
    const db = new CaseDb(`patient-${crypto.randomUUID()}`);
    const fresh = (await createCase(db, 'New')).id;
    await setPatientField(db, fresh, 'name', 'Robin Demo-Patient');
    await setPatientField(db, fresh, 'birthDate', '1961-04-12');
    await setPatientField(db, fresh, 'sex', 'female');
    expect((await getDetails(db, fresh)).patient).toEqual({
      name: 'Robin Demo-Patient',
      birthDate: '1961-04-12',
      sex: 'female',
    });
    const older = (await createCase(db, 'Older')).id;
    await setStoryField(db, older, 'goals', 'Avoid surgery');
    await setPatientField(db, older, 'sex', 'male');
    expect((await getDetails(db, older)).patient).toEqual({ sex: 'male' });
    expect((await getDetails(db, older)).story.goals).toBe('Avoid surgery');
    await setPatientField(db, fresh, 'name', undefined);
    expect((await getDetails(db, fresh)).patient).toEqual({ birthDate: '1961-04-12', sex: 'female' });
    await expect(setPatientField(db, fresh, 'birthDate', '12/04/1961')).rejects.toThrow();
  });
});

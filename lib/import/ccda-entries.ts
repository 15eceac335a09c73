import type {
  Allergy,
  CodedEntry,
  Encounter,
  FamilyMemberHistory,
  Immunization,
  Medication,
  Problem,
  Procedure,
} from '../core/model';
import { parseHl7Date } from '../reading';
import { codeText } from './ccda-results';
import {
  codingOf,
  cut,
  defined,
  high,
  type Ids,
  low,
  nameOf,
  referencedText,
  statusValue,
  templateRoots,
  valueText,
  withTemplate,
} from './ccda-values';
import { attr, child, childElements, descendants, narrativeText, path, type XElement } from './xml';

/**
 * Coded entries of the C-CDA sections that have a shape of their own (allergies, problems, procedures,
 * immunizations, encounters, family and social history). Each reader returns what the entries say, as
 * the document words it; an entry it cannot name is left out here and kept in the section's narrative.
 */
const T = '2.16.840.1.113883.10.20.22.4';

/**
 * Allergy concern acts -> allergy observations. The substance is the participant's code as coded
 * (its displayName), else its name, else the narrative it references: in HL7's own CCD sample the
 * substance codes reference the reaction cells of the table, so the narrative reference is the last resort.
 */
export function allergies(section: XElement, ids: Ids): Allergy[] {
  return childElements(section, 'entry').flatMap((entry) => {
    const act = child(entry, 'act');
    const tagged = withTemplate(entry, `${T}.7`);
    const observations =
      tagged.length > 0
        ? tagged
        : act
          ? childElements(act, 'entryRelationship').flatMap((r) => childElements(r, 'observation'))
          : childElements(entry, 'observation');
    return observations.flatMap((obs) => allergy(obs, act, ids));
  });
}

function allergy(obs: XElement, act: XElement | undefined, ids: Ids): Allergy[] {
  const entity = path(obs, 'participant', 'participantRole', 'playingEntity');
  const code = child(entity, 'code');
  const negated = attr(obs, 'negationInd') === 'true';
  const substance =
    attr(code, 'displayName') ??
    (narrativeText(child(entity, 'name')) || undefined) ??
    codeText(code, ids) ??
    (negated ? codeText(child(obs, 'value'), ids) : undefined);
  if (!substance) return [];
  const reaction = withTemplate(obs, `${T}.9`)
    .map((r) => valueText(r, ids) ?? referencedText(r, ids))
    .filter(Boolean);
  const severity = withTemplate(obs, `${T}.8`)[0];
  const status = withTemplate(obs, `${T}.28`)[0];
  return [
    defined<Allergy>({
      substance: (negated ? `No known allergy: ${substance}` : substance).slice(0, 500),
      code: codingOf(code),
      reaction: cut([...new Set(reaction)].join(', '), 500),
      severity: cut(valueText(severity, ids) ?? referencedText(severity, ids), 100),
      status: cut(statusValue(status, ids) ?? attr(child(act, 'statusCode'), 'code'), 100),
      onset: low(child(obs, 'effectiveTime')),
    }),
  ];
}

/** Problem concern acts -> problem observations (the value is the problem). */
export function problems(section: XElement, ids: Ids): Problem[] {
  return childElements(section, 'entry').flatMap((entry) => {
    const act = child(entry, 'act');
    const observations = act
      ? childElements(act, 'entryRelationship')
          .map((r) => child(r, 'observation'))
          .filter((o): o is XElement => !!o)
      : childElements(entry, 'observation');
    return observations.flatMap((obs) => {
      const value = child(obs, 'value');
      const name = codeText(value, ids) ?? codeText(child(obs, 'code'), ids);
      if (!name) return [];
      const time = child(obs, 'effectiveTime');
      const status = withTemplate(obs, `${T}.6`)[0];
      return [
        defined<Problem>({
          name: name.slice(0, 500),
          code: codingOf(value),
          status: cut(statusValue(status, ids) ?? attr(child(act, 'statusCode'), 'code'), 100),
          onset: low(time),
          resolved: high(time),
        }),
      ];
    });
  });
}

const performerOf = (el: XElement) => {
  const entity = path(el, 'performer', 'assignedEntity');
  return (
    nameOf(path(entity, 'assignedPerson', 'name')) ??
    (narrativeText(path(entity, 'representedOrganization', 'name')) || undefined) ??
    attr(child(entity, 'code'), 'displayName')
  );
};

/** Procedure activities (procedure, observation or act entries). */
export function procedures(section: XElement, ids: Ids): Procedure[] {
  return childElements(section, 'entry').flatMap((entry) => {
    const act = child(entry, 'procedure') ?? child(entry, 'observation') ?? child(entry, 'act');
    if (!act) return [];
    const code = child(act, 'code');
    const name = codeText(code, ids) ?? referencedText(act, ids);
    if (!name) return [];
    return [
      defined<Procedure>({
        name: name.slice(0, 500),
        code: codingOf(code),
        date: low(child(act, 'effectiveTime')),
        status: cut(attr(child(act, 'statusCode'), 'code'), 100),
        performer: cut(performerOf(act), 500),
        bodySite: cut(codeText(child(act, 'targetSiteCode'), ids), 200),
      }),
    ];
  });
}

/** Immunization activities; a refused or not-given dose keeps its negation as its status. */
export function immunizations(section: XElement, ids: Ids): Immunization[] {
  return descendants(section, 'substanceAdministration').flatMap((sa) => {
    const material = path(sa, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
    const code = child(material, 'code');
    // The coded vaccine first: HL7's own CCD sample points two different vaccines at one narrative cell.
    const vaccine =
      attr(code, 'displayName') ?? codeText(code, ids) ?? (narrativeText(child(material, 'name')) || undefined);
    if (!vaccine) return [];
    const status = attr(child(sa, 'statusCode'), 'code');
    return [
      defined<Immunization>({
        vaccine: vaccine.slice(0, 500),
        code: codingOf(code),
        date: low(child(sa, 'effectiveTime')),
        status: cut(attr(sa, 'negationInd') === 'true' ? `not given${status ? ` (${status})` : ''}` : status, 100),
        lotNumber: cut(narrativeText(child(material, 'lotNumberText')) || undefined, 100),
      }),
    ];
  });
}

/** Encounter activities: type, dates, location, provider and the reason (indication) when coded. */
export function encounters(section: XElement, ids: Ids): Encounter[] {
  return childElements(section, 'entry').flatMap((entry) => {
    const enc = child(entry, 'encounter');
    if (!enc) return [];
    const code = child(enc, 'code');
    const type = codeText(code, ids) ?? referencedText(enc, ids) ?? 'Encounter';
    const time = child(enc, 'effectiveTime');
    const location = childElements(enc, 'participant')
      .filter((p) => attr(p, 'typeCode') === 'LOC')
      .map((p) => path(p, 'participantRole'))
      .map((role) => narrativeText(path(role, 'playingEntity', 'name')) || attr(child(role, 'code'), 'displayName'))
      .find(Boolean);
    const reason = childElements(enc, 'entryRelationship')
      .filter((r) => attr(r, 'typeCode') === 'RSON')
      .map((r) => valueText(child(r, 'observation'), ids))
      .filter(Boolean)
      .join(', ');
    return [
      defined<Encounter>({
        type: type.slice(0, 500),
        code: codingOf(code),
        date: low(time),
        end: high(time),
        location: cut(location, 500),
        provider: cut(performerOf(enc), 500),
        reason: cut(reason, 1000),
      }),
    ];
  });
}

/** Family history organizers: one member per condition, with the relative, age at onset and death. */
export function familyHistory(section: XElement, ids: Ids): FamilyMemberHistory[] {
  return descendants(section, 'organizer').flatMap((organizer) => {
    const relative = path(organizer, 'subject', 'relatedSubject');
    const relationship =
      codeText(child(relative, 'code'), ids) ?? attr(child(relative, 'code'), 'code') ?? 'Family member';
    const deceasedInd = attr(path(relative, 'subject', 'deceasedInd'), 'value');
    return childElements(organizer, 'component')
      .map((c) => child(c, 'observation'))
      .filter((o): o is XElement => !!o)
      .flatMap((obs) => {
        const value = child(obs, 'value');
        const condition = codeText(value, ids);
        if (!condition) return [];
        const age = withTemplate(obs, `${T}.31`)[0];
        const died = withTemplate(obs, `${T}.47`).length > 0;
        return [
          defined<FamilyMemberHistory>({
            relationship: relationship.slice(0, 200),
            condition: condition.slice(0, 500),
            code: codingOf(value),
            onsetAge: cut(valueText(age, ids)?.replace(/ a$/, ' years'), 50),
            deceased: died || deceasedInd === 'true' ? true : undefined,
          }),
        ];
      });
  });
}

/** Observations by name and value (social history: smoking status, alcohol, occupation ...). */
export function codedEntries(section: XElement, ids: Ids): CodedEntry[] {
  return childElements(section, 'entry').flatMap((entry) => {
    const obs = child(entry, 'observation') ?? child(entry, 'act');
    if (!obs) return [];
    const code = child(obs, 'code');
    // Smoking status observations are coded ASSERTION: the template says what they are.
    const name =
      (attr(code, 'code') === 'ASSERTION' ? undefined : codeText(code, ids)) ??
      (templateRoots(obs).includes(`${T}.78`) ? 'Smoking status' : undefined) ??
      referencedText(obs, ids);
    if (!name) return [];
    return [
      defined<CodedEntry>({
        name: name.slice(0, 500),
        code: codingOf(code),
        value: cut(valueText(obs, ids) ?? referencedText(obs, ids), 2000),
        date: low(child(obs, 'effectiveTime')),
        status: cut(attr(child(obs, 'statusCode'), 'code'), 100),
      }),
    ];
  });
}

/** Medication activities (given or intended): name, dose, route, frequency, start and status. */
export function medications(section: XElement, ids: Map<string, XElement>): Medication[] {
  const meds: Medication[] = [];
  for (const sa of descendants(section, 'substanceAdministration')) {
    if (sa.getAttribute('moodCode') && !['EVN', 'INT'].includes(sa.getAttribute('moodCode')!)) continue;
    const material = path(sa, 'consumable', 'manufacturedProduct', 'manufacturedMaterial');
    const name = codeText(child(material, 'code'), ids) ?? (narrativeText(child(material, 'name')) || undefined);
    if (!name) continue;
    const med: Medication = { name: name.slice(0, 500) };
    const dose = child(sa, 'doseQuantity');
    const doseUnit = attr(dose, 'unit') === '1' ? '' : (attr(dose, 'unit') ?? ''); // UCUM "1": a count
    if (attr(dose, 'value')) med.dose = `${attr(dose, 'value')} ${doseUnit}`.trim();
    const route = attr(child(sa, 'routeCode'), 'displayName');
    if (route) med.route = route;
    for (const time of childElements(sa, 'effectiveTime')) {
      const period = child(time, 'period');
      if (period) med.frequency = `every ${attr(period, 'value')} ${attr(period, 'unit') ?? ''}`.trim();
      const start = parseHl7Date(attr(child(time, 'low'), 'value'));
      if (start) med.startDate = start;
    }
    const status = attr(child(sa, 'statusCode'), 'code');
    if (status) med.status = status;
    meds.push(med);
  }
  return meds;
}

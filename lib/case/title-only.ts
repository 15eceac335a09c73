// The title-only rule lives in core: the database's summary of a case (core/case-summary) counts it.
export { isTitleOnly, snapshotContent, type TitleOnlyInput } from '../core/title-only';

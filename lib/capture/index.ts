// The clip inside the portal tab: flatten the page, run its adapter, snapshot each record.
// Other rooms import from here, not from the files inside.
export { capturePage, type CaptureOptions, type CaptureOutcome } from './capture-page';
export { type CaptureTimings } from './snapshot';
export { framesKit, FRAMES_KIT_GLOBAL } from './frames-kit';
export { PAGE_PARTS_GLOBAL, PagePartsMissing, registerPageParts, type PageParts } from './page-parts';

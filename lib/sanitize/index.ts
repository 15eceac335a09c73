// Clipped and imported HTML made safe to store and show.
// Other rooms import from here, not from the files inside.
export * from './sanitize';

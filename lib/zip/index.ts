// Our zip writer and reader: native deflate, ZIP64, WinZip AES.
// Other rooms import from here, not from the files inside.
export * from './deflate';
export * from './records';
export * from './time-slicer';
export * from './winzip-aes';
export * from './container';
export * from './inflate';
export * from './entry-name';

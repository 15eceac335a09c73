// zod/mini: the functional API, so the bundler keeps only the schema kinds and checks we use
// (classic zod carries every method on every schema, ~90 KB per bundle). Imported as a namespace: the
// `z` re-export of 'zod/mini' itself defeats tree-shaking.
import * as z from 'zod/mini';

// zod 4 probes `new Function` to decide whether to JIT-compile parsers. Extension CSP forbids eval,
// and web-ext lint flags the probe; the interpreter is fast enough for our message sizes.
z.config({ jitless: true });

export { z };

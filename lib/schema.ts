import { z } from 'zod';

// zod 4 probes `new Function` to decide whether to JIT-compile parsers. Extension CSP forbids eval,
// and web-ext lint flags the probe; the interpreter is fast enough for our message sizes.
z.config({ jitless: true });

export { z };

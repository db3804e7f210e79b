import { z } from 'zod';

/**
 * Imported for its effect, first, by a page whose Content-Security-Policy forbids eval: zod would
 * otherwise compile object parsers with `new Function` (and probe for it once, which the browser
 * reports as a violation). It must run before any schema parses, and the protocol's own modules
 * parse some defaults as they load, so it is a module of its own. The bridge keeps the compiled parsers.
 */
z.config({ jitless: true });

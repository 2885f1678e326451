import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the script is started from. */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

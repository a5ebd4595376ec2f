// Files shipped with the package. This module sits one level below the package root,
// in src/ and (bundled) in dist/ alike, so the same relative URLs work in both.
import { fileURLToPath } from 'node:url';

const asset = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

export const DEFAULT_TEMPLATE = asset('templates/so-ket.md.hbs');
export const STARTER_DEFINITION = asset('templates/baocao.yaml');
export const DEFINITION_SCHEMA = asset('schema/baocao.schema.json');

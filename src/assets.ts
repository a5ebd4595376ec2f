// Files shipped with the package. This module sits one level below the package root,
// in src/ and (bundled) in dist/ alike, so the same relative URLs work in both.
import { fileURLToPath } from 'node:url';

const asset = (name: string) => fileURLToPath(new URL(`../${name}`, import.meta.url));

export const DEFAULT_TEMPLATE = asset('templates/so-ket.md.hbs');
/** What `init` writes: a definition any committee starts from. */
export const STARTER_DEFINITION = asset('templates/baocao-chung.yaml');
/** What `init --mau` writes: the sample's definition (Ban Chỉ đạo 138 tỉnh Hà Giang), to try every command on its returns. */
export const SAMPLE_DEFINITION = asset('templates/baocao.yaml');
export const DEFINITION_SCHEMA = asset('schema/baocao.schema.json');

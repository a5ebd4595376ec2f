// The JSON Schema editors use for completion in baocao.yaml, derived from the one zod schema.
import { z } from 'zod';
import { definitionSchema } from './schema.js';

export function definitionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(definitionSchema, { io: 'input', unrepresentable: 'any' }),
    title: 'baocao — định nghĩa báo cáo (baocao.yaml)',
  };
}

// Every XML part of a package is parsed back before the package is written: a
// document Word or LibreOffice would refuse (a control character, a broken tag) is
// never published with exit 0, whatever went wrong upstream.
import { SaxesParser } from 'saxes';
import { FatalError } from '../messages/problem.js';

export function verifyXmlParts(parts: ReadonlyMap<string, string>): void {
  for (const [name, xml] of parts) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const parser = new SaxesParser({ xmlns: true });
    let first: Error | undefined;
    parser.on('error', (err) => {
      first ??= err;
    });
    parser.write(xml).close();
    if (first) throw FatalError.of('DOCUMENT_INVALID', { params: { detail: `${name}: ${first.message.split('\n')[0]}` } });
  }
}

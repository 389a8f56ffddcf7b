import { SaxesParser } from 'saxes';
import { StringDecoder } from 'string_decoder';

/** What a scan is told of one XML part: elements by their local name, and the text inside them. */
export interface XmlListener {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text(text: string): void;
  close(name: string): void;
}

/** `x:mergeCell` → `mergeCell`. */
const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/**
 * One part of an archive read as XML, chunk by chunk, with saxes — the parser exceljs itself reads
 * with, so that no spelling (quotes, attribute order, character references, line breaks inside a
 * tag) means one thing here and another there. Names lose their prefix: exceljs knows only
 * unprefixed names, so the listener hears at least what exceljs acts on. After the first XML error
 * nothing more is heard: exceljs gives up on the whole workbook at that point, and a part that is
 * not XML at all (an image) stops at once.
 */
export class XmlPartScan {
  private readonly parser = new SaxesParser({ position: false });
  private readonly decoder = new StringDecoder('utf8');
  private failed = false;
  /** The parser's first error, when the part is not well-formed XML. */
  failure: string | undefined;

  constructor(listener: XmlListener) {
    this.parser.on('opentag', (tag) => {
      if (!this.failed) listener.open(localName(tag.name), tag.attributes as Record<string, string>);
    });
    this.parser.on('text', (text) => {
      if (!this.failed) listener.text(text);
    });
    this.parser.on('closetag', (tag) => {
      if (!this.failed) listener.close(localName(tag.name));
    });
    this.parser.on('error', (error) => {
      if (!this.failed) this.failure = error.message;
      this.failed = true;
    });
  }

  write(chunk: Buffer): void {
    if (!this.failed) this.parser.write(this.decoder.write(chunk));
  }

  end(): void {
    if (!this.failed) this.parser.write(this.decoder.end());
  }
}

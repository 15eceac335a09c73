import { JSDOM } from 'jsdom';
import type { XmlParser } from '../../lib/import/xml';

/**
 * The XML parser Node code passes to lib/import (the extension passes the page's `DOMParser`). jsdom,
 * not happy-dom: jsdom keeps XML namespaces and reports errors the way Firefox does (a `<parsererror>`).
 */
const { DOMParser } = new JSDOM('').window;

export const parseXmlDocument: XmlParser = (xml) => new DOMParser().parseFromString(xml, 'application/xml');

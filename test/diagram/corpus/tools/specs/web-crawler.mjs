import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('web-crawler', {
    description: 'A web crawler: seed URLs into the URL frontier, an HTML downloader using a DNS resolver, a content parser, a "Content Seen?" check (diamond) against content storage, a URL extractor and filter, a "URL Seen?" diamond with URL storage, looping back to the frontier.',
    style: ['multiline-labels'], font: 2, fontSize: 16, roughness: 1, strokeWidth: 1,
  });
  d.box('seed', 'rect', 0, 0, 120, 56, 'Seed URLs', 'unknown', { bg: '#e9ecef' });
  d.box('fr', 'rect', 190, -6, 150, 68, 'URL Frontier', 'message-queue', { bg: '#fff3bf' });
  d.box('dl', 'rect', 420, 0, 150, 56, 'HTML Downloader', 'service', { bg: '#d0ebff' });
  d.box('dns', 'rect', 430, -130, 130, 56, 'DNS Resolver', 'service');
  d.box('cp', 'rect', 650, 0, 140, 56, 'Content Parser', 'service', { bg: '#d0ebff' });
  d.box('cs', 'diamond', 840, -30, 150, 116, 'Content\nSeen?', 'service');
  d.box('cst', 'cyl', 850, -210, 130, 100, 'Content\nStorage', 'blob-store');
  d.box('ue', 'rect', 850, 170, 140, 56, 'URL Extractor', 'service', { bg: '#d0ebff' });
  d.box('uf', 'rect', 640, 170, 130, 56, 'URL Filter', 'service', { bg: '#d0ebff' });
  d.box('us', 'diamond', 410, 140, 150, 116, 'URL\nSeen?', 'service');
  d.box('ust', 'cyl', 420, 300, 130, 100, 'URL Storage', 'database');
  d.arrow('seed', 'fr');
  d.arrow('fr', 'dl');
  d.arrow('dl', 'dns', { heads: 'both' });
  d.arrow('dl', 'cp');
  d.arrow('cp', 'cs');
  d.arrow('cs', 'cst', { label: 'no: store' });
  d.arrow('cs', 'ue');
  d.arrow('ue', 'uf');
  d.arrow('uf', 'us');
  d.arrow('us', 'ust', { heads: 'both' });
  d.arrow('us', 'fr', { label: 'new URL', via: [[265, 198]] });
  return d;
};

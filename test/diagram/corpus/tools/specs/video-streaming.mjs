import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('video-streaming', {
    description: 'YouTube-like video streaming: a creator uploads through an upload service to original storage (S3), a transcoding queue feeds transcoding servers writing to transcoded storage served by a CDN to viewers; API servers behind an LB with a metadata cache and DB.',
    style: ['product-names', 'abbreviations', 'multiline-labels', 'typos'], font: 3, fontSize: 15, roughness: 0, strokeWidth: 2,
  });
  d.box('cr', 'person', 0, 0, 90, 0, 'Creator', 'client');
  d.box('vw', 'person', 0, 330, 90, 0, 'Viewer', 'client');
  d.box('up', 'rect', 140, 10, 150, 64, 'Upload service', 'service');
  d.box('orig', 'cyl', 360, -10, 150, 100, 'Original storage\n(S3)', 'blob-store');
  d.box('tq', 'rect', 580, 10, 150, 60, 'Transcoding queu', 'message-queue', { bg: '#fff3bf' });
  d.box('ts', 'rect', 800, 0, 160, 76, 'Transcoding\nservers', 'service', { stack: { n: 3, dx: 12, dy: 12, text: 'front' } });
  d.box('tr', 'cyl', 810, 180, 160, 100, 'Transcoded\nstorage', 'blob-store');
  d.box('cdn', 'ellipse', 560, 300, 160, 90, 'CDN', 'cdn', { bg: '#ffd8a8' });
  d.box('lb', 'rect', 140, 220, 80, 54, 'LB', 'load-balancer');
  d.box('api', 'rect', 280, 210, 140, 70, 'API servers', 'api-server', { stack: { n: 2, dx: 10, dy: -10, text: 'front' } });
  d.box('mc', 'rect', 300, 360, 150, 56, 'Metadata cache', 'cache');
  d.box('mdb', 'cyl', 300, 450, 150, 100, 'Metadata DB', 'database');
  d.arrow('cr', 'up', { label: 'upload' });
  d.arrow('up', 'orig');
  d.arrow('orig', 'tq', { label: 'new video event' });
  d.arrow('tq', 'ts');
  d.arrow('ts', 'tr');
  d.arrow('tr', 'cdn');
  d.arrow('cdn', 'vw', { label: 'stream', via: [[300, 600], [40, 600]] });
  d.arrow('cr', 'lb', { bind: 'end', via: [[60, 180]] });
  d.arrow('vw', 'lb');
  d.arrow('lb', 'api');
  d.arrow('api', 'mc');
  d.arrow('mc', 'mdb', { heads: 'both' });
  d.arrow('ts', 'api', { label: 'done callback', dashed: true, via: [[880, 150], [400, 150]] });
  return d;
};

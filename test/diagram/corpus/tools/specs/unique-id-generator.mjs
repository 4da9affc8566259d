import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('unique-id-generator', {
    description: 'Two designs for unique ids on one canvas, one under the other with titles: option 1, web servers asking a MySQL ticket server (auto_increment); option 2, app servers asking a Snowflake id service whose worker ids come from ZooKeeper, with a long note on the 64-bit layout.',
    style: ['several-designs', 'product-names', 'multiline-labels'], font: 1, fontSize: 18, roughness: 1, strokeWidth: 1,
  });
  d.text(0, -100, 'Option 1: ticket server', { kind: 'title', fontSize: 28 });
  d.box('w1', 'rect', 0, 0, 140, 60, 'Web server 1', 'web-server');
  d.box('w2', 'rect', 4, 110, 140, 60, 'Web server 2', 'web-server');
  d.box('tk', 'cyl', 300, 20, 190, 130, 'Ticket server\n(MySQL\nauto_increment)', 'id-generator');
  d.arrow('w1', 'tk');
  d.arrow('w2', 'tk');
  d.text(540, 60, 'single point of failure!', { kind: 'annotation', fontSize: 18, color: '#e03131' });

  d.text(0, 500, 'Option 2: Snowflake', { kind: 'title', fontSize: 28 });
  d.box('app', 'rect', 0, 620, 150, 80, 'App servers', 'api-server', { stack: { n: 3, dx: 12, dy: -12, text: 'front' } });
  d.box('sf', 'rect', 300, 610, 170, 90, 'Snowflake\nID service', 'id-generator', { bg: '#d3f9d8', stack: { n: 2, dx: 12, dy: -12, text: 'front' } });
  d.box('zk', 'ellipse', 580, 600, 160, 100, 'ZooKeeper', 'service');
  d.box('db', 'cyl', 40, 800, 130, 100, 'DB', 'database');
  d.arrow('app', 'sf', { label: 'next id' });
  d.arrow('sf', 'zk', { label: 'worker id', dashed: true });
  d.arrow('app', 'db');
  d.text(290, 780, '64 bits = 1 sign | 41 timestamp (ms since custom epoch) |\n5 datacenter | 5 machine | 12 sequence.\nIds sort by time; 4096 ids per ms per machine.', { kind: 'note', fontSize: 16 });
  return d;
};

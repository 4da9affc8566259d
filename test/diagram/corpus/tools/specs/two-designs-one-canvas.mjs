import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('two-designs-one-canvas', {
    description: 'Two unrelated designs on one canvas separated by a large vertical gap, each titled: a Kafka overview (two producers, a Kafka cluster drawn as three stacked broker cards, a consumer group of two committing to __consumer_offsets, ZooKeeper) and a small chat app (phones, LB, WS server, presence svc, message service, Cassandra, Redis pub/sub).',
    style: ['several-designs', 'product-names', 'abbreviations'], font: 1, fontSize: 18, roughness: 1, strokeWidth: 1,
  });
  d.text(0, -120, '1) Kafka in one picture', { kind: 'title', fontSize: 30 });
  d.box('pa', 'rect', 0, 0, 130, 56, 'Producer A', 'producer');
  d.box('pb', 'rect', 0, 110, 130, 56, 'Producer B', 'producer');
  d.box('k', 'rect', 250, 30, 170, 90, 'Kafka\n(3 brokers)', 'broker', { stack: { n: 3, dx: 14, dy: -14, text: 'front' }, bg: '#fff4e6' });
  d.box('zk', 'ellipse', 260, 200, 150, 70, 'ZooKeeper', 'service');
  d.container(520, -30, 220, 230, 'consumer group', { strokeStyle: 'dotted' });
  d.box('c1', 'rect', 550, 20, 150, 56, 'consumer 1', 'consumer');
  d.box('c2', 'rect', 552, 120, 150, 56, 'consumer 2', 'consumer');
  d.box('off', 'cyl', 560, 260, 140, 90, '__consumer_offsets', 'offset-store', { fontSize: 14, lid: 16 });
  d.arrow('c2', 'off', { label: 'commit', dashed: true });
  d.arrow('pa', 'k');
  d.arrow('pb', 'k');
  d.arrow('k', 'zk', { dashed: true, heads: 'both' });
  d.arrow('k', 'c1');
  d.arrow('k', 'c2');

  d.text(0, 900, '2) Chat app', { kind: 'title', fontSize: 30 });
  d.box('m1', 'phone', 0, 1000, 50, 90, '', 'client');
  d.box('m2', 'phone', 0, 1160, 50, 90, '', 'client');
  d.box('lb', 'rect', 130, 1090, 60, 60, 'LB', 'load-balancer');
  d.box('ws', 'rect', 270, 1080, 140, 70, 'WS server', 'gateway', { stack: { n: 2, dx: 10, dy: -10, text: 'front' } });
  d.box('msg', 'rect', 490, 1080, 150, 70, 'Message service', 'service');
  d.box('cas', 'cyl', 720, 1060, 130, 110, 'Cassandra', 'nosql-db');
  d.box('pub', 'rect', 480, 1230, 170, 60, 'Redis pub/sub', 'message-queue');
  d.box('pres', 'rect', 270, 1240, 140, 56, 'presence svc', 'presence-service');
  d.arrow('ws', 'pres', { label: 'heartbeat', bind: 'start' });
  d.arrow('m1', 'lb', { bind: 'end' });
  d.arrow('m2', 'lb', { bind: 'end' });
  d.arrow('lb', 'ws');
  d.arrow('ws', 'msg', { heads: 'both' });
  d.arrow('msg', 'cas');
  d.arrow('msg', 'pub');
  d.arrow('pub', 'ws', { via: [[460, 1200], [380, 1200]] });
  return d;
};
